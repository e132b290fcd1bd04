import { describe, expect, it } from 'vitest';
import { createNyseCalendar } from '../domain/calendar/trading-calendar.ts';
import { runDailySchedule } from './daily-schedule.ts';

/** A clock that only moves when the fake sleep moves it. */
function movingClock(startIso: string) {
  let now = Date.parse(startIso);
  const iso = (): string => new Date(now).toISOString();
  return {
    clock: { now: iso, today: () => iso().slice(0, 10) },
    sleep: (ms: number): Promise<void> => {
      now += ms;
      return Promise.resolve();
    },
  };
}

describe('runDailySchedule', () => {
  it('runs at 18:30 New York on NYSE trading days only, and goes on after a failure', async () => {
    // Start Friday 2024-06-14 12:00 EDT. Runs: Fri 06-14, Mon 06-17, Tue 06-18, then Thu 06-20
    // (Wednesday 06-19 is Juneteenth), each at 22:30 UTC (18:30 EDT).
    const { clock, sleep } = movingClock('2024-06-14T16:00:00.000Z');
    const ran: string[] = [];
    const errors: unknown[] = [];
    const done = await runDailySchedule({
      at: { hour: 18, minute: 30 },
      calendar: createNyseCalendar(),
      clock,
      sleep,
      runs: 4,
      job: () => {
        ran.push(clock.now());
        return ran.length === 2 ? Promise.reject(new Error('provider down')) : Promise.resolve();
      },
      onError: (e) => errors.push(e),
    });
    expect(done).toBe(4);
    expect(ran).toEqual([
      '2024-06-14T22:30:00.000Z',
      '2024-06-17T22:30:00.000Z',
      '2024-06-18T22:30:00.000Z',
      '2024-06-20T22:30:00.000Z',
    ]);
    expect(errors).toHaveLength(1);
  });

  it('stops without running when aborted', async () => {
    const { clock, sleep } = movingClock('2024-06-14T16:00:00.000Z');
    const controller = new AbortController();
    let runs = 0;
    const done = await runDailySchedule({
      at: { hour: 18, minute: 30 },
      calendar: createNyseCalendar(),
      clock,
      sleep: (ms) => {
        controller.abort();
        return sleep(ms);
      },
      signal: controller.signal,
      job: () => Promise.resolve(runs++),
    });
    expect(done).toBe(0);
    expect(runs).toBe(0);
  });
});
