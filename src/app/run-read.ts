/**
 * Use cases `runGet`, `runList` and `runCancel`: a run's status, progress and result; recent
 * runs; and cancelling one. Cancelling marks the run `cancelled` in the store at once; its
 * worker, wherever it runs, stops at its next progress report and never overwrites the status.
 */

import * as z from 'zod';
import { RUN_STATUSES } from '../data/store/run-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { runDocument, type RunDocument } from './run-document.ts';

/** Input of {@link runGet} and {@link runCancel}. */
export const runIdInputSchema = z.object({ id: z.string().min(1).max(100) });

/** Input of {@link runList}. */
export const runListInputSchema = z.object({
  status: z.enum(RUN_STATUSES as [string, ...string[]]).optional(),
  /** At most this many, newest first (default 100). */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The `runs` list document. */
export interface RunListDocument {
  readonly runs: RunDocument[];
}

/** One run. @throws NOT_FOUND */
export async function runGet(raw: { id: string }, deps: AppDeps): Promise<RunDocument> {
  const { id } = parseInput(runIdInputSchema, raw);
  return runDocument(await (await deps.store()).runs.get(id));
}

/** Recent runs, newest first. */
export async function runList(
  raw: z.input<typeof runListInputSchema>,
  deps: AppDeps,
): Promise<RunListDocument> {
  const { status, limit } = parseInput(runListInputSchema, raw);
  const runs = await (
    await deps.store()
  ).runs.list({
    ...(status === undefined ? {} : { status: status as (typeof RUN_STATUSES)[number] }),
    limit,
  });
  return { runs: runs.map(runDocument) };
}

/** Cancels a queued or running run. @throws NOT_FOUND; CONFLICT once it succeeded or failed */
export async function runCancel(raw: { id: string }, deps: AppDeps): Promise<RunDocument> {
  const { id } = parseInput(runIdInputSchema, raw);
  return runDocument(await (await deps.store()).runs.cancel(id));
}
