/**
 * Use case `runSubmit`: stores a run of one kind (`run-kinds.ts`) as `queued` and hands its id
 * to `deps.runQueue`. The input is checked now with the kind's schema, so a bad field is the
 * same INVALID_INPUT (400) as the synchronous route's, not a failed run later; the use case
 * checks it again when the run executes (possibly in another process or version). With
 * `knownAt` the run reads market data as known then (docs/data-versions.md); a kind that writes
 * market data refuses it.
 *
 * @example
 * ```ts
 * const run = await runSubmit({ kind: 'frontier', input: { moments, points: 50 } }, deps);
 * run.status; // 'queued'
 * ```
 */

import * as z from 'zod';
import { normalizeTimestamp } from '../data/store/validate.ts';
import { BallastError, invalidInput } from '../domain/errors.ts';
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
  /**
   * Read market data as known at this ISO-8601 time with a time zone (docs/data-versions.md);
   * absent, the latest, and the run records the time it read its data.
   */
  knownAt: z.string().optional(),
});

/** What callers pass to {@link runSubmit}. */
export type RunSubmitInput = z.input<typeof runSubmitInputSchema>;

/** Stores and enqueues a run (see the module comment). @throws UNAVAILABLE without a queue */
export async function runSubmit(raw: RunSubmitInput, deps: AppDeps): Promise<RunDocument> {
  const { kind, input, knownAt } = parseInput(runSubmitInputSchema, raw);
  const queue = deps.runQueue;
  if (queue === undefined)
    throw new BallastError('UNAVAILABLE', 'runs: no job queue here (`ballast serve` runs jobs)', {
      field: 'kind',
    });
  const spec = runKind(kind);
  const at = knownAt === undefined ? undefined : normalizeTimestamp('knownAt', knownAt);
  if (at !== undefined && spec!.writesMarketData === true)
    throw invalidInput(
      'knownAt',
      knownAt,
      `a ${kind} run writes market data: it cannot run as known at a past time`,
    );
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
  const run = await store.runs.create({
    kind,
    input,
    ...(at === undefined ? {} : { knownAt: at }),
  });
  await queue.enqueue(run.id);
  return runDocument(run);
}
