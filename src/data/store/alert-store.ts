/**
 * The alert part of the store: data alerts raised by `ballast data refresh` (a provider outage,
 * a quality rule), on every engine of the market-data store. Reach it as `store.alerts`; inside
 * `store.transaction(fn)` use the callback's store.
 *
 * Conventions: symbols are trimmed and upper-cased like every symbol; `code` is upper-case
 * letters, digits and `_`; `createdAt` is the store clock's time (UTC ISO with milliseconds);
 * `details` is a JSON object (stored as text). Every write validates the whole batch first.
 */

/** What {@link AlertStore.add} needs for one alert. */
export interface NewAlert {
  /** Symbol or series id concerned (normalised). */
  readonly symbol: string;
  /** Machine code, e.g. `DATA_STALE`, `GAP`, `STALE_CLOSE`, `JUMP`, `SPLIT_LIKE_JUMP`. */
  readonly code: string;
  /** One human sentence (non-empty, at most 2 000 characters). */
  readonly message: string;
  /** Facts behind the alert (dates, values, providers tried); default `{}`. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** What raised it: `refresh`, or a provider name (non-empty, at most 100 characters). */
  readonly source: string;
}

/** A stored alert. */
export interface StoredAlert {
  readonly id: number;
  readonly createdAt: string;
  readonly symbol: string;
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly source: string;
}

/** Filter of {@link AlertStore.list}. */
export interface ListAlertsOptions {
  /** Only alerts created at or after this date (`YYYY-MM-DD`, UTC) or ISO timestamp. */
  readonly since?: string;
  /** At most this many (positive integer; default 1 000), the newest kept. */
  readonly limit?: number;
}

/** Stored data alerts (module comment). */
export interface AlertStore {
  /** Stores `alerts` (all or nothing), created now. @returns them with their ids, in order. */
  add(alerts: readonly NewAlert[]): Promise<StoredAlert[]>;

  /** Alerts in creation order (oldest first, by time then id). */
  list(options?: ListAlertsOptions): Promise<StoredAlert[]>;
}
