import { describe, expect, it } from 'vitest';
import { buildGenerator, type GeneratorInput } from './build.ts';
import type { SimulationModel, WithdrawalPlan } from './model.ts';
import { joinResults, simulatePaths } from './paths.ts';
import { quantileLinear } from '../analytics/value-at-risk.ts';
import { quantileSorted, summarise } from './summary.ts';

interface Setup {
  columns: number[][];
  weights: number[];
  method?: GeneratorInput['method'];
  blockLength?: number;
  cash?: GeneratorInput['cash'];
  years?: number;
  periodsPerYear?: number;
  paths?: number;
  initial?: number;
  withdrawal?: WithdrawalPlan;
  rateSchedule?: SimulationModel['rateSchedule'];
  seed?: number;
}

function modelOf(s: Setup): SimulationModel {
  const { generator } = buildGenerator({
    columns: s.columns.map((c) => Float64Array.from(c)),
    weights: Float64Array.from(s.weights),
    method: s.method ?? 'bootstrap',
    ...(s.blockLength ? { blockLength: s.blockLength } : {}),
    ...(s.cash ? { cash: s.cash } : {}),
  });
  return {
    generator,
    periodsPerYear: s.periodsPerYear ?? 12,
    years: s.years ?? 3,
    paths: s.paths ?? 50,
    initial: s.initial ?? 100,
    ...(s.withdrawal ? { withdrawal: s.withdrawal } : {}),
    rateSchedule: s.rateSchedule ?? { perYear: 1, inflation: 0 },
    seed: s.seed ?? 42,
  };
}

function run(m: SimulationModel) {
  const r = simulatePaths(m, 0, m.paths);
  return { r, s: summarise(r, m) };
}

const constant = (x: number, n = 24) => new Array<number>(n).fill(x);

describe('constant returns', () => {
  // A earns 1 % and B 2 % every month; 50/50 rebalanced: 1.5 % a month, so the value at the end
  // of year y is 100·1.015^(12y) on every path: every percentile equals it.
  for (const method of ['bootstrap', 'block-bootstrap', 'normal', 'regime'] as const) {
    if (method === 'regime') continue; // regime needs variance (tested below)
    it(`${method}: every percentile is initial·(1 + r)^N`, () => {
      const { s } = run(
        modelOf({ columns: [constant(0.01), constant(0.02)], weights: [0.5, 0.5], method }),
      );
      for (const key of ['p5', 'p25', 'p50', 'p75', 'p95'] as const)
        s.percentiles[key].forEach((v, y) => expect(v).toBeCloseTo(100 * 1.015 ** (12 * y), 9));
      expect(s.terminal.mean).toBeCloseTo(100 * 1.015 ** 36, 9);
      expect(s.successProbability).toBe(1);
      expect(s.maxDrawdown.p95).toBe(0);
    });
  }

  it('borrowing: weights summing to 1.5 pay the borrowing rate on the 0.5 borrowed', () => {
    // p = 1.5·0.01 − 0.5·0.004 = 0.013 a month.
    const { s } = run(
      modelOf({ columns: [constant(0.01)], weights: [1.5], cash: { rate: 0.003, borrow: 0.004 } }),
    );
    expect(s.percentiles.p50[3]).toBeCloseTo(100 * 1.013 ** 36, 9);
  });
});

describe('withdrawals on zero returns (hand arithmetic)', () => {
  const zero = { columns: [constant(0)], weights: [1], years: 5 };

  it('100 paying 30 a year: 70, 40, 10, then depleted in year 4', () => {
    const { s } = run(modelOf({ ...zero, withdrawal: { amount: 30, perYear: 1, inflation: 0 } }));
    expect(s.percentiles.p50).toEqual([100, 70, 40, 10, 0, 0]);
    expect(s.depletion).toEqual({ probability: 1, medianYear: 4 });
    expect(s.successProbability).toBe(0);
  });

  it('with 50 % inflation: pays 30 then 45, cannot pay 67.5 from 25 in year 3', () => {
    const { s } = run(modelOf({ ...zero, withdrawal: { amount: 30, perYear: 1, inflation: 0.5 } }));
    expect(s.percentiles.p50).toEqual([100, 70, 25, 0, 0, 0]);
    expect(s.depletion.medianYear).toBe(3);
  });

  it('monthly 9: 11 payments take 99, the 12th cannot be paid from 1 → year 1', () => {
    const { r, s } = run(
      modelOf({ ...zero, withdrawal: { amount: 9, perYear: 12, inflation: 0 } }),
    );
    expect(r.depletedAt[0]).toBe(12);
    expect(s.depletion.medianYear).toBe(1);
  });

  it('a contribution (negative amount) adds: 100 + 5·10 = 150', () => {
    const { s } = run(modelOf({ ...zero, withdrawal: { amount: -10, perYear: 1, inflation: 0 } }));
    expect(s.percentiles.p95[5]).toBe(150);
    expect(s.depletion).toEqual({ probability: 0, medianYear: null });
  });

  it('safe withdrawal rate: 1/5 of the initial a year over 5 years; 1/Σ1.5^y with inflation', () => {
    expect(run(modelOf(zero)).s.safeWithdrawalRate.p95).toBeCloseTo(0.2, 12);
    // payments 1, 1.5, 2.25, 3.375, 5.0625 (× W) must add up to at most 100: W = 100/13.1875.
    const inflated = modelOf({ ...zero, rateSchedule: { perYear: 1, inflation: 0.5 } });
    expect(run(inflated).s.safeWithdrawalRate.p95).toBeCloseTo(1 / 13.1875, 12);
  });

  it('the safe rate survives exactly: paying it leaves 0, paying 1 % more depletes', () => {
    // 10 % in year 1 then −10 % in year 2 (annual data): R·100 ≤ 110 and 110 − W ≥ W/0.9…
    // closed form min(1.1/1, 0.99/(1·0.9 + 1)) = 0.99/1.9 per payment, 2 payments a 2-year run.
    const m = modelOf({
      columns: [[0.1, -0.1]],
      weights: [1],
      method: 'block-bootstrap',
      blockLength: 2,
      years: 2,
      periodsPerYear: 1,
      paths: 400,
    });
    const { r } = run(m);
    const rates = new Set<number>();
    for (let p = 0; p < r.count; p++) rates.add(Number(r.maxRate[p]!.toFixed(12)));
    // a path is [0.1, −0.1] (rate 0.99/1.9) — the only block of length 2
    expect([...rates]).toEqual([Number((0.99 / 1.9).toFixed(12))]);
    const pay = (amount: number) =>
      run({ ...m, withdrawal: { amount, perYear: 1, inflation: 0 } }).s.depletion.probability;
    expect(pay((100 * 0.99) / 1.9 - 1e-9)).toBe(0);
    expect(pay((100 * 0.99) / 1.9 + 1e-6)).toBe(1);
  });
});

/** A fixed history of 48 monthly returns (made-up numbers for the test). */
const A = Array.from({ length: 48 }, (_, t) => 0.01 + 0.04 * Math.sin(1.3 * t));
const B = Array.from({ length: 48 }, (_, t) => 0.004 + 0.02 * Math.cos(0.7 * t + 1));

describe('mean terminal value within 4 standard errors of Π E[1 + r]', () => {
  // i.i.d. draws: E[Π(1 + p_t)] = Π E[1 + p_t] = (1 + E p)^T.
  it('bootstrap: E p = the mean of the historical portfolio returns', () => {
    const m = modelOf({ columns: [A, B], weights: [0.6, 0.4], years: 10, paths: 20_000 });
    const meanP = A.reduce((s, a, t) => s + 0.6 * a + 0.4 * B[t]!, 0) / A.length;
    const { s } = run(m);
    const expected = 100 * (1 + meanP) ** 120;
    expect(Math.abs(s.terminal.mean - expected)).toBeLessThan(4 * s.terminal.standardError);
    expect(s.terminal.standardError).toBeGreaterThan(0);
  });

  it('normal: E p = wᵀ(sample mean)', () => {
    const m = modelOf({
      columns: [A, B],
      weights: [0.6, 0.4],
      years: 10,
      paths: 20_000,
      method: 'normal',
    });
    const meanA = A.reduce((s, x) => s + x, 0) / A.length;
    const meanB = B.reduce((s, x) => s + x, 0) / B.length;
    const { s } = run(m);
    const expected = 100 * (1 + 0.6 * meanA + 0.4 * meanB) ** 120;
    expect(Math.abs(s.terminal.mean - expected)).toBeLessThan(4 * s.terminal.standardError);
  });
});

describe('paths do not depend on how they are split', () => {
  for (const method of ['bootstrap', 'block-bootstrap', 'normal', 'student-t', 'regime'] as const)
    it(`${method}: paths 0–99 in one range = 0–36 then 37–99`, () => {
      const columns = [A.concat(A.map((x) => x * 2)), B.concat(B.map((x) => -x))];
      const m = modelOf({ columns, weights: [0.7, 0.5], method, paths: 100 });
      const whole = simulatePaths(m, 0, 100);
      const split = joinResults([simulatePaths(m, 0, 37), simulatePaths(m, 37, 100)], m.years);
      expect(Buffer.from(split.yearValues.buffer)).toEqual(Buffer.from(whole.yearValues.buffer));
      expect(Array.from(split.maxRate)).toEqual(Array.from(whole.maxRate));
      // a different seed gives different paths
      const other = simulatePaths({ ...m, seed: 43 }, 0, 100);
      expect(Array.from(other.yearValues)).not.toEqual(Array.from(whole.yearValues));
    });
});

describe('quantileSorted', () => {
  it('equals the type-7 quantileLinear of the unsorted values', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => Math.sin(i * 7.3) * 10);
    const sorted = Float64Array.from(values).sort();
    for (const q of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1])
      expect(quantileSorted(sorted, q)).toBe(quantileLinear(values, q));
    // hand: [1, 2, 3, 4] at 0.5 → h = 1.5 → 2 + 0.5·(3 − 2) = 2.5
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});
