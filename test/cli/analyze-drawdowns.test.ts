import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * docs/conventions.md's drawdown example extended: values 100, 110, 120, 100, 90, 95, 130, 117, 130 as
 * returns 0.1, 1/11, −1/6, −0.1, 1/18, 7/19, −0.1, 1/9. Episodes: 120 → 90 (25 %, peak at the
 * 2nd return's date, trough at the 4th, recovered at the 6th: 2 periods to the trough, 4 long),
 * then 130 → 117 (10 %, peak 6th, trough 7th, recovered 8th: 1 and 2 periods).
 */
const DATES = [
  '2024-01-31',
  '2024-02-29',
  '2024-03-31',
  '2024-04-30',
  '2024-05-31',
  '2024-06-30',
  '2024-07-31',
  '2024-08-31',
];
const RETURNS = [0.1, 1 / 11, -1 / 6, -0.1, 1 / 18, 7 / 19, -0.1, 1 / 9];
const CSV = `date,A\n${DATES.map((d, i) => `${d},${RETURNS[i]!.toPrecision(17)}`).join('\n')}\n`;

describe('ballast analyze --drawdowns', () => {
  it('lists the deepest episodes with dates and lengths worked out by hand', async () => {
    const files = tempFiles({ 'r.csv': CSV, 'db.sqlite': '' });
    const base = ['--db', files['db.sqlite']!, 'analyze', '--returns', files['r.csv']!];
    const run = await runCli(...base, '--column', 'A', '--drawdowns', '5', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const { drawdowns } = JSON.parse(run.stdout);
    expect(drawdowns).toHaveLength(2);
    expect(drawdowns[0]).toMatchObject({
      peak: '2024-02-29',
      trough: '2024-04-30',
      recovery: '2024-06-30',
      peakToTroughPeriods: 2,
      durationPeriods: 4,
      recovered: true,
    });
    expect(drawdowns[0].depth).toBeCloseTo(0.25, 12);
    expect(drawdowns[1]).toMatchObject({
      peak: '2024-06-30',
      trough: '2024-07-31',
      recovery: '2024-08-31',
      peakToTroughPeriods: 1,
      durationPeriods: 2,
    });
    expect(drawdowns[1].depth).toBeCloseTo(0.1, 12);
    const table = await runCli(...base, '--column', 'A', '--drawdowns', '1');
    expect(table.stdout).toMatch(/25\.00%\s+2024-02-29\s+2024-04-30\s+2024-06-30\s+2\s+4/);
    expect(table.stdout).not.toMatch(/10\.00%\s+2024-06-30/);
  });

  it('rejects a count that is not a positive integer', async () => {
    const files = tempFiles({ 'r.csv': CSV, 'db.sqlite': '' });
    const run = await runCli(
      '--db',
      files['db.sqlite']!,
      'analyze',
      '--returns',
      files['r.csv']!,
      '--drawdowns',
      '0',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/INVALID_INPUT.*--drawdowns/);
  });
});
