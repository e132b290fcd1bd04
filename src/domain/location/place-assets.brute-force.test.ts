import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../core/solvers/highs.ts';
import { placeAssets } from './place-assets.ts';
import type { AccountTaxType, ExposureProfile, LocationProblem } from './types.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/**
 * The LP against an independent brute force on a grid. Three accounts (taxable 4, traditional
 * 3, Roth 3 units of $10,000), three exposures each held by one fund, menus
 * taxable {BND, STK, REIT}, traditional {BND, REIT}, Roth {STK, REIT}, integer targets.
 * With one fund per exposure the program is a transportation problem: its constraint matrix is
 * totally unimodular and supplies and demands are integers, so every vertex — and hence an
 * optimum, and every optimum when it is unique — lies on the integer grid that the loops below
 * enumerate. The after-tax values per dollar are computed here again from the formulas of
 * docs/asset-location.md, not taken from the code.
 */
const UNIT = 10_000;
const IDS = ['bonds', 'stocks', 'reit'] as const;
const FUND_OF = { bonds: 'BND', stocks: 'STK', reit: 'REIT' } as const;
const ACCOUNTS: {
  name: string;
  type: AccountTaxType;
  units: number;
  menu: (typeof IDS)[number][];
}[] = [
  { name: 'brokerage', type: 'taxable', units: 4, menu: ['bonds', 'stocks', 'reit'] },
  { name: 'ira', type: 'traditional', units: 3, menu: ['bonds', 'reit'] },
  { name: 'roth', type: 'roth', units: 3, menu: ['stocks', 'reit'] },
];

/** A small linear congruential generator (Numerical Recipes constants), deterministic. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Case {
  readonly profiles: Record<string, ExposureProfile>;
  readonly targetUnits: number[];
  readonly tax: LocationProblem['tax'];
}

function randomCase(seed: number): Case {
  const u = lcg(seed);
  const profiles = Object.fromEntries(
    IDS.map((k) => [
      k,
      {
        expectedReturnAnnual: 0.01 + 0.09 * u(),
        yieldAnnual: 0.06 * u(),
        qualifiedShare: u(),
        turnoverAnnual: 0.3 * u(),
        realisedGainShare: u(),
      },
    ]),
  );
  const a = Math.floor(u() * 11);
  const b = Math.floor(u() * (11 - a));
  const tax = {
    ordinaryRate: 0.1 + 0.3 * u(),
    qualifiedRate: 0.2 * u(),
    capitalGainsRate: 0.25 * u(),
    withdrawalRate: 0.35 * u(),
    horizonYears: 1 + Math.floor(30 * u()),
  };
  return { profiles, targetUnits: [a, b, 10 - a - b], tax };
}

/** After-tax value at H per dollar, written out again. */
function value(type: AccountTaxType, p: ExposureProfile, t: Case['tax']): number {
  const drag =
    p.yieldAnnual * (1 - p.qualifiedShare) * t.ordinaryRate +
    p.yieldAnnual * p.qualifiedShare * t.qualifiedRate +
    p.turnoverAnnual * p.realisedGainShare * t.capitalGainsRate;
  if (type === 'taxable') return (1 + p.expectedReturnAnnual - drag) ** t.horizonYears;
  const grown = (1 + p.expectedReturnAnnual) ** t.horizonYears;
  return type === 'roth' ? grown : (1 - t.withdrawalRate) * grown;
}

/** Every integer split of `total` over `parts` slots. */
function splits(total: number, parts: number): number[][] {
  if (parts === 1) return [[total]];
  const out: number[][] = [];
  for (let first = 0; first <= total; first++)
    for (const rest of splits(total - first, parts - 1)) out.push([first, ...rest]);
  return out;
}

/** The best grid placements: value and the placements attaining it (unit counts per account × menu). */
function bruteForce(c: Case): { best: number; argmax: number[][][] } {
  let best = -Infinity;
  let argmax: number[][][] = [];
  const choices = ACCOUNTS.map((a) => splits(a.units, a.menu.length));
  for (const x0 of choices[0]!)
    for (const x1 of choices[1]!)
      for (const x2 of choices[2]!) {
        const xs = [x0, x1, x2];
        const held = IDS.map((k) =>
          ACCOUNTS.reduce(
            (s, a, i) => s + (a.menu.includes(k) ? xs[i]![a.menu.indexOf(k)]! : 0),
            0,
          ),
        );
        if (held.some((h, j) => h !== c.targetUnits[j])) continue;
        let v = 0;
        ACCOUNTS.forEach((a, i) =>
          a.menu.forEach((k, j) => (v += xs[i]![j]! * UNIT * value(a.type, c.profiles[k]!, c.tax))),
        );
        if (v > best + 1e-9 * Math.abs(v)) {
          best = v;
          argmax = [xs];
        } else if (Math.abs(v - best) <= 1e-9 * Math.abs(v)) argmax.push(xs);
      }
  return { best, argmax };
}

function lpProblem(c: Case): LocationProblem {
  return {
    accounts: ACCOUNTS.map((a) => ({
      name: a.name,
      type: a.type,
      balance: a.units * UNIT,
      funds: a.menu.map((k) => FUND_OF[k]),
    })),
    targetWeights: Object.fromEntries(IDS.map((k, j) => [k, c.targetUnits[j]! / 10])),
    funds: { BND: { bonds: 1 }, STK: { stocks: 1 }, REIT: { reit: 1 } },
    exposures: c.profiles,
    tax: c.tax,
  };
}

describe('placeAssets against a brute-force enumeration', () => {
  it('finds the grid optimum (value to 1e-9 relative, dollars when unique) on 60 random cases (infeasible ones: both say so)', () => {
    let compared = 0;
    let unique = 0;
    let infeasible = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const c = randomCase(seed);
      const brute = bruteForce(c);
      if (brute.argmax.length === 0) {
        expect(() => placeAssets(highs, lpProblem(c))).toThrow(
          expect.objectContaining({ code: 'INFEASIBLE' }),
        );
        infeasible++;
        continue;
      }
      const r = placeAssets(highs, lpProblem(c));
      expect(r.objective.afterTaxValue / brute.best - 1).toBeCloseTo(0, 9);
      compared++;
      if (brute.argmax.length === 1) {
        unique++;
        ACCOUNTS.forEach((a, i) => {
          const got = Object.fromEntries(r.accounts[i]!.holdings.map((h) => [h.fund, h.dollars]));
          a.menu.forEach((k, j) =>
            expect(got[FUND_OF[k]] ?? 0).toBeCloseTo(brute.argmax[0]![i]![j]! * UNIT, 4),
          );
        });
      }
    }
    // The cases must actually exercise the comparison, not skip it.
    expect(compared).toBeGreaterThan(30);
    expect(unique).toBeGreaterThan(15);
    expect(infeasible).toBeGreaterThan(0);
  });
});
