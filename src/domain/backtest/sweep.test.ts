import { describe, expect, it } from 'vitest';
import { scheduledRows } from './schedule.ts';
import {
  gridCombinations,
  gridSize,
  rangeValues,
  runVariant,
  sortByMetric,
  SWEEP_METRIC_NAMES,
  variantName,
  type SweepMeasures,
} from './sweep.ts';
import { fixedWeights } from './weighting.ts';

describe('the grid', () => {
  it('lists every combination, the first axis slowest (2 × 3 written out)', () => {
    expect(gridCombinations([2, 3])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(gridSize([2, 3])).toBe(6);
    expect(gridCombinations([])).toEqual([[]]);
    expect(gridSize([])).toBe(1);
    expect(gridCombinations([3, 0])).toEqual([]);
    expect(gridCombinations([2, 2, 2])).toHaveLength(8);
  });

  it('names a variant after its values as written', () => {
    expect(
      variantName('60-40', [
        { label: 'bands.absolute', text: '0.05' },
        { label: 'weights.A', text: '1.25' },
      ]),
    ).toBe('60-40 [bands.absolute=0.05, weights.A=1.25]');
    expect(variantName('60-40', [])).toBe('60-40');
  });

  it('gives ranges with the decimals written, the end included', () => {
    // 0.1 + 2 × 0.1 is 0.30000000000000004 in binary: rounded to 12 digits it is 0.3.
    expect(rangeValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(rangeValues(0, 45, 5)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(rangeValues(1, 1.9, 0.5)).toEqual([1, 1.5]);
    expect(rangeValues(2, 2, 1)).toEqual([2]);
    expect(rangeValues(0, 1, 0)).toBeNull();
    expect(rangeValues(1, 0, 0.1)).toBeNull();
    expect(rangeValues(0, Number.POSITIVE_INFINITY, 1)).toBeNull();
    expect(rangeValues(0, 1e6, 1)).toBeNull();
  });
});

const row = (
  name: string,
  m: Partial<SweepMeasures> & { sharpe?: number | null; maxDrawdown?: number },
): SweepMeasures & { name: string } => ({
  name,
  finalValue: m.finalValue ?? 100,
  twr: m.twr ?? 0,
  twrAnnualized: m.twrAnnualized ?? null,
  mwr: m.mwr ?? null,
  costs: m.costs ?? 0,
  metrics:
    m.sharpe === undefined && m.maxDrawdown === undefined
      ? null
      : {
          sharpe: m.sharpe ?? null,
          sortino: null,
          calmar: null,
          annualizedVolatility: 0.1,
          maxDrawdown: m.maxDrawdown ?? 0,
        },
});

describe('sorting', () => {
  const rows = [
    row('a', { sharpe: 0.5, maxDrawdown: 0.3, twr: 0.1, costs: 5 }),
    row('b', { sharpe: null, maxDrawdown: 0.1, twr: 0.3, costs: 1 }),
    row('c', { sharpe: 1.2, maxDrawdown: 0.2, twr: 0.2, costs: 5 }),
    row('d', {}),
    row('e', { sharpe: 0.5, maxDrawdown: 0.05, twr: Number.NaN, costs: 2 }),
  ];
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join('');

  it('puts the best first: higher for ratios and returns, lower for drawdowns and costs', () => {
    // Sharpe: c 1.2, then a and e tied at 0.5 (kept in order), then b (null) and d (no metrics).
    expect(names(sortByMetric(rows, 'sharpe'))).toBe('caebd');
    // Max drawdown, lower is better: e 0.05, b 0.1, c 0.2, a 0.3, d none.
    expect(names(sortByMetric(rows, 'maxDrawdown'))).toBe('ebcad');
    // TWR: b 0.3, c 0.2, a 0.1, d 0; e is NaN and goes last.
    expect(names(sortByMetric(rows, 'twr'))).toBe('bcade');
    // Costs: b 1, e 2, then a, c (5, in order), d 0 — d's 0 is the lowest.
    expect(names(sortByMetric(rows, 'costs'))).toBe('dbeac');
    expect(names(rows)).toBe('abcde'); // not sorted in place
  });

  it('knows every measure the CLI offers', () => {
    expect(SWEEP_METRIC_NAMES).toEqual([
      'sharpe',
      'sortino',
      'calmar',
      'twr',
      'cagr',
      'mwr',
      'finalValue',
      'volatility',
      'maxDrawdown',
      'costs',
    ]);
    for (const metric of SWEEP_METRIC_NAMES) expect(sortByMetric(rows, metric)).toHaveLength(5);
  });
});

describe('runVariant', () => {
  it('runs and summarises one strategy: a buy-and-hold is the compounded asset', () => {
    const market = {
      dates: ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29'],
      symbols: ['A'],
      closes: [Float64Array.from([100, 110, 99, 108.9])],
    };
    const result = runVariant(
      market,
      {
        name: 'A',
        assets: ['A'],
        weighting: fixedWeights([1]),
        rebalance: 'never',
        costRate: 0,
        wholeShares: false,
      },
      { settings: { initial: 1000, cashRate: 0, borrowSpread: 0 } },
    );
    // 10 shares: 1000 → 1100 → 990 → 1089; TWR 1.1 × 0.9 × 1.1 − 1 = 0.089.
    expect([...result.run.values]).toEqual([1000, 1100, 990, 1089]);
    expect(result.summary.twr).toBeCloseTo(0.089, 12);
  });
});

describe('scheduled rows are kept per dates array', () => {
  it('gives equal fresh arrays on repeated calls', () => {
    const dates = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01'];
    const first = scheduledRows(dates, 'monthly');
    const again = scheduledRows(dates, 'monthly');
    expect([...first]).toEqual([0, 1, 0, 1, 0]);
    expect(again).not.toBe(first);
    first[1] = 0;
    expect([...scheduledRows(dates, 'monthly')]).toEqual([0, 1, 0, 1, 0]);
  });
});
