/**
 * A run's pieces spread over the workers of a job queue ({@link RunFanOut}, `src/app/deps.ts`):
 * each piece is stored as a run of its own and enqueued, so that idle `ballast worker`
 * processes take some; meanwhile this worker goes through the pieces from the last to the
 * first and executes every one still `queued` itself (`executeRun` claims it: a piece is
 * executed once, by whoever claims it first). The queue hands pieces out first to last, so
 * the others and this one meet in the middle instead of racing for the same piece. It then waits for the pieces others took, polling the store.
 *
 * It never waits for a piece nobody took, so one worker alone finishes the run (no deadlock
 * when every worker is busy with a parent run). A piece another worker took whose progress has
 * not changed for `staleMs` (the worker died, or hangs) is computed here, without the store,
 * and cancelled in the store, so that the other's late result is never stored. When the fan-out fails — a piece failed, or the
 * parent run was cancelled (its progress tick throws) — the pieces not yet ended are cancelled.
 */

import {
  BallastError,
  type AppDeps,
  type ErrorCode,
  type FanOutOptions,
  type RunFanOut,
  type RunQueue,
  type StoredRun,
} from '../app/index.ts';
import { executeRun, type ExecuteRunOptions } from '../app/run-execute.ts';

/** Options of {@link QueueFanOut}. */
export interface QueueFanOutOptions extends ExecuteRunOptions {
  /** How often the pieces other workers took are read (default 200 ms). */
  readonly pollMs?: number;
}

/** The result of an ended piece, or its failure as an error. */
function outcome(run: StoredRun, index: number): unknown {
  if (run.status === 'succeeded') return run.result;
  if (run.status === 'failed' && run.error !== null)
    throw new BallastError(run.error.code as ErrorCode, run.error.message, run.error.details);
  throw new BallastError(
    'UNAVAILABLE',
    `piece ${index + 1} of the run (run ${run.id}, ${run.kind}) was ${run.status}`,
    { run: run.id, status: run.status },
  );
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

/** A {@link RunFanOut} over a job queue (module comment). */
export class QueueFanOut implements RunFanOut {
  readonly #deps: AppDeps;
  readonly #queue: () => Promise<RunQueue>;
  readonly #options: QueueFanOutOptions;

  /**
   * @param deps - what the pieces execute with here (the process's deps, without a fan-out)
   * @param queue - the queue pieces are sent to (started on first use)
   */
  constructor(deps: AppDeps, queue: () => Promise<RunQueue>, options: QueueFanOutOptions = {}) {
    this.#deps = deps;
    this.#queue = queue;
    this.#options = options;
  }

  async run(kind: string, inputs: readonly unknown[], options: FanOutOptions): Promise<unknown[]> {
    const { runs } = await this.#deps.store();
    const ids: string[] = [];
    const knownAt = options.knownAt;
    for (const input of inputs) ids.push((await runs.create({ kind, input, knownAt })).id);
    try {
      const queue = await this.#queue();
      for (const id of ids) await queue.enqueue(id);
      const results = new Array<unknown>(ids.length);
      const elsewhere: number[] = [];
      for (let i = ids.length - 1; i >= 0; i--) {
        const run = await executeRun(ids[i]!, this.#deps, this.#options);
        if (run === undefined) {
          elsewhere.push(i);
          continue;
        }
        results[i] = outcome(run, i);
        options.onDone?.(i);
      }
      await this.#awaitOthers({ ids, inputs, results, elsewhere }, options);
      return results;
    } catch (error) {
      await Promise.all(ids.map((id) => runs.cancel(id).catch(() => undefined)));
      throw error;
    }
  }

  /** Waits for the pieces other workers took; computes here those that went silent. */
  async #awaitOthers(
    pieces: {
      readonly ids: readonly string[];
      readonly inputs: readonly unknown[];
      readonly results: unknown[];
      readonly elsewhere: readonly number[];
    },
    options: FanOutOptions,
  ): Promise<void> {
    const { runs } = await this.#deps.store();
    const seen = new Map<number, { mark: string; at: number }>();
    const left = new Set(pieces.elsewhere);
    while (left.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.#options.pollMs ?? 200));
      for (const i of [...left]) {
        const run = await runs.get(pieces.ids[i]!);
        const now = Date.now();
        if (ENDED.has(run.status)) {
          pieces.results[i] = outcome(run, i);
        } else {
          const mark = `${run.status}:${run.progress.done}`;
          const last = seen.get(i);
          if (last === undefined || last.mark !== mark) {
            seen.set(i, { mark, at: now });
            continue;
          }
          if (now - last.at < options.staleMs) continue;
          this.#deps.log.info(
            `run ${run.id} (${run.kind}): no progress for ${Math.round((now - last.at) / 1000)} s; computed here`,
          );
          await runs.cancel(run.id).catch(() => undefined);
          pieces.results[i] = await options.compute(pieces.inputs[i]);
        }
        left.delete(i);
        options.onDone?.(i);
      }
    }
  }
}
