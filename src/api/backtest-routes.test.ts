import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { call, json, wire, type Doc } from '../../test/helpers/api-client.ts';
import { rejection } from '../../test/helpers/errors.ts';
import { backtest } from '../app/backtest.ts';
import { dataImport } from '../app/data-import.ts';
import type { BacktestRequest } from '../app/backtest-request.ts';
import { createApi } from './app.ts';

let deps: ReturnType<typeof testDeps>;
let api: ReturnType<typeof createApi>;
beforeEach(() => {
  deps = testDeps({ offline: true });
  api = createApi(deps, { version: '9.9.9' });
});
afterEach(async () => {
  await deps.close();
});

/** Tue 30 Jan .. Mon 4 Mar 2024: A rises 10 %, stays, falls back, ends 5 % up; B and M move too. */
const PRICES = [
  'date,A,B,M',
  '2024-01-30,100,50,10',
  '2024-01-31,110,49,11',
  '2024-02-29,110,55,11',
  '2024-03-01,100,54,10',
  '2024-03-04,105,56,10.5',
].join('\n');

/** The config object (the YAML's shape). */
type BacktestConfigInput = Extract<BacktestRequest['config'], { strategies: unknown }>;

const config = (over: Partial<BacktestConfigInput> = {}): BacktestConfigInput => ({
  prices: { text: PRICES, name: 'p.csv' },
  initial: 1000,
  cash: { rate: 0.02, borrowSpread: 0.01 },
  strategies: [
    { name: 'hold A', weights: { A: 1 } },
    { name: '90-60', weights: { A: 0.9, B: 0.6 }, rebalance: 'monthly', costBps: 10 },
  ],
  benchmark: 'M',
  ...over,
});

const post = (body: unknown) => call(api, '/api/v1/backtest', json(body));

describe('POST /api/v1/backtest', () => {
  it('gives the backtest document of the use case for the same config', async () => {
    const { status, body } = await post({ config: config() });
    expect(status).toBe(200);
    expect(body).toEqual(wire(await backtest({ config: config() }, deps)));
    expect(body.strategies.map((s: Doc) => s.name)).toEqual(['hold A', '90-60']);
    expect(body.benchmark.name).toBe('M (benchmark)');
    // Hold A, by hand: 1,000 buys 10 A at 100; values 1000, 1100, 1100, 1000, 1050 and the daily
    // returns 1100/1000 − 1, 0, 1000/1100 − 1, 1050/1000 − 1 (no flows, no cash).
    const hold = body.strategies[0];
    expect(hold.values.map((v: Doc) => v.value)).toEqual([1000, 1100, 1100, 1000, 1050]);
    expect(hold.returns.map((r: Doc) => r.date)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-01',
      '2024-03-04',
    ]);
    const byHand = [0.1, 0, 1000 / 1100 - 1, 0.05];
    hold.returns.forEach((r: Doc, i: number) => expect(r.value).toBeCloseTo(byHand[i]!, 11));
  });

  it('takes the config as YAML or JSON text and gives the same document', async () => {
    const yaml = [
      'prices:',
      '  name: p.csv',
      '  text: |',
      ...PRICES.split('\n').map((line) => `    ${line}`),
      'initial: 1000',
      'cash: { rate: 0.02, borrowSpread: 0.01 }',
      'strategies:',
      '  - { name: hold A, weights: { A: 1 } }',
      '  - { name: 90-60, weights: { A: 0.9, B: 0.6 }, rebalance: monthly, costBps: 10 }',
      'benchmark: M',
    ].join('\n');
    const fromObject = (await post({ config: config() })).body;
    const fromYaml = await post({ config: { text: yaml, name: 'bt.yaml' } });
    expect(fromYaml.status).toBe(200);
    expect(fromYaml.body).toEqual(fromObject);
    const fromJson = await post({ config: { text: JSON.stringify(config()) } });
    expect(fromJson.body).toEqual(fromObject);
  });

  it('reads symbols from the store as the use case does', async () => {
    const bars = ['date,close', '2024-03-01,50', '2024-03-04,51', '2024-03-05,49.98'].join('\n');
    await dataImport({ file: { text: bars }, kind: 'prices', symbol: 'ABC' }, deps);
    const stored: BacktestConfigInput = {
      symbols: ['ABC'],
      start: '2024-03-01',
      strategies: [{ name: 'hold', weights: { ABC: 1 } }],
    };
    const { status, body } = await post({ config: stored });
    expect(status).toBe(200);
    expect(body).toEqual(wire(await backtest({ config: stored }, deps)));
    expect(body.prices).toBe('the store');
    // Closes end at the stored 49.98 and the first row's own return is not used: 51 → 49.98.
    expect(body.strategies[0].twr).toBeCloseTo(49.98 / 51 - 1, 11);
  });

  it('names a bad field of the config with 400, as the use case does', async () => {
    const cases: BacktestConfigInput[] = [
      config({ strategies: [{ name: 'x', weights: { A: -1 } }] }),
      config({ strategies: [{ name: 'x', weights: { A: 0.5, zz: 0.5 } }] }),
      config({ benchmark: 'SPY' }),
      config({ strategies: [{ name: 'x', weights: { A: 1 }, rebalance: 'hourly' as never }] }),
    ];
    const fields = [];
    for (const c of cases) {
      const { status, body } = await post({ config: c });
      const direct = await rejection(backtest({ config: c }, deps));
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'INVALID_INPUT', message: direct.message });
      expect(body.details.field).toBe(direct.details['field']);
      fields.push(body.details.field);
    }
    expect(fields).toEqual([
      'strategies[0].weights.A',
      'strategies[0].weights.zz',
      'benchmark',
      'strategies[0].rebalance',
    ]);
    const text = await post({ config: { text: 'strategies: 3', name: 'in.yaml' } });
    expect(text).toMatchObject({ status: 400, body: { details: { field: 'strategies' } } });
    expect(text.body.message).toMatch(/^in\.yaml: strategies: /);
    const extra = await post({ config: config(), chart: true });
    expect(extra).toMatchObject({ status: 400, body: { details: { field: 'chart' } } });
  });

  it("refuses files on the server's disk: a config path and a prices path, object or text", async () => {
    const path = await post({ config: { path: 'examples/backtest/60-40.yaml' } });
    expect(path).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'config.path' } },
    });
    const pricesObject = await post({
      config: { ...config(), prices: { path: 'examples/backtest/prices.csv' } },
    });
    expect(pricesObject).toMatchObject({
      status: 400,
      body: { details: { field: 'config.prices.path' } },
    });
    const pricesString = await post({
      config: { ...config(), prices: 'examples/backtest/prices.csv' },
    });
    expect(pricesString).toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', details: { field: 'prices' } },
    });
    expect(pricesString.body.message).toMatch(/^prices: files are not read from the server's disk/);
    const inText = await post({
      config: { text: 'prices: examples/backtest/prices.csv\nstrategies: []', name: 'bt.yaml' },
    });
    expect(inText).toMatchObject({
      status: 400,
      body: { details: { field: 'prices', file: 'bt.yaml' } },
    });
    expect(inText.body.message).toMatch(/^bt\.yaml: prices: files are not read/);
  });
});
