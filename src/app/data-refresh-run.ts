/**
 * `data refresh` as server work (docs/data-refresh.md, "On the server"): the run kind
 * `data-refresh`, executed by the job queue's workers like any run, and the server's daily
 * schedule that enqueues it after the close on every NYSE trading day.
 *
 * - {@link dataRefreshRun} is the kind's use case: `dataRefresh` — the same tails, quality
 *   rules and alerts stored in the store as the CLI's refresh — whose document is the run's
 *   result. When ids were due and none could be refreshed the run fails with the CLI's
 *   DATA_STALE (its details carry the rows and the alerts stored); a partial refresh succeeds.
 * - Submitted over HTTP (`POST /api/v1/runs`), the input is {@link dataRefreshRunInputSchema}:
 *   no `webhook` — where alerts are posted is the server's configuration, not a caller's (the
 *   server would otherwise post to any address it is sent).
 * - {@link enqueueDataRefresh} stores and enqueues one run with the server's input (its webhook
 *   included); {@link dataRefreshSchedule} does so at HH:MM New York time on every NYSE trading
 *   day (`daily-schedule.ts`, the logic of `data schedule`), until stopped.
 *
 * @example
 * ```ts
 * await dataRefreshSchedule({ daily: '18:30', refresh: {} }, deps, { sleep, signal });
 * ```
 */

import { parseLocalTime } from '../domain/calendar/daily-schedule.ts';
import { BallastError } from '../domain/errors.ts';
import { refreshEveryTradingDay, type TradingDayHooks } from './data-schedule.ts';
import {
  dataRefresh,
  dataRefreshFailure,
  dataRefreshInputSchema,
  type DataRefreshDocument,
  type DataRefreshInput,
} from './data-refresh.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { runDocument, type RunDocument } from './run-document.ts';

/**
 * `text` as a daily time, HH:MM from 03:00 to 23:59 New York time, trimmed.
 * @throws INVALID_INPUT naming `field`
 */
export function checkDailyTime(field: string, text: string): string {
  parseLocalTime(field, text);
  return text.trim();
}

/** The run kind's name. */
export const DATA_REFRESH_KIND = 'data-refresh';

/** The input of a `data-refresh` run submitted over HTTP: the refresh's, without `webhook`. */
export const dataRefreshRunInputSchema = dataRefreshInputSchema.omit({ webhook: true }).strict();

/**
 * The `data-refresh` run: the refresh document, or DATA_STALE when ids were due and none could
 * be refreshed (details: `stale`, `rows`, `alerts`). The input is checked with the full refresh
 * schema: a run the server's schedule stored may name its webhook.
 */
export async function dataRefreshRun(
  raw: DataRefreshInput,
  deps: AppDeps,
): Promise<DataRefreshDocument> {
  const doc = await dataRefresh(raw, deps);
  const failure = dataRefreshFailure(doc);
  if (failure === undefined) return doc;
  throw new BallastError(failure.code, failure.message, {
    ...failure.details,
    rows: doc.rows,
    alerts: doc.alerts,
  });
}

/**
 * Stores a `data-refresh` run with `refresh` (the server's input, webhook allowed) and hands it
 * to `deps.runQueue`. @throws UNAVAILABLE without a queue; INVALID_INPUT on a bad input
 */
export async function enqueueDataRefresh(
  refresh: DataRefreshInput,
  deps: AppDeps,
): Promise<RunDocument> {
  const input = parseInput(dataRefreshInputSchema, refresh);
  const queue = deps.runQueue;
  if (queue === undefined)
    throw new BallastError('UNAVAILABLE', 'runs: no job queue here (`ballast serve` runs jobs)', {
      field: 'kind',
    });
  const store = await deps.store();
  const run = await store.runs.create({ kind: DATA_REFRESH_KIND, input });
  await queue.enqueue(run.id);
  return runDocument(run);
}

/** What the server supplies to {@link dataRefreshSchedule}: waiting, stopping and reporting. */
export interface RefreshScheduleHooks extends TradingDayHooks {
  /** Told each run enqueued. */
  readonly onRun?: (run: RunDocument) => void;
}

/**
 * Enqueues a `data-refresh` run with `refresh` on every NYSE trading day at `daily` (HH:MM New
 * York time, 03:00 to 23:59), after `runs` runs or until `hooks.signal` aborts.
 *
 * @throws INVALID_INPUT naming `daily` or the refresh's field, before any wait
 * @returns the number of runs enqueued
 */
export function dataRefreshSchedule(
  raw: { readonly daily: string; readonly runs?: number; readonly refresh: DataRefreshInput },
  deps: AppDeps,
  hooks: RefreshScheduleHooks,
): Promise<number> {
  return refreshEveryTradingDay(raw, deps, {
    ...hooks,
    job: async () => hooks.onRun?.(await enqueueDataRefresh(raw.refresh, deps)),
  });
}
