/**
 * Use cases of `data schedule --daily HH:MM`: {@link dataSchedulePlan} lists the next run times
 * (every NYSE trading day at HH:MM New York time, as UTC instants); {@link dataSchedule} runs
 * `data refresh` at those times, in process, until stopped or after `runs` runs.
 *
 * @example
 * ```ts
 * dataSchedulePlan({ daily: '18:30', count: 2 }, deps).next; // ['2024-06-07T22:30:00.000Z', …]
 * ```
 */

import * as z from 'zod';
import { nextDailyRun, parseLocalTime } from '../domain/calendar/daily-schedule.ts';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { runDailySchedule } from './daily-schedule.ts';
import {
  dataRefresh,
  dataRefreshInputSchema,
  type DataRefreshDocument,
  type DataRefreshInput,
} from './data-refresh.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

/** Input of {@link dataSchedulePlan}. */
export const dataSchedulePlanInputSchema = z
  .object({
    /** Wall-clock time in New York, `HH:MM` from 03:00 to 23:59. */
    daily: z.string(),
    /** How many next runs to list (1–100, default 5). */
    count: z.number().int().min(1).max(100).default(5),
  })
  .strict();

/** What callers pass to {@link dataSchedulePlan}. */
export type DataSchedulePlanInput = z.input<typeof dataSchedulePlanInputSchema>;

/** The next run times of a daily schedule. */
export interface DataSchedulePlan {
  readonly daily: string;
  readonly timeZone: 'America/New_York';
  readonly calendar: string;
  /** UTC ISO instants, ascending. */
  readonly next: string[];
}

/** The next `count` runs after the clock's now (module comment). */
export function dataSchedulePlan(raw: DataSchedulePlanInput, deps: AppDeps): DataSchedulePlan {
  const input = parseInput(dataSchedulePlanInputSchema, raw);
  const at = parseLocalTime('daily', input.daily);
  const calendar = createNyseCalendar();
  const next: string[] = [];
  let now = deps.clock.now();
  for (let i = 0; i < input.count; i += 1) {
    now = nextDailyRun(now, at, calendar);
    next.push(now);
  }
  return { daily: input.daily.trim(), timeZone: 'America/New_York', calendar: calendar.name, next };
}

/** What both refresh schedules take: waiting, stopping, and where the next instant is told. */
export interface TradingDayHooks {
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly signal?: AbortSignal;
  readonly onNext?: (iso: string) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs `job` on every NYSE trading day at `daily` New York time (03:00 to 23:59), after `runs`
 * runs or until `hooks.signal` aborts. The refresh input is checked before any wait (a bad one
 * is INVALID_INPUT now, not at 18:30). Shared by the CLI's schedule and the server's.
 * @returns the number of runs done.
 */
export async function refreshEveryTradingDay(
  raw: { readonly daily: string; readonly runs?: number; readonly refresh: DataRefreshInput },
  deps: AppDeps,
  hooks: TradingDayHooks & { readonly job: () => Promise<void> },
): Promise<number> {
  const at = parseLocalTime('daily', raw.daily);
  parseInput(dataRefreshInputSchema, raw.refresh);
  return runDailySchedule({
    at,
    calendar: createNyseCalendar(),
    clock: deps.clock,
    sleep: hooks.sleep,
    ...(raw.runs === undefined ? {} : { runs: raw.runs }),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onNext ? { onNext: hooks.onNext } : {}),
    ...(hooks.onError ? { onError: hooks.onError } : {}),
    job: hooks.job,
  });
}

/** What the face supplies to {@link dataSchedule}: waiting, stopping and reporting. */
export interface ScheduleHooks extends TradingDayHooks {
  readonly onResult?: (doc: DataRefreshDocument) => void;
}

/**
 * Runs `data refresh` with `refresh` on every NYSE trading day at `daily` New York time.
 * @returns the number of runs done.
 */
export function dataSchedule(
  raw: { readonly daily: string; readonly runs?: number; readonly refresh: DataRefreshInput },
  deps: AppDeps,
  hooks: ScheduleHooks,
): Promise<number> {
  return refreshEveryTradingDay(raw, deps, {
    ...hooks,
    job: async () => hooks.onResult?.(await dataRefresh(raw.refresh, deps)),
  });
}
