/**
 * What every use case gets besides its input: the store, market data, the solver, the clock, a
 * log and progress reporting. Faces (CLI, API, jobs) build one {@link AppDeps} with
 * `createDeps` and pass it in; use cases never open resources or read the environment
 * themselves. Resources are opened lazily, on first use, so a command that needs no store
 * never opens one.
 */

import type { HighsRuntime } from '../core/solvers/highs.ts';
import type { Clock } from '../domain/clock.ts';
import type { FallbackChains, MarketDataService } from '../data/market-data/service.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { SolveExecutor, SolveExecutorFactory } from './solve.ts';

/** Diagnostic messages (never results: those go in the returned document). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
}

/** One running task of a {@link ProgressReporter}. */
export interface ProgressTask {
  /** Marks `n` more units done (default 1). */
  tick(n?: number): void;
  /** Ends the task (idempotent). */
  done(): void;
}

/**
 * Progress of long work (fetches, imports, frontiers, walk-forward evaluation, large solves).
 * The CLI draws a bar on a terminal's stderr; the API records it on the run; tests ignore it.
 */
export interface ProgressReporter {
  /** Starts a task of `total` units (a label such as `fetching prices`). */
  start(label: string, total: number): ProgressTask;
}

/**
 * Where submitted runs go to be executed (the in-process queue, or pg-boss on PostgreSQL: see
 * `src/jobs`). The run itself is already stored; the queue carries its id.
 */
export interface RunQueue {
  enqueue(runId: string): Promise<void>;
}

/** One piece of a {@link RunFanOut}: the input of a run of the fan-out's kind. */
export interface FanOutOptions {
  /**
   * Computes a piece here without the store: for a piece another worker took and then went
   * silent (its progress unchanged for `staleMs`), whose late result is then ignored.
   */
  readonly compute: (input: unknown) => Promise<unknown>;
  /** How long a piece running elsewhere may show no progress before it is computed here. */
  readonly staleMs: number;
  /** Called with the index of each piece as it ends (what it throws ends the fan-out). */
  readonly onDone?: (index: number) => void;
  /**
   * The knowledge time of the run the pieces belong to (docs/data-versions.md): each piece's run
   * is stored with it and reads market data as known then. Set by `executeRun`, not use cases.
   */
  readonly knownAt?: string;
}

/**
 * Spreads a run's independent pieces over the workers of the job queue (pg-boss): each piece
 * becomes a run of its own (`kind`, one input each), enqueued so that idle `ballast worker`
 * processes take some while this one executes the rest itself — it never waits for a piece
 * nobody took, so a queue without other workers cannot deadlock it. Absent from
 * {@link AppDeps} where no other worker can help (the CLI, the in-process queue).
 */
export interface RunFanOut {
  /** The results of the pieces' runs, in input order. @throws the first failed piece's error */
  run(kind: string, inputs: readonly unknown[], options: FanOutOptions): Promise<unknown[]>;
}

/** The dependencies of a use case. */
export interface AppDeps {
  /** The store (SQLite, PostgreSQL or PGlite), opened and migrated on first call. */
  readonly store: () => Promise<MarketStore>;
  /**
   * The store for a read that may do without one (valuation from stored closes): undefined when
   * no store was chosen (`--db`, `BALLAST_DB`, `DATABASE_URL`) and the default SQLite file does
   * not exist yet — nothing is stored, and reading creates no store. Otherwise {@link store}.
   * Absent: use {@link store}.
   */
  readonly existingStore?: () => Promise<MarketStore | undefined>;
  /** Market data over the store with the provider chains of the environment. */
  readonly marketData: () => Promise<MarketDataService>;
  /**
   * The provider chains of the environment, without the store: live look-ups that are never
   * stored (symbol search, quotes) use them directly, so they open no store.
   */
  readonly providers: () => Promise<FallbackChains>;
  /** The HiGHS runtime (LP, QP, MILP), loaded on first call. */
  readonly solver: () => Promise<HighsRuntime>;
  /**
   * Worker threads for CPU work (the frontier's solves with `threads ≥ 2`); absent, every
   * solve runs in-process (same results).
   */
  readonly workers?: SolveExecutorFactory;
  /**
   * When set, every optimisation solve runs on this executor (worker threads) instead of the
   * calling thread, with the same results: job runners set it so that a long solve never blocks
   * the thread serving requests.
   */
  readonly solveOffThread?: SolveExecutor;
  /** Where `runSubmit` sends new runs; absent, runs cannot be submitted (UNAVAILABLE). */
  readonly runQueue?: RunQueue;
  /** Where a run executed by a job queue spreads its pieces over other workers (see the type). */
  readonly fanOut?: RunFanOut;
  /** "Now" and "today". */
  readonly clock: Clock;
  /** Store only: never call a market-data provider. */
  readonly offline: boolean;
  readonly log: Logger;
  readonly progress: ProgressReporter;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug: () => undefined, info: () => undefined };

/** A progress reporter that draws nothing. */
export const silentProgress: ProgressReporter = {
  start: () => ({ tick: () => undefined, done: () => undefined }),
};
