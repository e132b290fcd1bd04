import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { stress, type ScenarioDocument } from './stress.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const HOLDINGS = { path: 'test/fixtures/stress/holdings.csv' };
const SAMPLE = 'data/samples/exposure_real_returns_monthly.csv';
const deps = testDeps();
afterAll(() => deps.close());

// config/funds.yaml per $1: SPY 1.0 and SSO 2.0 us_large_equity; IEF 1.0 broad_ust; RSSB
// 0.589 / 0.266 / 0.095 equity and 0.95 broad_ust. Values: SPY 10 × 500 (TAXABLE, with −1 000
// cash), SSO 20 × 100, IEF 50 × 95, RSSB 100 × 25 (IRA).
const TOTAL = 5000 + 2000 + 4750 + 2500 - 1000;

const only = (doc: { scenarios: readonly unknown[] }): ScenarioDocument => {
  expect(doc.scenarios).toHaveLength(1);
  return doc.scenarios[0] as ScenarioDocument;
};
const pnlOf = (s: ScenarioDocument) =>
  Object.fromEntries(s.byPosition.map((p) => [p.symbol, p.pnl]));

describe('stress use case', () => {
  it('propagates a −30 % equity return through the fund leverage (hand arithmetic)', async () => {
    const s = only(
      await stress(
        { holdings: HOLDINGS, shocks: [{ target: 'Equity', kind: 'return', size: -0.3 }] },
        deps,
      ),
    );
    // SPY 5 000 × −0.3; SSO 2 000 × 2 × −0.3; RSSB 2 500 × 0.95 × −0.3; IEF holds no equity
    expect(pnlOf(s)).toEqual({ SPY: -1500, SSO: -1200, IEF: 0, RSSB: -712.5 });
    expect(s.name).toBe('equity=-0.3');
    expect(s.totalValue).toBe(TOTAL);
    expect(s.totalPnl).toBe(-3412.5);
    // TAXABLE: 5 000 − 1 000 = 4 000 loses 1 500
    expect(s.byAccount.find((a) => a.account === 'TAXABLE')).toEqual({
      account: 'TAXABLE',
      value: 4000,
      pnl: -1500,
      return: -0.375,
    });
  });

  it('turns a yield change into returns through the durations given', async () => {
    const s = only(
      await stress(
        {
          holdings: HOLDINGS,
          shocks: [{ target: 'rates', kind: 'yield', size: 200, unit: 'bp' }],
          durations: { broad_ust: { years: 6.5 } },
        },
        deps,
      ),
    );
    // r = −6.5 × 0.02 = −0.13; IEF 4 750 × −0.13 = −617.5; RSSB 2 500 × 0.95 × −0.13 = −308.75
    expect(s.shocks).toEqual({ broad_ust: -0.13 });
    expect(s.rules['broad_ust']).toBe('rates=+200bp: −6.5 × 0.02 (duration from input)');
    expect(s.totalPnl).toBe(-926.25);
  });

  it('replays a window of the bundled sample: the months compounded from the CSV itself', async () => {
    const doc = await stress(
      { holdings: HOLDINGS, window: { from: '2022-03-15', to: '2022-05-02' }, source: 'sample' },
      deps,
    );
    expect(doc.source).toBe('sample');
    const s = only(doc);
    // (2022-03-15, 2022-05-02] overlaps March, April and May 2022: their returns compounded
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
    const col = header!.split(',').indexOf('broad_ust');
    const growth = rows
      .filter((r) => ['2022-03', '2022-04', '2022-05'].includes(r.slice(0, 7)))
      .reduce((g, r) => g * (1 + Number(r.split(',')[col])), 1);
    expect(s.shocks['broad_ust']).toBeCloseTo(growth - 1, 12);
  });

  it('names input fields, never flags, in its errors', async () => {
    const below = await errorOf(() =>
      stress(
        { holdings: HOLDINGS, shocks: [{ target: 'equity', kind: 'return', size: -1.5 }] },
        deps,
      ),
    );
    expect((below as BallastError).details).toMatchObject({ field: 'shocks[0].size', value: -1.5 });
    const target = await errorOf(() =>
      stress(
        {
          holdings: HOLDINGS,
          shocks: [
            { target: 'gold', kind: 'return', size: 0.1 },
            { target: 'crypto', kind: 'return', size: -0.5 },
          ],
        },
        deps,
      ),
    );
    expect((target as BallastError).code).toBe('NOT_FOUND');
    expect((target as BallastError).details['field']).toBe('shocks[1].target');
    const duration = await errorOf(() =>
      stress(
        {
          holdings: HOLDINGS,
          shocks: [{ target: 'rates', kind: 'yield', size: 0.02, unit: 'decimal' }],
        },
        deps,
      ),
    );
    expect((duration as BallastError).message).toMatch(/^durations\.broad_ust: /);
    const scenario = await errorOf(() =>
      stress({ holdings: HOLDINGS, scenario: 'dotcom-2000' }, deps),
    );
    expect((scenario as BallastError).details['field']).toBe('scenario');
    for (const e of [below, target, duration, scenario])
      expect((e as BallastError).message).not.toMatch(/--[a-z]/);
  });

  it('leaves an unpriced holding out only when partial results are allowed', async () => {
    const holdings = {
      text: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\nIEF,5,400,2024-01-10,A,\n',
    };
    const shocks = [{ target: 'equity', kind: 'return' as const, size: -0.1 }];
    const refused = await errorOf(() => stress({ holdings, shocks }, deps));
    expect((refused as BallastError).code).toBe('DATA_UNAVAILABLE');
    const doc = await stress({ holdings, shocks, allowPartial: true }, deps);
    // only SPY is valued: 10 × 500
    expect(only(doc).totalValue).toBe(5000);
    expect(doc.notes).toContain('UNPRICED (left out, no P&L, not in total value): IEF 5 shares');
  });

  describe('rate shocks carry their unit', () => {
    const durations = { broad_ust: { years: 6 } };

    it('refuses rates=+200 without a unit, naming shocks[0].unit', async () => {
      const e = (await errorOf(() =>
        stress(
          {
            holdings: HOLDINGS,
            shocks: [{ target: 'rates', kind: 'yield', size: 200 }],
            durations,
          },
          deps,
        ),
      )) as BallastError;
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.details['field']).toBe('shocks[0].unit');
      expect(e.message).toMatch(/^shocks\[0\]\.unit: a yield shock carries its unit/);
      expect(e.message).toContain('200 alone is ambiguous');
    });

    it('refuses rates=+200 given as a return (it would be +20 000 % on bonds)', async () => {
      const e = (await errorOf(() =>
        stress(
          { holdings: HOLDINGS, shocks: [{ target: 'rates', kind: 'return', size: 200 }] },
          deps,
        ),
      )) as BallastError;
      expect(e.details).toMatchObject({ field: 'shocks[0].kind', value: 'return' });
    });

    it('refuses rates=+0.02 as a return (bonds would gain 2 % as rates rise)', async () => {
      const e = (await errorOf(() =>
        stress(
          { holdings: HOLDINGS, shocks: [{ target: 'rates', kind: 'return', size: 0.02 }] },
          deps,
        ),
      )) as BallastError;
      expect(e.details['field']).toBe('shocks[0].kind');
    });

    it('refuses a yield change of 200 written as a decimal (+2 000 000bp)', async () => {
      const e = (await errorOf(() =>
        stress(
          {
            holdings: HOLDINGS,
            shocks: [{ target: 'rates', kind: 'yield', size: 200, unit: 'decimal' }],
            durations,
          },
          deps,
        ),
      )) as BallastError;
      expect(e.details).toMatchObject({ field: 'shocks[0].size', value: 200 });
    });

    it('refuses bp on a return shock, naming shocks[0].unit', async () => {
      const e = (await errorOf(() =>
        stress(
          {
            holdings: HOLDINGS,
            shocks: [{ target: 'equity', kind: 'return', size: -30, unit: 'bp' }],
          },
          deps,
        ),
      )) as BallastError;
      expect(e.details).toMatchObject({ field: 'shocks[0].unit', value: 'bp' });
    });

    it('reads +100bp, +1 percent and 0.01 decimal alike: duration 6 loses 6 % (hand arithmetic)', async () => {
      // −D·Δy = −6 × 0.01 = −0.06 on broad_ust. IEF (1.0 broad_ust) 4 750 × −0.06 = −285;
      // RSSB (0.95 broad_ust) 2 500 × 0.95 × −0.06 = −142.5; SPY and SSO hold no bonds.
      for (const [size, unit] of [
        [100, 'bp'],
        [1, 'percent'],
        [0.01, 'decimal'],
      ] as const) {
        const s = only(
          await stress(
            {
              holdings: HOLDINGS,
              shocks: [{ target: 'rates', kind: 'yield', size, unit }],
              durations,
            },
            deps,
          ),
        );
        expect(s.shocks['broad_ust']).toBeCloseTo(-0.06, 15);
        expect(pnlOf(s)).toEqual({ SPY: 0, SSO: 0, IEF: -285, RSSB: -142.5 });
        expect(s.totalPnl).toBe(-427.5);
      }
    });
  });
});
