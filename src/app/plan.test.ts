import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { plan, type PlanInput } from './plan.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const deps = testDeps('2025-10-01');
afterAll(() => deps.close());

const HOLDINGS = { path: 'test/fixtures/risk/holdings.csv' };
const FUNDS = { path: 'test/fixtures/risk/funds.yaml' };
const EXPOSURES = ['us_large_equity', 'intl_developed_large_equity', 'broad_ust', 'cash_rate'];

/** A seeded panel of the exposures above, 24 periods on `dates` (step in days). */
function exposurePanel(step: number, extra: Record<string, number> = {}): string {
  let seed = 11;
  const u = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.45) * 0.04;
  const ids = [...EXPOSURES, ...Object.keys(extra)];
  const rows = Array.from({ length: 24 }, (_, t) => {
    const d = new Date(Date.UTC(2020, 0, 3 + t * step)).toISOString().slice(0, 10);
    const cells = EXPOSURES.map((id) => (id === 'cash_rate' ? 0.001 + u() / 100 : u()).toFixed(6));
    return [d, ...cells, ...Object.values(extra).map(String)].join(',');
  });
  return [['date', ...ids].join(','), ...rows].join('\n');
}

const onPanel = (text: string, extra: Partial<PlanInput> = {}): PlanInput => ({
  holdings: HOLDINGS,
  funds: FUNDS,
  moments: {
    kind: 'estimate',
    panel: { kind: 'file', file: { text, name: 'exposures.csv' }, columnCase: 'lower' },
  },
  asOf: '2025-10-01',
  ...extra,
});

describe('plan use case', () => {
  it('the demo portfolio on the bundled sample: stage 1 lands on the target volatility', async () => {
    const doc = await plan({ asOf: '2025-10-01', notionalCap: 1.2 }, deps);
    expect(doc.stage1.volatilityAnnual).toBeCloseTo(0.1, 9);
    expect(doc.returns).toEqual({ source: 'sample', periodsPerYear: 12 });
    expect(doc.warnings.map((w) => w.code)).toContain('SAMPLE_DATA');
    expect(doc.mapping.totalNotional).toBeLessThanOrEqual(1.2 + 1e-9);
  });

  it('takes its periods per year from the panel: weekly data scale risky exposures by √(12/52)', async () => {
    // Same values on monthly and on weekly dates: Σ_weekly = (52/12)·Σ_monthly and μ, rf scale by
    // 52/12 too, so (no borrowing spread) the tangency mix is the same and reaching the same
    // annual volatility takes √(12/52) of each risky exposure.
    const common = { borrowSpreadAnnual: 0, targetVolatilityAnnual: 0.04 };
    const monthly = await plan(onPanel(exposurePanel(30), common), deps);
    const weekly = await plan(onPanel(exposurePanel(7), common), deps);
    expect(monthly.returns.periodsPerYear).toBe(12);
    expect(weekly.returns.periodsPerYear).toBe(52);
    for (const id of EXPOSURES.filter((e) => e !== 'cash_rate'))
      expect(weekly.stage1.exposures[id]).toBeCloseTo(
        monthly.stage1.exposures[id]! * Math.sqrt(12 / 52),
        9,
      );
  });

  it('considers a candidate fund not held (priced from the prices file): its exposure becomes reachable', async () => {
    const prices = { text: 'symbol,price\nGLD,180\n', name: 'prices.csv' };
    const base = { asOf: '2025-10-01', prices };
    const without = await plan(base, deps);
    const withGold = await plan({ ...base, candidates: ['gld'] }, deps);
    expect(without.stage1.exposures).not.toHaveProperty('gold');
    expect(withGold.stage1.exposures).toHaveProperty('gold');
    expect(withGold.mapping.weightsByFund).toHaveProperty('GLD');
    const buy = withGold.trades.trades.find((t) => t.symbol === 'GLD');
    if (buy !== undefined) expect(buy).toMatchObject({ side: 'buy', price: 180 });
  });

  it('refuses a candidate that is not a fund, and one without a price', async () => {
    const notFund = (await errorOf(() =>
      plan({ asOf: '2025-10-01', candidates: ['NOPE'] }, deps),
    )) as BallastError;
    expect(notFund).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'candidates[0]' } });
    const unpriced = (await errorOf(() =>
      plan({ asOf: '2025-10-01', candidates: ['GLD'] }, deps),
    )) as BallastError;
    expect(unpriced).toMatchObject({
      code: 'DATA_UNAVAILABLE',
      details: { field: 'candidates[0]' },
    });
  });

  it('refuses a zero-variance exposure naming it (cash_rate may be riskless)', async () => {
    const e = (await errorOf(() =>
      plan(onPanel(exposurePanel(30, { gold: 0.005 })), deps),
    )) as BallastError;
    expect(e).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'moments.panel', value: ['gold'] },
    });
  });

  it('warns COVARIANCE_RANK_DEFICIENT when the panel has fewer periods than exposures + 1', async () => {
    // 4 periods for 4 exposures: T − 1 = 3 < 4 (the risky 3 × 3 block alone has full rank)
    const short = [
      `date,${EXPOSURES.join(',')}`,
      '2020-01-31,0.03,0.01,0.005,0.001',
      '2020-02-29,-0.01,0.02,0.004,0.001',
      '2020-03-31,0.02,-0.01,0.006,0.0012',
      '2020-04-30,0.01,0.03,-0.002,0.0011',
    ].join('\n');
    const doc = await plan(onPanel(short, { targetVolatilityAnnual: 0.02 }), deps);
    const w = doc.warnings.find((x) => x.code === 'COVARIANCE_RANK_DEFICIENT');
    expect(w?.message).toContain('shrinkage');
  });
});
