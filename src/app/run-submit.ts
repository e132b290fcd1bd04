/**
 * Use case `runSubmit`: stores a run of one kind (`run-kinds.ts`) as `queued` and hands its id
 * to `deps.runQueue`. The input is checked now with the kind's schema, so a bad field is the
 * same INVALID_INPUT (400) as the synchronous route's, not a failed run later; the use case
 * checks it again when the run executes (possibly in another process or version).
 *
 * @example
 * ```ts
 * const run = await runSubmit({ kind: 'frontier', input: { moments, points: 50 } }, deps);
 * run.status; // 'queued'
 * ```
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { runDocument, type RunDocument } from './run-document.ts';
import { RUN_KIND_NAMES, runKind } from './run-kinds.ts';

/** Input of {@link runSubmit}. */
export const runSubmitInputSchema = z.object({
  /** What to run. */
  kind: z.enum(RUN_KIND_NAMES),
  /** The kind's use-case input (as its synchronous route takes it). */
  input: z.unknown(),
});

/** What callers pass to {@link runSubmit}. */
export type RunSubmitInput = z.input<typeof runSubmitInputSchema>;

/** Stores and enqueues a run (see the module comment). @throws UNAVAILABLE without a queue */
export async function runSubmit(raw: RunSubmitInput, deps: AppDeps): Promise<RunDocument> {
  const { kind, input } = parseInput(runSubmitInputSchema, raw);
  const queue = deps.runQueue;
  if (queue === undefined)
    throw new BallastError('UNAVAILABLE', 'runs: no job queue here (`ballast serve` runs jobs)', {
      field: 'kind',
    });
  const spec = runKind(kind);
  try {
    parseInput(spec!.schema, input);
  } catch (error) {
    if (error instanceof BallastError && typeof error.details.field === 'string')
      throw new BallastError('INVALID_INPUT', `input.${error.message}`, {
        ...error.details,
        field: `input.${error.details.field}`,
      });
    throw error;
  }
  const store = await deps.store();
  const run = await store.runs.create({ kind, input });
  await queue.enqueue(run.id);
  return runDocument(run);
}
