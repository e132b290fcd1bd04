import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest` with a tactical overlay end to end: A (a made-up path that rises, falls
 * and recovers) or BOND, switched each month end by A's 5-row moving average. The test replays
 * the rule itself with plain loops — the month ends, the average of the 5 closes before each,
 * all of the value in A or in BOND — and compares the signals, the targets and the final value.
 */

const ROWS = 90;

/** Weekdays from Tue 2 Jan 2024. */
function weekdays(n: number): string[] {
  const out: string[] = [];
  const day = new Date(Date.UTC(2024, 0, 2));
  while (out.length < n) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

const dates = weekdays(ROWS);
// A: +1 % a day for 30 rows, −1.5 % for 30, +1 % again; BOND: +0.02 % a day.
const a = [100];
const bond = [100];
for (let t = 1; t < ROWS; t++) {
  a.push(a[t - 1]! * (t <= 30 ? 1.01 : t <= 60 ? 0.985 : 1.01));
  bond.push(bond[t - 1]! * 1.0002);
}
const PRICES = [
  'date,A,BOND',
  ...dates.map((d, t) => `${d},${a[t]!.toFixed(6)},${bond[t]!.toFixed(6)}`),
].join('\n');

const CONFIG = [
  'prices: prices.csv',
  'initial: 1000',
  'strategies:',
  '  - name: timed',
  '    weights: { A: 1, BOND: 0 }',
  '    rebalance: monthly',
  '    weighting: { tactical: { signal: moving-average, window: 5, riskOff: BOND } }',
].join('\n');

/** The closes as the file has them (6 decimals). */
const close = (col: number[], t: number) => Number(col[t]!.toFixed(6));

describe('ballast backtest with a moving-average overlay', () => {
  it('switches between A and BOND on the month ends as the rule says, by a replay in plain loops', async () => {
    const file = tempFiles({ 'prices.csv': PRICES, 'bt.yaml': CONFIG })['bt.yaml']!;
    const run = await runCli('backtest', '--config', file, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      warnings: { code: string; details: Record<string, unknown> }[];
      strategies: {
        values: { date: string; value: number }[];
        rebalances: string[];
        weightingLog: {
          date: string;
          weights: Record<string, number>;
          signal: { state: Record<string, string>; skipped?: { code: string } };
        }[];
      }[];
    };
    const s = doc.strategies[0]!;

    // Month ends: the last row of each calendar month, never the final row.
    const monthEnds = dates
      .map((d, t) => ({ d, t }))
      .filter(({ d, t }) => t < ROWS - 1 && dates[t + 1]!.slice(0, 7) !== d.slice(0, 7))
      .map(({ t }) => t);
    let inA = true; // row 0: no 6 closes yet, the weights { A: 1 } are held
    let units = 1000 / close(a, 0);
    const expected: { date: string; state: string }[] = [];
    for (const t of monthEnds) {
      let sum = 0;
      for (let k = t - 5; k < t; k++) sum += close(a, k);
      const on = close(a, t - 1) >= sum / 5;
      expected.push({ date: dates[t]!, state: on ? 'on' : 'off' });
      const value = units * (inA ? close(a, t) : close(bond, t));
      inA = on;
      units = value / (inA ? close(a, t) : close(bond, t));
    }
    const final = units * (inA ? close(a, ROWS - 1) : close(bond, ROWS - 1));

    expect(s.weightingLog[0]!.signal.skipped!.code).toBe('INSUFFICIENT_HISTORY');
    // Only the first row lacks the 6 closes; the warning counts it.
    expect(doc.warnings.find((w) => w.code === 'SIGNAL_UNAVAILABLE')!.details).toMatchObject({
      strategy: 'timed',
      rows: 1,
      codes: { INSUFFICIENT_HISTORY: 1 },
    });
    const logged = s.weightingLog.slice(1);
    expect(logged.map((e) => ({ date: e.date, state: e.signal.state['A'] }))).toEqual(expected);
    for (const e of logged)
      expect(e.weights).toEqual(
        e.signal.state['A'] === 'on' ? { A: 1, BOND: 0 } : { A: 0, BOND: 1 },
      );
    // The rule must have switched both ways on this path for the test to mean something.
    expect(new Set(expected.map((e) => e.state))).toEqual(new Set(['on', 'off']));
    expect(s.values.at(-1)!.value).toBeCloseTo(final, 2);
  });

  it('names a riskOff that is not one of the weights', async () => {
    const bad = CONFIG.replace('riskOff: BOND', 'riskOff: CASH');
    const file = tempFiles({ 'prices.csv': PRICES, 'bt.yaml': bad })['bt.yaml']!;
    const run = await runCli('backtest', '--config', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('strategies[0].weighting.tactical.riskOff: CASH is not one of');
  });
});
