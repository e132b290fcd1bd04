import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest` with a margin rule and the leverage modes (docs/backtest.md, "Margin and
 * leverage modes"), on the 40 % crash of src/domain/backtest/margin.test.ts, worked by hand.
 */

const PRICES = [
  'date,A',
  '2024-01-02,100',
  '2024-01-03,90',
  '2024-01-04,80',
  '2024-01-05,70',
  '2024-01-08,66',
  '2024-01-09,60',
  '2024-01-10,80',
].join('\n');

const CONFIG = [
  'prices: prices.csv',
  'initial: 10000',
  'strategies:',
  '  - name: called',
  '    weights: { A: 2 }',
  '    margin: { maintenance: 0.25 }',
  '  - name: free',
  '    weights: { A: 2 }',
  '  - name: debt',
  '    weights: { A: 2 }',
  '    leverageMode: fixed-debt',
  '    rebalance: daily',
].join('\n');

const config = (): string => tempFiles({ 'prices.csv': PRICES, 'bt.yaml': CONFIG })['bt.yaml']!;

// 200 shares at 100, loan 10,000: E / G = 1 − 50 / p, first below 0.25 at 66 (row 4).
// Row 4: E = 3,200, G = 13,200, sell f = 1/33 (400 of A) back to 0.25; loan 9,600.
// Row 5: 6,400/33 shares at 60, E / G = 0.175, sell 0.3 of them (3,490.91); loan 6,109.09.
// Row 6: 0.7 × 6,400/33 × 80 − 6,109.09 = 156,800 / 33 = 4,751.52; without the rule 6,000.
const CALLED_FINAL = 156_800 / 33;

describe('ballast backtest: margin calls', () => {
  it('gives each call, the run without the rule and a MARGIN_CALL warning in JSON', async () => {
    const run = await runCli('backtest', '--config', config(), '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    const [called, free, debt] = doc.strategies;
    expect(called.leverageMode).toBe('fixed-ratio');
    expect(called.margin).toEqual({ maintenance: 0.25, initial: 0.25 });
    expect(called.marginCalls).toEqual([
      {
        date: '2024-01-08',
        equityBefore: 3200,
        grossBefore: 13200,
        ratioBefore: Number((3200 / 13200).toPrecision(12)),
        sold: [
          { symbol: 'A', quantity: Number((-200 / 33).toPrecision(12)), price: 66, value: -400 },
        ],
        cost: 0,
        equityAfter: 3200,
        grossAfter: 12800,
        ratioAfter: 0.25,
      },
      expect.objectContaining({
        date: '2024-01-09',
        ratioBefore: 0.175,
        sold: [
          {
            symbol: 'A',
            quantity: Number((-0.3 * (6400 / 33)).toPrecision(12)),
            price: 60,
            value: Math.round(-0.3 * (6400 / 33) * 60 * 100) / 100,
          },
        ],
      }),
    ]);
    expect(called.finalValue).toBeCloseTo(CALLED_FINAL, 2);
    expect(called.withoutMargin).toEqual({
      label: 'the same strategy run again without the margin rule',
      finalValue: 6000,
      loss: Math.round((6000 - CALLED_FINAL) * 100) / 100,
    });
    expect(free.finalValue).toBe(6000);
    expect(free.marginCalls).toBeUndefined();
    // Fixed-debt, one asset, no costs: the loan stays 10,000 and no rebalance trades.
    expect(debt.leverageMode).toBe('fixed-debt');
    expect(debt.finalValue).toBe(6000);
    const warning = doc.warnings.find((w: { code: string }) => w.code === 'MARGIN_CALL');
    expect(warning.message).toContain('called: margin call on 2024-01-08');
    expect(warning.message).toContain('and 1 more');
    expect(warning.message).toContain('the same strategy run again without the margin rule');
    expect(warning.details).toMatchObject({
      dates: ['2024-01-08', '2024-01-09'],
      finalValueWithoutMargin: 6000,
    });
    expect(run.stderr).toContain('warning: called: margin call on 2024-01-08');
  });

  it('counts the calls in the table, — without a rule', async () => {
    const run = await runCli('backtest', '--config', config());
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[1]).toMatch(/Rebalances +Margin calls$/);
    expect(lines.find((l) => l.startsWith('called'))).toMatch(/4,751\.52 .* 2$/);
    expect(lines.find((l) => l.startsWith('free'))).toMatch(/6,000\.00 .* —$/);
    expect(run.stdout).toContain('warning: called: margin call on 2024-01-08');
  });

  it('names a maintenance the weights start below', async () => {
    const bad = tempFiles({
      'prices.csv': PRICES,
      'bt.yaml': CONFIG.replace('maintenance: 0.25', 'maintenance: 0.6'),
    })['bt.yaml']!;
    const run = await runCli('backtest', '--config', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('strategies[0].margin.maintenance');
    expect(run.stderr).toContain('0.6');
  });
});
