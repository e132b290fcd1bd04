import type { Command } from 'commander';
import { dataSchedule, dataSchedulePlan } from '../../app/data-schedule.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv } from '../format/table.ts';
import type { Io } from '../io.ts';
import { integerFlag, nextStopSignal } from '../stop-signal.ts';
import { printRefresh, refreshFlags, refreshInput, type RefreshOptions } from './data-refresh.ts';

interface ScheduleOptions extends RefreshOptions {
  daily: string;
  next?: number;
  runs?: number;
}

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Registers `ballast data schedule --daily HH:MM`. */
export function registerDataSchedule(data: Command, io: Io, runtime: Runtime): void {
  refreshFlags(
    data
      .command('schedule')
      .description(
        'Run data refresh on every NYSE trading day at HH:MM New York time, in this process (Ctrl-C stops)',
      )
      .requiredOption('--daily <HH:MM>', 'time of day in New York, e.g. 18:30 (after the close)')
      .option(
        '--next <n>',
        'only list the next n run times (UTC) and exit',
        integerFlag('--next', 1, 100),
      )
      .option('--runs <n>', 'stop after n runs', integerFlag('--runs', 1, 1_000_000)),
  ).action(async (options: ScheduleOptions, command: Command) => {
    if (options.next !== undefined) {
      const count = options.next;
      const plan = await withDeps(command, runtime, (deps) =>
        Promise.resolve(dataSchedulePlan({ daily: options.daily, count }, deps)),
      );
      const rows = plan.next.map((at) => ({ at }));
      io.out(
        renderDocument(options.format, {
          json: plan,
          table: () =>
            [`${plan.calendar} trading days at ${plan.daily} ${plan.timeZone}:`, ...plan.next].join(
              '\n',
            ),
          csv: () => renderCsv(rows, [{ title: 'next_run_utc', value: (r) => r.at }]),
        }),
      );
      return;
    }
    const input = refreshInput(options, runtime);
    const controller = new AbortController();
    void nextStopSignal().then(() => controller.abort());
    await withDeps(command, runtime, (deps) =>
      dataSchedule(
        { daily: options.daily, refresh: input, ...(options.runs ? { runs: options.runs } : {}) },
        deps,
        {
          sleep,
          signal: controller.signal,
          onNext: (at) => io.err(`next refresh at ${at}`),
          onResult: (doc) => printRefresh(io, options.format, doc),
          onError: (e) => io.err(`refresh failed: ${e instanceof Error ? e.message : String(e)}`),
        },
      ),
    );
  });
}
