/**
 * Fund definitions: what one dollar of a fund's NAV buys in economic exposure.
 *
 * Convention (docs/conventions.md, "Holdings, ledger and exposures"): a definition lists economic
 * exposure per $1 of NAV on universe exposure ids, e.g. RSSB ≈ 1.0 global equity + 1.0 US
 * Treasuries (gross 2.0), UPRO = 3.0 US large cap equity. The implicit financing (cash) leg of
 * embedded leverage is NOT listed: its cost is already in the fund's returns.
 */

/** Canonical definition of one fund (the shape of an entry of `config/funds.yaml`). */
export interface FundDefinition {
  /** Fund name as published. */
  readonly name: string;
  /** Free-text fund category, e.g. `Return Stacked`, `Managed Futures`. */
  readonly category: string;
  /**
   * Universe exposure id → economic exposure per $1 of NAV (decimal; 1.0 = $1 of exposure
   * per $1 held, 3.0 for a 3× fund, negative for a short exposure). Financing leg excluded.
   */
  readonly exposures: Readonly<Record<string, number>>;
  /**
   * The same exposures before mapping through the vocabulary, on the coarse names of the
   * source file (economic per $1, i.e. already weight × total_notional). Kept for audit.
   */
  readonly sourceExposures?: Readonly<Record<string, number>>;
  /** Where the numbers come from, stated honestly (prospectus, converted file, …). */
  readonly provenance: string;
  /** Who or what validated the definition against fund returns; null when nobody has. */
  readonly validatedBy: string | null;
  readonly notes?: string;
  /**
   * A currency-hedged share class (docs/currencies.md, "Exposures in the base currency"): held in
   * a base-currency view, it adds no currency exposure for its price currency — the hedge is
   * assumed complete, its carry (the interest-rate differential) is not modelled. Absent = false.
   */
  readonly currencyHedged?: boolean;
}

/** A set of fund definitions keyed by upper-case, trimmed symbol. */
export interface FundUniverse {
  readonly funds: Readonly<Record<string, FundDefinition>>;
}

/**
 * One fund of a weight-and-leverage file (the upstream replication layout): replication
 * weights on coarse names plus a leverage multiplier. Economic exposure per $1 of NAV to a
 * coarse name = weight × `totalNotional`.
 */
export interface WeightStyleFund {
  readonly name: string;
  readonly category: string;
  /** Coarse name (e.g. `BONDS`) → replication weight (decimal). Need not sum to 1. */
  readonly exposures: Readonly<Record<string, number>>;
  /** The file's `total_notional`: leverage multiplier applied to every weight. */
  readonly totalNotional: number;
  /** The file's `replication.notes`, when present. */
  readonly replicationNotes?: string;
}

/** A whole weight-and-leverage file: funds keyed by symbol as written in the file. */
export interface WeightStyleUniverse {
  readonly funds: Readonly<Record<string, WeightStyleFund>>;
  /** The file's `exposure_types` (coarse name → label), when present. */
  readonly exposureTypes?: Readonly<Record<string, string>>;
}
