/**
 * The holdings document the page shows: positions by account with their priced lots, totals
 * per account and overall, and realised gains by calendar year and term — the shape of
 * `GET /api/v1/portfolios/{id}/holdings`. Money in dollars, dates ISO `YYYY-MM-DD`.
 */

/** Tax term of a lot held or of a realised gain. */
export type Term = 'short' | 'long';

/** Market value, cost basis and unrealised gain of a set of lots (dollars). */
export interface HoldingsTotals {
  readonly costBasis: number;
  /** Null when a lot in the set has no price. */
  readonly marketValue: number | null;
  readonly unrealizedGain: number | null;
}

/** One open tax lot, priced. */
export interface HoldingsLot {
  /** `L<line>` of the ledger row that opened it. */
  readonly id: string;
  readonly acquired: string;
  /** Signed: negative is a short. */
  readonly quantity: number;
  readonly costPerShare: number;
  readonly costBasis: number;
  readonly price: number | null;
  /** Where the price came from (`stored close`, `last trade price (ledger)`, …). */
  readonly priceSource: string | null;
  readonly priceDate: string | null;
  readonly marketValue: number | null;
  readonly unrealizedGain: number | null;
  readonly term: Term;
  /** Calendar days until the lot turns long-term: 0 once it is, null for a short position. */
  readonly daysToLongTerm: number | null;
}

/** One holding (account × symbol) with its lots. */
export interface HoldingsPosition extends HoldingsTotals {
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number | null;
  readonly priceSource: string | null;
  readonly priceDate: string | null;
  readonly lots: readonly HoldingsLot[];
}

/** An account's positions and totals. */
export interface HoldingsAccount {
  readonly account: string;
  readonly positions: readonly HoldingsPosition[];
  readonly totals: HoldingsTotals;
}

/** Realised gains of one calendar year (by disposal date), dollars. */
export interface RealizedYear {
  readonly year: number;
  readonly shortTerm: number;
  readonly longTerm: number;
  readonly total: number;
}

/** The holdings document. */
export interface HoldingsDocument {
  /** The date lots are priced and their terms counted at. */
  readonly asOf: string;
  readonly accounts: readonly HoldingsAccount[];
  readonly totals: HoldingsTotals;
  readonly realized: readonly RealizedYear[];
  readonly realizedTotal: {
    readonly shortTerm: number;
    readonly longTerm: number;
    readonly total: number;
  };
}
