/**
 * Row types of the store's tables as Kysely sees them (snake_case columns). Prices and values
 * are float8 / REAL (pg returns them as numbers); dates are `YYYY-MM-DD` text and timestamps
 * UTC ISO text; nullable columns are `null` when the domain field is absent. New tables extend
 * {@link StoreDatabase}.
 */

import type { Generated } from 'kysely';
import type { FetchOutcome } from './market-store.ts';

/** `instruments`: reference data, one row per symbol. */
export interface InstrumentsTable {
  symbol: string;
  name: string | null;
  kind: string | null;
  currency: string | null;
  exchange: string | null;
  updated_at: string;
}

/** `price_bars`: one row per (symbol, date); `source` names the provider that supplied it. */
export interface PriceBarsTable {
  symbol: string;
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adj_close: number | null;
  volume: number | null;
  dividend: number;
  split: number;
  source: string;
  fetched_at: string;
}

/** `series_points`: one row per (series_id, date). */
export interface SeriesPointsTable {
  series_id: string;
  date: string;
  value: number;
  available_from: string | null;
  source: string;
  fetched_at: string;
}

/** `fetch_log`: one row per fetch attempt. */
export interface FetchLogTable {
  id: Generated<number>;
  kind: string;
  key: string;
  provider: string;
  requested_from: string | null;
  requested_to: string | null;
  started_at: string;
  finished_at: string;
  outcome: FetchOutcome;
  rows: number;
  message: string | null;
}

/** `portfolios`: one row per stored portfolio; `name` is unique. */
export interface PortfoliosTable {
  id: Generated<number>;
  name: string;
  base_currency: string;
  created_at: string;
}

/** `accounts`: the tax treatment of one account of a portfolio. */
export interface AccountsTable {
  portfolio_id: number;
  name: string;
  tax_type: string;
}

/**
 * `transactions`: one ledger row of a portfolio, in `seq` order, with the columns of the
 * transactions-CSV vocabulary (money in integer cents; PostgreSQL's bigint may read back as a
 * string, so readers convert with `Number`).
 */
export interface TransactionsTable {
  portfolio_id: number;
  seq: number;
  line: number;
  date: string;
  type: string;
  symbol: string | null;
  quantity: number | null;
  price: number | null;
  amount_cents: number | string | bigint | null;
  fees_cents: number | string | bigint;
  account: string;
  /** Lot ids as a JSON array of strings. */
  lots: string | null;
  acquired: string | null;
  /** The new symbol of a `symbol_change` or `merger` row (docs/corporate-actions.md). */
  to_symbol?: string | null | undefined;
  /** A merger's value of one new share on its date. */
  to_price?: number | null | undefined;
  /**
   * The row's currency (ISO 4217, upper-case) as imported; null = the portfolio's base currency
   * (docs/currencies.md).
   */
  currency?: string | null | undefined;
}

/** `api_keys`: the keys of the HTTP API; only the SHA-256 of a secret is stored (`key_hash`). */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  scope: string;
  key_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** `runs`: long work submitted as jobs; `input`, `result` and `error` are JSON text. */
export interface RunsTable {
  id: string;
  kind: string;
  input: string;
  inputs_hash: string;
  status: string;
  progress_done: number;
  progress_total: number;
  progress_label: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The run's knowledge time (migration `20261207T1900_run_known_at`), UTC ISO or null. */
  known_at: string | null;
}

/** `data_version`: one row counting the transactions that changed market data or portfolios. */
export interface DataVersionTable {
  id: number;
  version: number | string;
}

/** `fund_definitions`: a named fund file, its text as given (validated before it is stored). */
export interface FundDefinitionsTable {
  name: string;
  text: string;
  source: string;
  created_at: string;
  updated_at: string;
}

/** `universes`: a named list of symbols or exposure ids (`symbols`: a JSON array of strings). */
export interface UniversesTable {
  name: string;
  symbols: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** `alerts`: data alerts raised by a refresh; `details` is JSON text. */
export interface AlertsTable {
  id: Generated<number>;
  created_at: string;
  symbol: string;
  code: string;
  message: string;
  details: string;
  source: string;
}

/** Every table of the store, keyed by table name. */
export interface StoreDatabase {
  instruments: InstrumentsTable;
  price_bars: PriceBarsTable;
  series_points: SeriesPointsTable;
  price_bar_versions: PriceBarsTable & { superseded_at: string };
  series_point_versions: SeriesPointsTable & { superseded_at: string };
  fetch_log: FetchLogTable;
  portfolios: PortfoliosTable;
  accounts: AccountsTable;
  transactions: TransactionsTable;
  api_keys: ApiKeysTable;
  runs: RunsTable;
  data_version: DataVersionTable;
  fund_definitions: FundDefinitionsTable;
  universes: UniversesTable;
  alerts: AlertsTable;
}

/** Names of the market-data tables (test cleanup, diagnostics). */
export const MARKET_TABLES = [
  'instruments',
  'price_bars',
  'series_points',
  'price_bar_versions',
  'series_point_versions',
  'fetch_log',
] as const;

/** Names of the portfolio tables, children after their parent. */
export const PORTFOLIO_TABLES = ['portfolios', 'accounts', 'transactions'] as const;

/** Names of the tables of the HTTP API's keys. */
export const API_KEY_TABLES = ['api_keys'] as const;

/** Names of the tables of runs (jobs). */
export const RUN_TABLES = ['runs'] as const;

/** Names of the tables of named fund definitions and universes. */
export const DEFINITION_TABLES = ['fund_definitions', 'universes'] as const;

/** Names of the tables of data alerts. */
export const ALERT_TABLES = ['alerts'] as const;

/** Every table the store's migrations create on both engines (test cleanup, diagnostics). */
export const STORE_TABLES = [
  ...MARKET_TABLES,
  ...PORTFOLIO_TABLES,
  ...API_KEY_TABLES,
  ...RUN_TABLES,
  ...DEFINITION_TABLES,
  ...ALERT_TABLES,
] as const;
