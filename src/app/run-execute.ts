/**
 * Executing one stored run: what a queue's worker calls with a run id (the in-process queue,
 * or a `ballast worker` process through pg-boss). It claims the run (`queued` → `running`; a
 * run another worker took or a cancelled one is left alone), runs its kind's use case with a
 * progress reporter that records progress on the run, and stores the result or the error.
 *
 * Progress is written at most every `progressIntervalMs` (and once at the end); each write
 * returns the run's status, so a run cancelled meanwhile throws out of the use case at its next
 * progress tick and its late result is never stored (the store's finish applies to a running
 * run only). A run of an unknown kind (a newer version's, say) fails with INVALID_INPUT.
 *
 * Knowledge time (docs/data-versions.md): a run submitted with `knownAt` reads market data as
 * known then (`knownAtDeps`, its pieces too) and keeps that time; a run submitted without one
 * reads the latest data (fetching what is missing, as its synchronous route does) and records,
 * as it ends, the clock's time once its use case returned or threw — every row it read, and
 * every row it fetched itself, was stored by then, so `--known-at <knownAt>` reproduces it.
 */

import type { RunStatus, RunStore, StoredRun } from '../data/store/run-store.ts';
import { BallastError, toBallastError } from '../domain/errors.ts';
import type { AppDeps, ProgressReporter } from './deps.ts';
import type { SolveExecutor } from './solve.ts';
import { knownAtDeps } from './known-at-deps.ts';
import { runKind } from './run-kinds.ts';

/** Thrown at a progress tick of a run cancelled meanwhile (never escapes {@link executeRun}). */
class RunCancelled extends Error {}

/** Options of {@link executeRun}. */
export interface ExecuteRunOptions {
  /** Least time between two progress writes (default 250 ms). */
  readonly progressIntervalMs?: number;
  /**
   * Solves handed to `deps.solveOffThread` at once (default 1: the pool's size is right). The
   * rest wait here, so a cancelled run stops asking for solves at once.
   */
  readonly solveConcurrency?: number;
}

/**
 * `executor` with at most `limit` solves in flight; a solve that would start after the run was
 * cancelled is refused with {@link RunCancelled} instead.
 */
function cancellable(
  executor: SolveExecutor,
  limit: number,
  cancelled: () => boolean,
): SolveExecutor {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    inFlight--;
    waiting.shift()?.();
  };
  return {
    solve: async (problem) => {
      if (inFlight >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight++;
      try {
        if (cancelled()) throw new RunCancelled();
        return await executor.solve(problem);
      } finally {
        release();
      }
    },
    close: () => executor.close(),
  };
}

/** Progress of one run, written to the store at most every `interval` ms. */
class RunProgressWriter {
  status: RunStatus = 'running';
  #done = 0;
  #total = 0;
  #label: string | null = null;
  #lastWrite = 0;
  #writing: Promise<void> | undefined;

  constructor(
    private readonly runs: RunStore,
    private readonly id: string,
    private readonly interval: number,
  ) {}

  readonly reporter: ProgressReporter = {
    start: (label, total) => {
      this.#label = label;
      this.#total = total;
      this.#done = 0;
      this.#maybeWrite();
      return {
        tick: (n = 1) => {
          if (this.status !== 'running') throw new RunCancelled();
          this.#done += n;
          this.#maybeWrite();
        },
        done: () => undefined,
      };
    },
  };

  #maybeWrite(): void {
    if (this.#writing !== undefined || Date.now() - this.#lastWrite < this.interval) return;
    this.#writing = this.write().finally(() => (this.#writing = undefined));
  }

  /** Writes the current progress now and learns the run's status. */
  async write(): Promise<void> {
    this.#lastWrite = Date.now();
    const progress = { done: this.#done, total: this.#total, label: this.#label };
    this.status = await this.runs.progress(this.id, progress);
  }

  /** Waits for a write in flight, then writes the final progress. */
  async flush(): Promise<void> {
    await this.#writing;
    await this.write();
  }
}

/** The stored error of a failed run: its wire shape, with nothing internal in an INTERNAL one. */
function runError(thrown: unknown) {
  const error = toBallastError(thrown);
  if (error.code === 'INTERNAL')
    return { code: 'INTERNAL', message: 'the run failed unexpectedly', details: {} };
  return JSON.parse(JSON.stringify(error.toJSON())) as ReturnType<BallastError['toJSON']>;
}

/**
 * Claims and executes run `id` (see the module comment).
 * @returns the run as it ended, or undefined when it was not `queued` (taken or cancelled).
 */
export async function executeRun(
  id: string,
  deps: AppDeps,
  options: ExecuteRunOptions = {},
): Promise<StoredRun | undefined> {
  const { runs } = await deps.store();
  const run = await runs.claim(id);
  if (run === undefined) return undefined;
  const writer = new RunProgressWriter(runs, id, options.progressIntervalMs ?? 250);
  try {
    const kind = runKind(run.kind);
    if (kind === undefined)
      throw new BallastError('INVALID_INPUT', `kind: no kind of run named "${run.kind}"`, {
        field: 'kind',
        value: run.kind,
      });
    const offThread = deps.solveOffThread;
    const asked = run.knownAt;
    const fanOut = deps.fanOut;
    const runDeps: AppDeps = {
      ...(asked === null ? deps : knownAtDeps(deps, asked)),
      ...(asked === null || fanOut === undefined
        ? {}
        : { fanOut: { run: (k, inputs, o) => fanOut.run(k, inputs, { ...o, knownAt: asked }) } }),
      progress: writer.reporter,
      ...(offThread === undefined
        ? {}
        : {
            solveOffThread: cancellable(
              offThread,
              options.solveConcurrency ?? 1,
              () => writer.status !== 'running',
            ),
          }),
    };
    const result = await kind.run(run.input, runDeps);
    const knownAt = asked ?? deps.clock.now();
    await writer.flush();
    // A JSON round trip stores what the API would have sent (undefined fields dropped).
    const stored: unknown = JSON.parse(JSON.stringify(result));
    await runs.finish(id, { status: 'succeeded', result: stored, knownAt });
  } catch (error) {
    if (!(error instanceof RunCancelled)) {
      const knownAt = run.knownAt ?? deps.clock.now();
      if (toBallastError(error).code === 'INTERNAL')
        deps.log.info(`run ${id} (${run.kind}) failed: ${String(error)}`);
      await runs.finish(id, { status: 'failed', error: runError(error), knownAt });
    }
  }
  return runs.get(id);
}
