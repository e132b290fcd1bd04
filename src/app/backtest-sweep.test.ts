import { threeMadeUpCloses } from '../../test/helpers/made-up-closes.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingProgress, testDeps } from '../../test/helpers/app-deps.ts';
import { rejection } from '../../test/helpers/errors.ts';
import type { BacktestConfigInput } from '../data/backtest/backtest-config.ts';
import { warning } from '../domain/warnings.ts';
import { backtest } from './backtest.ts';
import { backtestSweep, type BacktestSweepInput } from './backtest-sweep.ts';
import { chunksOf, sweepWarnings } from './backtest-sweep-execute.ts';

const opened: { close(): Promise<void> }[] = [];
const deps = (...args: Parameters<typeof testDeps>) => {
  const d = testDeps(...args);
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

const PRICES = { text: threeMadeUpCloses(), name: 'p.csv' };

const BASE: BacktestConfigInput = {
  prices: PRICES,
  initial: 10_000,
  cash: { rate: 0.03, borrowSpread: 0.01 },
  strategies: [{ name: '60-40', weights: { A: 0.6, B: 0.4 }, rebalance: 'monthly' }],
  benchmark: 'M',
};

const sweep = (input: Omit<BacktestSweepInput, 'config'>, config = BASE, d = deps()) =>
  backtestSweep({ config, ...input }, d);

describe('the grid of a sweep', () => {
  it('runs 2 × 3 variants named after their values, the first axis slowest', async () => {
    // Without costs every variant's costs are 0: sorting by costs keeps the grid's order.
    const doc = await sweep({
      sweep: ['bands.absolute=0.02,0.05', 'weights.A=1.0,1.25,1.5'],
      sortBy: 'costs',
    });
    expect(doc.total).toBe(6);
    expect(doc.variants.map((v) => v.name)).toEqual([
      '60-40 [bands.absolute=0.02, weights.A=1.0]',
      '60-40 [bands.absolute=0.02, weights.A=1.25]',
      '60-40 [bands.absolute=0.02, weights.A=1.5]',
      '60-40 [bands.absolute=0.05, weights.A=1.0]',
      '60-40 [bands.absolute=0.05, weights.A=1.25]',
      '60-40 [bands.absolute=0.05, weights.A=1.5]',
    ]);
    expect(doc.variants[4]!.params).toEqual({ 'bands.absolute': 0.05, 'weights.A': 1.25 });
    expect(doc.variants.every((v) => v.strategy === '60-40')).toBe(true);
    expect(doc.sweep).toEqual([
      {
        axis: 'bands.absolute=0.02,0.05',
        label: 'bands.absolute',
        sets: 'every strategy',
        values: [0.02, 0.05],
      },
      {
        axis: 'weights.A=1.0,1.25,1.5',
        label: 'weights.A',
        sets: 'every strategy',
        values: [1, 1.25, 1.5],
      },
    ]);
    expect(doc.sortedBy).toEqual({ metric: 'costs', better: 'lower' });
    expect(doc.threads).toBe(1); // a small sweep runs on this thread
    expect(doc.benchmark?.name).toBe('M (benchmark)');
  });

  it('gives each variant exactly what a single backtest of its own config gives', async () => {
    const doc = await sweep({
      sweep: ['bands.absolute=0.02,0.05', 'weights.A=1.0,1.25,1.5', 'costBps=0,10'],
      full: true,
    });
    expect(doc.total).toBe(12);
    for (const band of [0.02, 0.05])
      for (const [text, a] of [
        ['1.0', 1],
        ['1.25', 1.25],
        ['1.5', 1.5],
      ] as const)
        for (const costBps of [0, 10]) {
          const name = `60-40 [bands.absolute=${band}, weights.A=${text}, costBps=${costBps}]`;
          // The variant's config written out by hand, run by the plain backtest.
          const single = await backtest(
            {
              config: {
                ...BASE,
                strategies: [
                  {
                    name,
                    weights: { A: a, B: 0.4 },
                    rebalance: 'monthly',
                    bands: { absolute: band },
                    costBps,
                  },
                ],
              },
            },
            deps(),
          );
          const s = single.strategies[0]!;
          const v = doc.variants.find((x) => x.name === name)!;
          expect(v, name).toBeDefined();
          expect(v.finalValue).toBe(s.finalValue);
          expect(v.twr).toBe(s.twr);
          expect(v.twrAnnualized).toBe(s.twrAnnualized);
          expect(v.mwr).toBe(s.mwr);
          expect(v.metrics).toEqual(s.metrics);
          expect(v.costs).toBe(s.costs);
          expect(v.interest).toBe(s.interest);
          expect(v.rebalanceCount).toBe(s.rebalances.length);
          expect(v.values).toEqual(s.values);
          expect(v.trades).toEqual(s.trades);
          expect(v.drawdowns).toEqual(s.drawdowns);
        }
    // Levered variants borrow: 1.5 + 0.4 = 190 % invested pays interest.
    expect(doc.variants.find((v) => v.params['weights.A'] === 1.5)!.interest).toBeLessThan(0);
  });

  it('targets one strategy by index or name; the others run once, unchanged', async () => {
    const two: BacktestConfigInput = {
      ...BASE,
      strategies: [
        { name: 'hold A', weights: { A: 1 } },
        { name: '60-40', weights: { A: 0.6, B: 0.4 }, rebalance: 'monthly' },
      ],
    };
    const byIndex = await sweep({ sweep: ['strategies[1].costBps=0,25'], sortBy: 'costs' }, two);
    expect(byIndex.variants.map((v) => v.name)).toEqual([
      'hold A',
      '60-40 [costBps=0]',
      '60-40 [costBps=25]',
    ]);
    expect(byIndex.sweep[0]!.sets).toBe('60-40');
    const byName = await sweep({ sweep: ['strategies[60-40].costBps=0,25'], sortBy: 'costs' }, two);
    expect(byName.variants).toEqual(byIndex.variants);
    const single = await backtest({ config: two }, deps());
    expect(byIndex.variants[0]!.finalValue).toBe(single.strategies[0]!.finalValue);
    expect(byIndex.variants[1]!.finalValue).toBe(single.strategies[1]!.finalValue);
  });

  it('varies the shared cash rates and the initial money per variant', async () => {
    const doc = await sweep({
      sweep: ['cash.borrowSpread=0,0.02', 'initial=10000,20000', 'weights.A=1.2'],
      sortBy: 'costs',
    });
    expect(doc.variants.map((v) => v.name)).toEqual([
      '60-40 [cash.borrowSpread=0, initial=10000, weights.A=1.2]',
      '60-40 [cash.borrowSpread=0, initial=20000, weights.A=1.2]',
      '60-40 [cash.borrowSpread=0.02, initial=10000, weights.A=1.2]',
      '60-40 [cash.borrowSpread=0.02, initial=20000, weights.A=1.2]',
    ]);
    const wide = await backtest(
      {
        config: {
          ...BASE,
          initial: 20_000,
          cash: { rate: 0.03, borrowSpread: 0.02 },
          strategies: [{ name: 'x', weights: { A: 1.2, B: 0.4 }, rebalance: 'monthly' }],
        },
      },
      deps(),
    );
    expect(doc.variants[3]!.finalValue).toBe(wide.strategies[0]!.finalValue);
    expect(doc.variants[3]!.interest).toBe(wide.strategies[0]!.interest);
    // The document states the config's own money; the benchmark is the config's.
    expect(doc.initial).toBe(10_000);
    expect(doc.cash).toEqual({ rate: 0.03, borrowSpread: 0.01 });
  });

  it('takes axes as { path, values } and ranges FROM:TO:STEP', async () => {
    const a = await sweep({ sweep: [{ path: 'bands.relative', values: [0.1, 0.2, 0.3] }] });
    const b = await sweep({ sweep: ['bands.relative=0.1:0.3:0.1'] });
    expect(b.variants.map((v) => v.name).sort()).toEqual([
      '60-40 [bands.relative=0.1]',
      '60-40 [bands.relative=0.2]',
      '60-40 [bands.relative=0.3]',
    ]);
    expect(b.variants).toEqual(a.variants);
    const rebal = await rejection(sweep({ sweep: ['rebalance=never,monthly,{absolute: 1}'] }));
    expect(rebal.message).toContain('sweep[0]: rebalance=never,monthly,{absolute: 1}: ');
    expect(rebal.details['value']).toEqual({ absolute: 1 });
  });
});

describe('sorting and top', () => {
  it('sorts best first by the chosen measure and keeps the best N', async () => {
    const axes = ['weights.A=0.2,0.6,1.0,1.4', 'rebalance=monthly,never'];
    const all = await sweep({ sweep: axes, sortBy: 'maxDrawdown' });
    const depths = all.variants.map((v) => v.metrics!.maxDrawdown);
    expect(depths).toEqual([...depths].sort((x, y) => x - y));
    const bySharpe = await sweep({ sweep: axes });
    expect(bySharpe.sortedBy).toEqual({ metric: 'sharpe', better: 'higher' });
    const sharpe = bySharpe.variants.map((v) => v.metrics!.sharpe!);
    expect(sharpe).toEqual([...sharpe].sort((x, y) => y - x));
    const top = await sweep({ sweep: axes, top: 3 });
    expect(top.total).toBe(8);
    expect(top.variants).toEqual(bySharpe.variants.slice(0, 3));
  });
});

describe('threads', () => {
  it('give the same variants as one thread, and tick progress per chunk', async () => {
    const progress = recordingProgress();
    const d = { ...deps(), progress };
    const axes = ['weights.A=0.4:1.6:0.2', 'bands.absolute=0.02,0.1'];
    const two = await sweep({ sweep: axes, threads: 2 }, BASE, d);
    const one = await sweep({ sweep: axes, threads: 1 });
    expect(two.threads).toBe(2);
    expect(one.threads).toBe(1);
    expect(two.total).toBe(14);
    expect(two.variants).toEqual(one.variants);
    expect(two.benchmark).toEqual(one.benchmark);
    expect(two.warnings).toEqual(one.warnings);
    const task = progress.tasks.find((t) => t.label === 'backtest sweep')!;
    expect(task.total).toBe(14);
    expect(task.ticks.reduce((a, b) => a + b, 0)).toBe(14);
    expect(task.done).toBe(true);
  });

  it('splits the jobs in chunks of about a quarter per thread, at most 64', () => {
    const jobs = Array.from({ length: 1000 }, (_, i) => i);
    // 1,000 / (4 × 2) = 125 → 64 a chunk: 15 chunks of 64 and one of 40.
    const chunks = chunksOf(jobs, 2);
    expect(chunks.map((c) => c.length)).toEqual([...Array<number>(15).fill(64), 40]);
    expect(chunks.flat()).toEqual(jobs);
    expect(chunksOf([1, 2, 3], 4).map((c) => c.length)).toEqual([1, 1, 1]);
  });
});

describe('bad axes', () => {
  const cases: [string, BacktestSweepInput['sweep'], string, unknown][] = [
    [
      'no values',
      ['bands.absolute'],
      'sweep[0]: bands.absolute: expected PATH=v1,v2,… (or PATH=FROM:TO:STEP) (got "bands.absolute")',
      'bands.absolute',
    ],
    [
      'a value the schema refuses',
      ['bands.absolute=-0.05,0.05'],
      'sweep[0]: bands.absolute=-0.05,0.05: strategies[0].bands.absolute: Too small: expected number to be >0 (got -0.05)',
      -0.05,
    ],
    [
      'a value of the wrong kind',
      ['weights.A=1', 'rebalance=monthly,hourly'],
      'sweep[1]: rebalance=monthly,hourly: strategies[0].rebalance: Invalid option: expected one of "never"|"daily"|"weekly"|"monthly"|"quarterly"|"annual" (got "hourly")',
      'hourly',
    ],
    [
      'a symbol the prices lack',
      ['weights.C=0.1'],
      'sweep[0]: weights.C=0.1: C is not in the prices p.csv (it has A, B, M) (got "C")',
      'C',
    ],
    [
      'an unknown strategy',
      ['strategies[3].costBps=1'],
      'sweep[0]: strategies[3].costBps=1: no strategy 3 (the config has "60-40") (got "strategies[3].costBps")',
      'strategies[3].costBps',
    ],
    [
      'the prices',
      ['prices=q.csv'],
      'sweep[0]: prices=q.csv: prices cannot be swept: every variant shares the prices and the window (got "prices")',
      'prices',
    ],
    [
      'the name',
      ['name=x,y'],
      'sweep[0]: name=x,y: the name cannot be swept: each variant is named after its values (got "name")',
      'name',
    ],
    [
      'a repeated value',
      ['costBps=1,1.0'],
      'sweep[0]: costBps=1,1.0: the same value twice (got 1)',
      1,
    ],
    [
      'two axes on one field',
      ['bands.absolute=0.1', 'bands=0.2'],
      'sweep[1]: bands=0.2: sets the same field as sweep[0] (got "bands.absolute=0.1")',
      'bands.absolute=0.1',
    ],
    [
      'an empty range',
      ['costBps=5:1:1'],
      'sweep[0]: costBps=5:1:1: a range FROM:TO:STEP needs STEP > 0, TO ≥ FROM and at most 100,000 values (got "5:1:1")',
      '5:1:1',
    ],
    [
      'one weight twice (symbols ignore case)',
      ['weights.A=1', 'strategies[0].weights.a=2'],
      'sweep[1]: strategies[0].weights.a=2: sets the same field as sweep[0] (got "weights.A=1")',
      'weights.A=1',
    ],
    [
      'a field inside a number',
      ['costBps.x=1'],
      'sweep[0]: costBps.x=1: strategies[0].costBps is not a mapping (got 0)',
      0,
    ],
    [
      'an empty value',
      ['costBps=1,,2'],
      'sweep[0]: costBps=1,,2: an empty value (got "1,,2")',
      '1,,2',
    ],
  ];
  it.each(cases)(
    '%s: one INVALID_INPUT naming the axis and the value',
    async (_, axes, message, value) => {
      const config = { ...BASE, strategies: [{ ...BASE.strategies[0]!, costBps: 0 }] };
      const e = await rejection(sweep({ sweep: axes }, config));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toBe(message);
      expect(e.details['value']).toEqual(value);
      expect(e.details['field']).toMatch(/^sweep\[\d\]$/);
    },
  );

  it('names the variant when no one axis set the field the schema refuses', async () => {
    // costBps 600 × gross (20 + 0.4) ≥ 100 %: the issue is at costBps, set by no axis.
    const config = { ...BASE, strategies: [{ ...BASE.strategies[0]!, costBps: 600 }] };
    const e = await rejection(sweep({ sweep: ['weights.A=0.5,20'] }, config));
    expect(e.message).toBe(
      'sweep: the variant 60-40 [weights.A=20]: strategies[0].costBps: costs times the gross weight (20.4) must stay below 100 % (got 600)',
    );
    expect(e.details['field']).toBe('sweep');
  });

  it('refuses more than 100,000 variants before running any', async () => {
    const e = await rejection(sweep({ sweep: ['costBps=0:999:1', 'initial=1:101:1'] }));
    expect(e.message).toBe('sweep: 101,000 variants; a sweep runs at most 100,000');
  });

  it('refuses a bad config as backtest does (naming the file), and bad inputs by field', async () => {
    const bad = { ...BASE, strategies: [{ name: 'x', weights: { A: -1 } }] };
    const e = await rejection(sweep({ sweep: ['costBps=1'] }, bad));
    expect(e.message).toBe(
      'strategies[0].weights.A: Too small: expected number to be >=0 (got -1)',
    );
    const empty = await rejection(backtestSweep({ config: BASE, sweep: [] }, deps()));
    expect(empty.details['field']).toBe('sweep');
    const metric = await rejection(
      backtestSweep({ config: BASE, sweep: ['costBps=1'], sortBy: 'luck' as 'twr' }, deps()),
    );
    expect(metric.details['field']).toBe('sortBy');
  });
});

describe('warnings of many variants', () => {
  it('keeps five of a per-variant code and lists the others in one more', () => {
    const stopped = (name: string) =>
      warning('STRATEGY_STOPPED', `${name}: stopped`, { strategy: name });
    const year = warning('ANNUALISED_UNDER_A_YEAR', 'returns: 5 periods', {});
    const out = sweepWarnings(
      [warning('DATES_DROPPED', 'prices: 1 date', {})],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => [year, stopped(n)]),
    );
    expect(out.map((w) => w.message)).toEqual([
      'prices: 1 date',
      'returns: 5 periods',
      'a: stopped',
      'b: stopped',
      'c: stopped',
      'd: stopped',
      'e: stopped',
      '2 more variant(s) with STRATEGY_STOPPED (details.strategies lists them)',
    ]);
    expect(out.at(-1)!.details).toEqual({ strategies: ['f', 'g'] });
  });
});
