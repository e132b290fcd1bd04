/**
 * Types of asset location: one household target allocation placed across accounts of
 * different tax treatment (docs/asset-location.md). Money is float64 dollars; rates, returns
 * and weights are decimals (docs/conventions.md, "Units").
 */

import type { Warning } from '../warnings.ts';

/** Tax treatment of an account. */
export type AccountTaxType = 'taxable' | 'traditional' | 'roth';

/** The account tax types, in the order tables list them. */
export const ACCOUNT_TAX_TYPES: readonly AccountTaxType[] = ['taxable', 'traditional', 'roth'];

/**
 * How traditional (pre-tax) dollars count towards the household total and its exposures:
 * `pre-tax` takes statement dollars at face value; `after-tax` counts a traditional dollar as
 * (1 − withdrawalRate) dollars, the spendable value of a withdrawal.
 */
export type TraditionalBasis = 'pre-tax' | 'after-tax';

/** One account: its tax type, its balance (dollars, ≥ 0) and the funds it may hold. */
export interface LocationAccount {
  readonly name: string;
  readonly type: AccountTaxType;
  readonly balance: number;
  /** Fund symbols the account may hold (its menu), upper-case. */
  readonly funds: readonly string[];
}

/** Return and tax profile of one exposure (per $1 of exposure, annual decimals). */
export interface ExposureProfile {
  /** Expected total return per year, before tax (decimal). */
  readonly expectedReturnAnnual: number;
  /** Distribution yield per year (interest or dividends, decimal). */
  readonly yieldAnnual: number;
  /** Share of the yield that is qualified dividends (taxed at the qualified rate); the rest is ordinary. */
  readonly qualifiedShare: number;
  /** Share of the holding sold per year inside the fund or by the owner (decimal). */
  readonly turnoverAnnual: number;
  /** Share of the value turned over that is a realised (long-term) gain. */
  readonly realisedGainShare: number;
}

/** Flat marginal rates (decimals) and the horizon of the objective. */
export interface LocationTaxRates {
  /** Rate on interest and non-qualified dividends. */
  readonly ordinaryRate: number;
  /** Rate on qualified dividends. */
  readonly qualifiedRate: number;
  /** Rate on realised long-term gains. */
  readonly capitalGainsRate: number;
  /** Rate on a withdrawal from a traditional account at the horizon. */
  readonly withdrawalRate: number;
  /** Horizon H of the objective, years (> 0, need not be an integer). */
  readonly horizonYears: number;
}

/** Everything {@link placeAssets} needs. */
export interface LocationProblem {
  readonly accounts: readonly LocationAccount[];
  /** Target economic exposure per exposure id, as a fraction of the household total. */
  readonly targetWeights: Readonly<Record<string, number>>;
  /** Fund → exposure id → economic exposure per $1 of NAV (config/funds.yaml). */
  readonly funds: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Profile of every exposure a target or an account's fund has. */
  readonly exposures: Readonly<Record<string, ExposureProfile>>;
  readonly tax: LocationTaxRates;
  /** Default `pre-tax`. */
  readonly traditionalBasis?: TraditionalBasis;
  /** Minimum dollars of a fund held in an account (0 or absent: none; else a MILP). */
  readonly minPositionDollars?: number;
  /**
   * When the target exposures cannot be met exactly: false (default) fails with INFEASIBLE
   * naming the smallest miss; true places as close as possible and reports the deviation.
   */
  readonly allowDeviation?: boolean;
}

/** One fund held in one account. */
export interface PlacedHolding {
  readonly fund: string;
  readonly dollars: number;
}

/** The placement of one account. */
export interface PlacedAccount {
  readonly name: string;
  readonly type: AccountTaxType;
  readonly balance: number;
  /** Funds held, largest first (positions below 1e-9 of the household are left out). */
  readonly holdings: readonly PlacedHolding[];
  /** Economic exposure dollars per exposure id (Σ over funds of dollars × exposure per $1). */
  readonly exposureDollars: Readonly<Record<string, number>>;
  /** First-year tax drag of the account in dollars (0 outside taxable accounts). */
  readonly taxDragAnnual: number;
}

/** Where one exposure sits. */
export interface ExposurePlacement {
  readonly exposure: string;
  /** Target in basis dollars (target weight × household basis total). */
  readonly targetDollars: number;
  /** Placed in basis dollars. */
  readonly placedDollars: number;
  /** placed − target (basis dollars); 0 unless `allowDeviation` let it miss. */
  readonly deviationDollars: number;
  /** Statement dollars of the exposure per account name. */
  readonly byAccount: Readonly<Record<string, number>>;
  /** Tax drag per $1 of the exposure in a taxable account (decimal per year). */
  readonly taxDragPerDollar: number;
}

/** The answer of {@link placeAssets}. */
export interface LocationResult {
  readonly accounts: readonly PlacedAccount[];
  readonly exposures: readonly ExposurePlacement[];
  readonly traditionalBasis: TraditionalBasis;
  /** Σ statement balances. */
  readonly householdDollars: number;
  /** Σ basis-weighted balances (= householdDollars on the pre-tax basis). */
  readonly householdBasisDollars: number;
  readonly objective: {
    /** What is maximised (docs/asset-location.md). */
    readonly description: string;
    readonly horizonYears: number;
    /** After-tax dollars at the horizon of the placement. */
    readonly afterTaxValue: number;
    /** The same of the naive pro-rata placement (the target mix in every account). */
    readonly naiveAfterTaxValue: number;
  };
  readonly taxDrag: {
    /** First-year tax drag of the placement, dollars (taxable accounts only). */
    readonly placementAnnual: number;
    /** The same of the naive pro-rata placement. */
    readonly naiveAnnual: number;
    /** naiveAnnual − placementAnnual. */
    readonly savedAnnual: number;
  };
  /** Σ |placed − target| over exposures (basis dollars). */
  readonly totalDeviationDollars: number;
  readonly solver: {
    readonly kind: 'lp' | 'milp';
    readonly name: string;
    readonly iterations: number;
    readonly solveMs: number;
  };
  readonly warnings: readonly Warning[];
}
