import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/** Half-yearly returns; with --periods-per-year 2 a rate of 2.01 % a year is 1 % a period. */
const files = tempFiles({
  'r.csv': 'date,A,B\n2024-01-31,0.02,0.01\n2024-07-31,-0.01,0.02\n2025-01-31,0.03,-0.01\n',
});
const analyze = (...args: string[]) => runCli('analyze', '--returns', files['r.csv']!, ...args);

describe('ballast analyze --weights and the cash line', () => {
  it('--weights A=0.6,B=0.6 (sum 1.2) is exit 2 INVALID_INPUT naming --weights and CASH=-0.2', async () => {
    const run = await analyze('--weights', 'A=0.6,B=0.6', '--format', 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INVALID_INPUT');
    expect(run.stderr).toContain('--weights');
    expect(run.stderr).toContain('CASH=-0.2');
    expect(run.stdout).toBe('');
  });

  it('--weights A=0.3,B=0.3 (sum 0.6) is exit 2', async () => {
    const run = await analyze('--weights', 'A=0.3,B=0.3');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sum to 0.6');
  });

  it('--cash-rate without a CASH weight is exit 2 naming --cash-rate', async () => {
    const run = await analyze('--weights', 'A=0.5,B=0.5', '--cash-rate', '0.02');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--cash-rate');
  });

  it('A=0.6,B=0.6,CASH=-0.2 with --cash-rate 0.01 --borrow-spread 0.0101 borrows at 1 % a period', async () => {
    const run = await analyze(
      '--weights',
      'A=0.6,B=0.6,CASH=-0.2',
      '--cash-rate',
      '0.01',
      '--borrow-spread',
      '0.0101',
      '--periods-per-year',
      '2',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    // 0.016, 0.004, 0.010 per period (0.6·A + 0.6·B − 0.2·0.01): 1.016·1.004·1.010 − 1.
    expect(doc.metrics.totalReturn).toBeCloseTo(0.03026464, 12);
    expect(doc.cashLine.weight).toBe(-0.2);
    expect(doc.cashLine.ratePerPeriod).toBeCloseTo(0.01, 14);
  });

  it('the table states the cash line and its rate', async () => {
    const run = await analyze('--weights', 'A=0.6,B=0.6,CASH=-0.2', '--cash-rate', '0.03');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('cash line CASH -0.2 at 0.03 a year');
  });
});
