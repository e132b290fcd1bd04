/**
 * Simulating paths: returns from the model's generator (draw.ts), then the account of each path
 * (docs/simulate.md, "Paths"). Path i draws from its own stream `createStreamRng(seed, i)`, so
 * a path is the same whichever thread or chunk computes it.
 *
 * Per period t = 1…T (T = years × periodsPerYear), with p_t the portfolio return:
 * 1. V ← V·(1 + p_t). A path with V > 0 and 1 + p_t ≤ 0 (a levered loss of the whole equity)
 *    is depleted at t.
 * 2. When a withdrawal falls at t ({@link paysAt}) in year y = ⌊(t − 1)/periodsPerYear⌋, the
 *    amount a·(1 + inflation)^y is paid: V ← V − a_y. A positive amount larger than V cannot be
 *    paid: the path is depleted at t. A negative amount is a contribution.
 * 3. A depleted path is worth 0 from then on. The value after step 2 at each year end is kept.
 *
 * Per path also:
 * - max drawdown: the deepest fall 1 − I_t / max_{s≤t} I_s of the path's return index
 *   I_t = Π_{s≤t}(1 + p_s), I_0 = 1 (withdrawals are not losses), as a positive fraction ≤ 1;
 * - maximum sustainable withdrawal rate: the largest R such that paying R·initial/f at each of
 *   the rate schedule's f payments a year (year y's payments × (1 + inflation)^y) never takes
 *   more than the value. The value before payment j is initial·G_j − W·A_j, with G_j the
 *   growth from the start to payment j and A_j = Σ_{i<j} c_i·(growth from payment i to j), so
 *   paying c_j·W is possible iff W ≤ initial·G_j / (A_j + c_j): exactly
 *   R = f · min_j G_j / (A_j + c_j), clipped at 0 (0 once a period loses everything).
 */

import { createStreamRng } from '../../core/random/xoshiro128.ts';
import { pathFiller } from './draw.ts';
import { paysAt, periodsOf, type SimulationModel } from './model.ts';

/** What a range of paths produced, path by path. */
export interface PathResults {
  /** Number of paths. */
  readonly count: number;
  /** (years + 1) values per path: the initial value, then each year end. */
  readonly yearValues: Float64Array;
  /** Period (1-based) at which each path was depleted; 0 = never. */
  readonly depletedAt: Int32Array;
  /** Max drawdown of each path's return index, positive fraction. */
  readonly maxDrawdown: Float64Array;
  /** Maximum sustainable withdrawal rate of each path (a year, of the initial value). */
  readonly maxRate: Float64Array;
}

function schedule(periods: number, periodsPerYear: number, perYear: number): Uint8Array {
  const flags = new Uint8Array(periods + 1);
  for (let t = 1; t <= periods; t++) flags[t] = paysAt(t, periodsPerYear, perYear) ? 1 : 0;
  return flags;
}

function yearly(years: number, first: number, inflation: number): Float64Array {
  return Float64Array.from({ length: years }, (_, y) => first * (1 + inflation) ** y);
}

/** The paths `from` … `to` − 1 of `model` (module comment). */
export function simulatePaths(model: SimulationModel, from: number, to: number): PathResults {
  const count = Math.max(0, to - from);
  const { years, periodsPerYear: ppy, initial, withdrawal: w, rateSchedule } = model;
  const periods = periodsOf(model);
  const stride = years + 1;
  const out: PathResults = {
    count,
    yearValues: new Float64Array(count * stride),
    depletedAt: new Int32Array(count),
    maxDrawdown: new Float64Array(count),
    maxRate: new Float64Array(count),
  };
  const fill = pathFiller(model.generator);
  const returns = new Float64Array(periods);
  const pays = w ? schedule(periods, ppy, w.perYear) : new Uint8Array(periods + 1);
  const amounts = yearly(years, w?.amount ?? 0, w?.inflation ?? 0);
  const ratePays = schedule(periods, ppy, rateSchedule.perYear);
  const rateFactors = yearly(years, 1, rateSchedule.inflation);
  const yearValues = out.yearValues;
  for (let p = 0; p < count; p++) {
    fill(createStreamRng(model.seed, from + p), returns);
    const base = p * stride;
    yearValues[base] = initial;
    let value = initial;
    let depleted = 0;
    let index = 1;
    let peak = 1;
    let drawdown = 0;
    let growth = 1;
    let owed = 0;
    let minRatio = Infinity;
    for (let year = 0; year < years; year++) {
      const amount = amounts[year]!;
      const factor = rateFactors[year]!;
      const first = year * ppy + 1;
      for (let t = first; t < first + ppy; t++) {
        const g = 1 + returns[t - 1]!;
        index *= g;
        if (index > peak) peak = index;
        else if (1 - index / peak > drawdown) drawdown = 1 - index / peak;
        if (depleted === 0) {
          if (value > 0 && g <= 0) {
            depleted = t;
            value = 0;
          } else value *= g;
          if (depleted === 0 && pays[t] === 1) {
            if (amount > value) {
              depleted = t;
              value = 0;
            } else value -= amount;
          }
        }
        if (g > 0 && growth > 0) {
          growth *= g;
          owed *= g;
        } else growth = owed = 0;
        if (ratePays[t] === 1) {
          owed += factor;
          if (growth / owed < minRatio) minRatio = growth / owed;
        }
      }
      yearValues[base + year + 1] = value;
    }
    out.depletedAt[p] = depleted;
    out.maxDrawdown[p] = Math.min(1, drawdown);
    out.maxRate[p] = Math.max(0, minRatio) * rateSchedule.perYear;
  }
  return out;
}

/** The results of consecutive ranges joined in order. */
export function joinResults(parts: readonly PathResults[], years: number): PathResults {
  const count = parts.reduce((s, r) => s + r.count, 0);
  const joined: PathResults = {
    count,
    yearValues: new Float64Array(count * (years + 1)),
    depletedAt: new Int32Array(count),
    maxDrawdown: new Float64Array(count),
    maxRate: new Float64Array(count),
  };
  let at = 0;
  for (const r of parts) {
    joined.yearValues.set(r.yearValues, at * (years + 1));
    joined.depletedAt.set(r.depletedAt, at);
    joined.maxDrawdown.set(r.maxDrawdown, at);
    joined.maxRate.set(r.maxRate, at);
    at += r.count;
  }
  return joined;
}
