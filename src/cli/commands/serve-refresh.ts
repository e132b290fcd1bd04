/**
 * `ballast serve --refresh-daily HH:MM` (docs/data-refresh.md, "On the server"): the server
 * enqueues a `data-refresh` run on every NYSE trading day at HH:MM New York time, executed by
 * the job queue's workers like any run; its alerts are stored as the CLI's refresh stores them
 * and posted to `$BALLAST_ALERT_WEBHOOK` when set. Each enqueued run, and a failure to enqueue
 * one, is a line in the server's log; the schedule stops with the server.
 */

import {
  checkDailyTime,
  dataRefreshSchedule,
  DATA_REFRESH_KIND,
} from '../../app/data-refresh-run.ts';
import { dataSchedulePlan } from '../../app/data-schedule.ts';
import type { AppDeps } from '../../app/deps.ts';
import type { ApiLogger } from '../../api/log.ts';
import { sleep } from './data-schedule.ts';

/** Validates `--refresh-daily`: HH:MM from 03:00 to 23:59 (New York). */
export const parseRefreshDaily = (value: string): string =>
  checkDailyTime('--refresh-daily', value);

/** A running refresh schedule. */
export interface RefreshSchedule {
  /** What the server prints once listening. */
  readonly line: string;
  /** Stops waiting for the next run (a run already enqueued stays in the queue). */
  stop(): Promise<void>;
}

/** Starts the schedule on `deps` (which must carry the run queue) at `daily` New York time. */
export function startRefreshSchedule(
  deps: AppDeps,
  options: { readonly daily: string; readonly webhook?: string | undefined },
  logger: ApiLogger,
): RefreshSchedule {
  const controller = new AbortController();
  const refresh = options.webhook === undefined ? {} : { webhook: options.webhook };
  const source = { source: 'refresh-schedule' };
  const done = dataRefreshSchedule({ daily: options.daily, refresh }, deps, {
    sleep,
    signal: controller.signal,
    onNext: (at) => logger.info({ ...source, next: at }, 'next data refresh'),
    onRun: (run) =>
      logger.info({ ...source, run: run.id, kind: DATA_REFRESH_KIND }, 'data refresh enqueued'),
    onError: (error) =>
      logger.error({ ...source, err: String(error) }, 'data refresh not enqueued'),
  }).catch((error: unknown) => {
    logger.error({ ...source, err: String(error) }, 'data refresh schedule stopped');
    return 0;
  });
  const next = dataSchedulePlan({ daily: options.daily, count: 1 }, deps).next[0];
  return {
    line: `Data refresh (run kind ${DATA_REFRESH_KIND}): every NYSE trading day at ${options.daily} New York time, next ${next}`,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
