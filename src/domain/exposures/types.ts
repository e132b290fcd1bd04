/**
 * The exposure universe: abstract economic exposures (US large cap equity beta, broad US
 * Treasuries, trend following …), the categories grouping them, the ways each can be
 * implemented with market data, and the vocabulary mapping coarse fund-file names onto them.
 *
 * Values of these types come from `config/exposures.yaml` through the data layer; the domain
 * only reads them.
 */

import type { IsoDate } from '../calendar/iso-date.ts';

/** Implementation kinds, as written in the universe file. */
export type ImplementationType = Implementation['type'];

/**
 * Equal-weight average of several ETFs (`etf_average`) or mutual funds (`fund_average`).
 * Per date, only members with an observation are averaged (weights renormalised over them),
 * so the history starts with the earliest member.
 */
export interface AverageImplementation {
  readonly type: 'etf_average' | 'fund_average';
  /** Member tickers, upper-case, in the order written. */
  readonly tickers: readonly string[];
  /** Start date the config's author documented; informational, history comes from data. */
  readonly startDate?: IsoDate;
}

/** A single fund, with an optional alternative ticker used when the primary has no data. */
export interface FundImplementation {
  readonly type: 'fund';
  readonly ticker: string;
  readonly alternative?: string;
  /** Start date the config's author documented; informational, history comes from data. */
  readonly startDate?: IsoDate;
}

/** One member of a fixed-weight composite. */
export interface CompositeComponent {
  readonly ticker: string;
  /** Fixed weight as a decimal (0.25 = 25 %). */
  readonly weight: number;
}

/** A fixed-weight composite of tickers; usable only from the date every component has data. */
export interface CompositeImplementation {
  readonly type: 'composite';
  readonly components: readonly CompositeComponent[];
  /** Start date the config's author documented; informational, history comes from data. */
  readonly startDate?: IsoDate;
}

/** A published rate series (e.g. FRED `DGS3MO`, quoted in percent per year). */
export interface RateSeriesImplementation {
  readonly type: 'rate_series';
  /** Data source name, e.g. `FRED`. */
  readonly source: string;
  /** Series id at that source, e.g. `DGS3MO`. */
  readonly series: string;
}

/** An index level series known by name (e.g. `SP500`), not by a tradable ticker. */
export interface IndexImplementation {
  readonly type: 'index';
  readonly index: string;
}

/** Documentation attached to an exposure's implementations; never selected. */
export interface NotesImplementation {
  readonly type: 'notes';
  readonly description: string;
}

/** One way to obtain a return series for an exposure, discriminated by `type`. */
export type Implementation =
  | AverageImplementation
  | FundImplementation
  | CompositeImplementation
  | RateSeriesImplementation
  | IndexImplementation
  | NotesImplementation;

/** One abstract economic exposure of the universe. */
export interface Exposure {
  /** Stable snake_case id, e.g. `us_large_equity`. */
  readonly id: string;
  /** Display name, e.g. `US Large Cap Equity Beta`. */
  readonly name: string;
  readonly description: string;
  /** Id of the {@link Category} this exposure belongs to. */
  readonly category: string;
  /** Older or alternative names that resolve to this exposure (see the registry). */
  readonly aliases: readonly string[];
  /** Implementations in the order written in the config. */
  readonly implementations: readonly Implementation[];
  /** Rate sensitivity of a fixed-income exposure, with its source (used by stress tests). */
  readonly duration?: ExposureDuration;
}

/**
 * A published duration figure for a fixed-income exposure: yield shocks become returns as
 * −years·Δy (+ ½·convexity·Δy² when convexity is given). Only figures with a source and a date.
 */
export interface ExposureDuration {
  /** Effective (modified) duration, years. */
  readonly years: number;
  /** Convexity, years², when published. */
  readonly convexity?: number;
  /** Where the figure comes from (provider, document). */
  readonly source: string;
  /** Date the figure is as of. */
  readonly asOf: IsoDate;
}

/** A group of exposures (equity_beta, factor_style, alternatives, …). */
export interface Category {
  readonly id: string;
  readonly description: string;
}

/**
 * How one coarse fund-file name (e.g. `GLOBAL_EQUITY`) maps onto universe exposures.
 * `weights` are decimals summing to 1: an economic exposure of x to the coarse name becomes
 * x × weight on each listed exposure id.
 */
export interface VocabularyEntry {
  /** Human label the fund files give the name, e.g. `Global Equity`. */
  readonly label: string;
  /** Exposure id → share of the coarse exposure; sums to 1. */
  readonly weights: Readonly<Record<string, number>>;
  /** What the mapping approximates (or that it is direct). */
  readonly note: string;
}

/** Coarse fund-file name (upper snake case, e.g. `BONDS`) → mapping onto universe ids. */
export type Vocabulary = Readonly<Record<string, VocabularyEntry>>;

/** History requirements of the universe (years, as written in the config). */
export interface UniverseSettings {
  readonly minHistoryYears: number;
  readonly preferredHistoryYears: number;
}

/** Everything `config/exposures.yaml` holds, validated in shape by the data layer. */
export interface ExposureConfig {
  /** Exposures in config order (the order reports use). */
  readonly exposures: readonly Exposure[];
  /** Categories in config order. */
  readonly categories: readonly Category[];
  readonly settings: UniverseSettings;
  readonly vocabulary: Vocabulary;
}
