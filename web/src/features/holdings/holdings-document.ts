/**
 * INTERIM — the holdings document of `GET /api/v1/portfolios/{id}/holdings`
 * (`PortfolioHoldingsDocument` of src/app/portfolio-holdings.ts, on branch apitx): positions by
 * account with their priced lots, totals per account and overall, realised gains by calendar
 * year. Money in dollars, dates ISO `YYYY-MM-DD`. Replaced by a type import from
 * `api/documents.ts` once the route lands.
 */

export type Term = 'short' | 'long';

export interface HoldingPrice {
  readonly price: number | null;
  readonly priceSource: string | null;
  readonly priceDate: string | null;
}

export interface HoldingLot extends HoldingPrice {
  readonly id: string;
  readonly acquired: string;
  /** Signed: negative is a short. */
  readonly quantity: number;
  readonly costPerShare: number;
  readonly costBasis: number;
  readonly marketValue: number | null;
  readonly unrealizedGain: number | null;
  readonly term: Term;
  /** Calendar days until long-term; 0 when long-term; null for a short lot. */
  readonly daysUntilLongTerm: number | null;
}

export interface HoldingPosition extends HoldingPrice {
  readonly symbol: string;
  readonly quantity: number;
  readonly costBasis: number;
  readonly marketValue: number | null;
  readonly unrealizedGain: number | null;
  readonly lots: readonly HoldingLot[];
}

/** Totals of an account or of the portfolio (priced lots only in market value and gain). */
export interface HoldingTotals {
  readonly cash: number;
  readonly costBasis: number;
  readonly marketValue: number;
  readonly unrealizedGain: number;
  /** Market value + cash. */
  readonly value: number;
}

export interface HoldingAccount {
  readonly account: string;
  readonly positions: readonly HoldingPosition[];
  readonly totals: HoldingTotals;
}

export interface RealizedYear {
  readonly year: number;
  readonly shortTerm: number;
  readonly longTerm: number;
  readonly total: number;
}

export interface PortfolioHoldingsDocument {
  readonly portfolio: string;
  /** The date prices and terms speak for. */
  readonly asOf: string;
  readonly ledgerAsOf: string | null;
  readonly lotMethod: string;
  readonly termRule: string;
  readonly accounts: readonly HoldingAccount[];
  readonly totals: HoldingTotals;
  readonly realizedByYear: readonly RealizedYear[];
  /** Held symbols without any price (left out of market value). */
  readonly unpriced: readonly string[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}
