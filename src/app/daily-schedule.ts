/**
 * An in-process daily scheduler (`data schedule`, and the server's `--refresh-daily`, which
 * enqueues a run each time: `data-refresh-run.ts`): waits for the next
 * trading day at a New York wall-clock time (`domain/calendar/daily-schedule.ts`), runs the
 * job, and repeats. A job that fails is reported through `onError` and the schedule goes on;
 * the loop ends after `runs` runs or when `signal` aborts.
 *
 * @example
 * ```ts
 * await runDailySchedule({ at: { hour: 18, minute: 30 }, calendar: createNyseCalendar(),
 *   clock: systemClock, sleep, job: () => dataRefresh({}, deps) });
 * ```
 */

import { nextDailyRun, type LocalTime } from '../domain/calendar/daily-schedule.ts';
import type { TradingCalendar } from '../domain/calendar/trading-calendar.ts';
import type { Clock } from '../domain/clock.ts';

/** Options of {@link runDailySchedule}. */
export interface DailyScheduleOptions {
  readonly at: LocalTime;
  readonly calendar: TradingCalendar;
  readonly clock: Clock;
  /** Waits `ms` milliseconds (resolves early when `signal` aborts). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly job: () => Promise<unknown>;
  /** Stop after this many runs (default: never). */
  readonly runs?: number;
  readonly signal?: AbortSignal;
  /** Told the UTC instant of each next run before waiting for it. */
  readonly onNext?: (iso: string) => void;
  /** Told each job failure; the schedule continues. */
  readonly onError?: (error: unknown) => void;
}

/** Milliseconds from `fromIso` to `toIso` (both UTC ISO), never negative. */
function msBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
}

/** Runs the schedule (module comment). @returns the number of runs done. */
export async function runDailySchedule(options: DailyScheduleOptions): Promise<number> {
  let done = 0;
  while (!options.signal?.aborted && (options.runs === undefined || done < options.runs)) {
    const next = nextDailyRun(options.clock.now(), options.at, options.calendar);
    options.onNext?.(next);
    // Long waits are cut in hours so a clock change or a sleeping laptop cannot overshoot much.
    while (!options.signal?.aborted && options.clock.now() < next) {
      await options.sleep(
        Math.min(msBetween(options.clock.now(), next), 3_600_000),
        options.signal,
      );
    }
    if (options.signal?.aborted) break;
    try {
      await options.job();
    } catch (e) {
      options.onError?.(e);
    }
    done += 1;
  }
  return done;
}
