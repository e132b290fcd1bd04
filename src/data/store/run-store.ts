/**
 * The runs part of the store: long work submitted as a job (a frontier, a large optimisation, a
 * data refresh) and what became of it. Reach it as `store.runs`; inside `store.transaction(fn)`
 * use the callback's store. Queues (the in-process one, pg-boss) carry only run ids; the run's
 * input, status, progress and result live here, so any process on the store can execute a run
 * and any other can read or cancel it.
 *
 * A run moves `queued` → `running` → `succeeded` | `failed`, or to `cancelled` from `queued` or
 * `running`. Each move is one conditional update, so two workers never both claim a run and a
 * cancelled run is never overwritten by its worker's late result.
 *
 * Conventions: a run is named by its id (a UUID); an unknown id is NOT_FOUND naming it. Inputs,
 * results and error details are JSON values (what `JSON.stringify` keeps is what is stored).
 * Timestamps are UTC ISO with milliseconds from the store's clock.
 */

/** Where a run is. */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Every status, in the order a run may pass through them. */
export const RUN_STATUSES: readonly RunStatus[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
];

/** The statuses a run ends in. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled'];

/** A failed run's error, as the API gives errors. */
export interface RunError {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** How far a run has come: `done` of `total` units of the task `label`. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string | null;
}

/** What {@link RunStore.create} needs. */
export interface NewRun {
  /** What to run: 1 to 40 characters of `a-z`, `0-9` and `-`. */
  readonly kind: string;
  /** The use case's input (a JSON value). */
  readonly input: unknown;
  /**
   * Read market data as known at this ISO time (docs/data-versions.md); stored normalised to
   * UTC with milliseconds. Absent: the latest data, and the time is recorded when the run ends.
   */
  readonly knownAt?: string | undefined;
}

/** A stored run. */
export interface StoredRun {
  readonly id: string;
  readonly kind: string;
  readonly input: unknown;
  /** SHA-256 (hex) of the canonical JSON of `{ kind, input }` (keys sorted): equal requests, equal hash. */
  readonly inputsHash: string;
  readonly status: RunStatus;
  readonly progress: RunProgress;
  /** The use case's document once `succeeded`, else null. */
  readonly result: unknown;
  /** Why it `failed`, else null. */
  readonly error: RunError | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /**
   * The knowledge time of the run's market data: the `knownAt` it was submitted with, else —
   * once it ended — the time it finished reading (`--known-at <knownAt>` reproduces it); null
   * before then, and for a run cancelled without one.
   */
  readonly knownAt: string | null;
}

/** Which runs {@link RunStore.list} returns. */
export interface RunQuery {
  readonly status?: RunStatus;
  readonly inputsHash?: string;
  /** At most this many, newest first (1 to 1000; default 100). */
  readonly limit?: number;
}

/**
 * How a running run ended; `knownAt` records the time it finished reading its data when it was
 * submitted without one (a run submitted with one keeps it).
 */
export type RunOutcome = (
  | { readonly status: 'succeeded'; readonly result: unknown }
  | { readonly status: 'failed'; readonly error: RunError }
) & { readonly knownAt?: string | undefined };

/** Stored runs (module comment). */
export interface RunStore {
  /** Stores a new `queued` run created now with a new id. @throws INVALID_INPUT on a bad kind or an input that is not JSON. */
  create(run: NewRun): Promise<StoredRun>;

  /** The run `id`. @throws NOT_FOUND */
  get(id: string): Promise<StoredRun>;

  /** Runs matching `query`, newest first (by creation time, then id). */
  list(query?: RunQuery): Promise<StoredRun[]>;

  /** Moves run `id` from `queued` to `running` now; undefined when it was not queued (taken or cancelled). */
  claim(id: string): Promise<StoredRun | undefined>;

  /**
   * Records progress of a `running` run.
   * @returns the run's status after the call: anything but `running` tells the worker to stop.
   * @throws NOT_FOUND
   */
  progress(id: string, progress: RunProgress): Promise<RunStatus>;

  /** Ends a `running` run with `outcome`; false (nothing written) when it was not running. */
  finish(id: string, outcome: RunOutcome): Promise<boolean>;

  /**
   * Cancels a `queued` or `running` run now; a run already cancelled is returned as it is.
   * @throws NOT_FOUND; CONFLICT when it already succeeded or failed.
   */
  cancel(id: string): Promise<StoredRun>;

  /** The number of runs in each status (every status present, zeros included). */
  counts(): Promise<Record<RunStatus, number>>;
}
