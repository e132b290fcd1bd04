import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../../core/solvers/highs.ts';
import { financeExample } from '../../../../test/helpers/optimize.ts';
import { buildPortfolioModel, returnCoefficients } from './portfolio-model.ts';
import { homogenize } from '../../../core/solvers/homogenize.ts';
import { optimize } from '../index.ts';
import type { ExposureConstraints } from '../constraints.ts';
import type { OptimizationInputs } from '../problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/** SPY (1× equity), UPRO (3× equity), BND (bonds); UPRO has the highest expected return. */
const levered: OptimizationInputs = {
  assets: ['SPY', 'UPRO', 'BND'],
  expectedReturnsAnnual: Float64Array.from([0.08, 0.2, 0.04]),
  covarianceAnnual: fromRows([
    [0.04, 0.12, 0.002],
    [0.12, 0.36 + 0.001, 0.006],
    [0.002, 0.006, 0.0036],
  ]),
  riskFreeRateAnnual: 0.02,
};
const leveredExposures = (grossMax?: number): ExposureConstraints => ({
  names: ['equity', 'bonds'],
  loadings: fromRows([
    [1, 0],
    [3, 0],
    [0, 1],
  ]),
  ...(grossMax === undefined ? {} : { grossMax }),
});

describe('leverage-aware constraints', () => {
  it('a 3× fund under a gross economic cap of 1.0 gets weight 0', () => {
    // Σ|x_k| = w_SPY + 3·w_UPRO + w_BND = 1 + 2·w_UPRO ≤ 1 with Σw = 1 ⇒ w_UPRO = 0.
    const uncapped = optimize(highs, { inputs: levered, objective: { kind: 'maxReturn' } });
    expect(uncapped.weights.UPRO).toBe(1);
    for (const kind of ['maxReturn', 'maxSharpe', 'minVariance'] as const) {
      const r = optimize(highs, {
        inputs: levered,
        objective: { kind },
        constraints: { exposures: leveredExposures(1) },
      });
      expect(Math.abs(r.weights.UPRO!)).toBeLessThan(1e-12);
      // Σ|x_k| = |w_SPY + 3·w_UPRO| + |w_BND|, from the weights
      const gross = Math.abs(r.weights.SPY! + 3 * r.weights.UPRO!) + Math.abs(r.weights.BND!);
      expect(gross).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('a cap of 1.5 admits exactly a quarter in the 3× fund for max return', () => {
    // 1 + 2·w_UPRO ≤ 1.5 ⇒ w_UPRO ≤ 0.25; the rest goes to SPY (next best return).
    const r = optimize(highs, {
      inputs: levered,
      objective: { kind: 'maxReturn' },
      constraints: { exposures: leveredExposures(1.5) },
    });
    expect(r.weights.UPRO).toBeCloseTo(0.25, 12);
    expect(r.weights.SPY).toBeCloseTo(0.75, 12);
  });

  it('a target-exposure case with an exact solution reaches it', () => {
    // Funds SPY (1, 0), BND (0, 1), NTSX (0.9, 0.6). Equity = 0.9 and bonds = 0.6 with Σw = 1:
    // w_S + 0.9w_N = 0.9, w_B + 0.6w_N = 0.6 ⇒ w_S + w_B = 1.5 − 1.5w_N = 1 − w_N ⇒ w_N = 1.
    const inputs: OptimizationInputs = {
      assets: ['SPY', 'BND', 'NTSX'],
      expectedReturnsAnnual: Float64Array.from([0.08, 0.04, 0.09]),
      covarianceAnnual: fromRows([
        [0.04, 0.002, 0.037],
        [0.002, 0.0036, 0.004],
        [0.037, 0.004, 0.036],
      ]),
      riskFreeRateAnnual: 0.02,
    };
    const r = optimize(highs, {
      inputs,
      objective: { kind: 'minVariance' },
      constraints: {
        exposures: {
          names: ['equity', 'bonds'],
          loadings: fromRows([
            [1, 0],
            [0, 1],
            [0.9, 0.6],
          ]),
          limits: { equity: { min: 0.9, max: 0.9 }, bonds: { min: 0.6, max: 0.6 } },
        },
      },
    });
    expect(r.weights.NTSX).toBeCloseTo(1, 12);
    expect(Math.abs(r.weights.SPY!) + Math.abs(r.weights.BND!)).toBeLessThan(1e-12);
    const equity = r.constraintsChecked.find((c) => c.name === 'exposure:equity')!;
    expect(Math.abs(equity.slack)).toBeLessThan(1e-12);
  });

  it('applies per-exposure, category and group limits', () => {
    const r = optimize(highs, {
      inputs: levered,
      objective: { kind: 'maxReturn' },
      constraints: {
        exposures: {
          ...leveredExposures(),
          limits: { equity: { max: 1.2 } },
          categories: [{ name: 'all', exposures: ['equity', 'bonds'], max: 1.4 }],
        },
        groups: [{ name: 'equityFunds', coefficients: { SPY: 1, UPRO: 1 }, max: 0.8 }],
      },
    });
    // Equity w_S + 3w_U ≤ 1.2, w_S + w_U ≤ 0.8, w_B = 1 − w_S − w_U; maximise 0.08w_S + 0.2w_U + 0.04w_B:
    // both equity rows bind: w_U = 0.2, w_S = 0.6, w_B = 0.2 (category 1.4 binds too).
    expect(r.weights.UPRO).toBeCloseTo(0.2, 12);
    expect(r.weights.SPY).toBeCloseTo(0.6, 12);
    // the category equity + bonds = (w_S + 3w_U) + w_B binds at 1.4, from the weights
    expect(r.weights.SPY! + 3 * r.weights.UPRO! + r.weights.BND!).toBeCloseTo(1.4, 12);
    expect(r.constraintsChecked.map((c) => c.name)).toEqual(
      expect.arrayContaining(['exposure:equity:max', 'category:all:max', 'group:equityFunds:max']),
    );
  });

  it('borrows through a cash line at rf + spread and scales to a target volatility', () => {
    const r = optimize(highs, {
      inputs: financeExample(),
      objective: { kind: 'maxSharpe' },
      constraints: {
        budget: { kind: 'cashLine', borrowSpreadAnnual: 0.01, maxBorrow: 0.5 },
        maxWeight: 2,
      },
      targetVolatilityAnnual: 0.15,
    });
    // The tangency mix stays 1:3; borrowing is capped at 0.5, so Σw = 1.5 and σ = 1.5 · 0.0901.
    expect(r.weights.B! / r.weights.A!).toBeCloseTo(3, 10);
    expect(r.cash).toBeCloseTo(-0.5, 12);
    expect(r.diagnostics.scaling?.capped).toBe(true);
    expect(r.volatilityAnnual).toBeCloseTo(1.5 * Math.sqrt(0.008125), 10);
    // E = 1.5 · 0.085 − 0.5 · (0.02 + 0.01).
    expect(r.expectedReturnAnnual).toBeCloseTo(1.5 * 0.085 - 0.5 * 0.03, 10);
  });

  it('limits turnover against current weights and charges proportional costs', () => {
    const r = optimize(highs, {
      inputs: financeExample(),
      objective: { kind: 'maxSharpe' },
      constraints: { turnover: { currentWeights: [1, 0], maxTurnover: 0.5, costRate: 0.001 } },
    });
    // Σ|w − w0| = 2(1 − a) ≤ 0.5 ⇒ a ≥ 0.75; the Sharpe ratio falls as a moves away from 0.25.
    expect(r.weights.A).toBeCloseTo(0.75, 10);
    expect(r.transactionCost).toBeCloseTo(0.001 * 0.5, 12);
    // the turnover |w_A − 1| + |w_B − 0| binds at 0.5, from the weights
    expect(Math.abs(r.weights.A! - 1) + Math.abs(r.weights.B!)).toBeCloseTo(0.5, 10);
  });

  it('builds the documented layout and return coefficients', () => {
    const pm = buildPortfolioModel({
      assets: ['A', 'B'],
      riskFreeRateAnnual: 0.02,
      constraints: {
        longShort: { grossMax: 1.5, netMin: 0.5 },
        budget: { kind: 'cashLine', borrowSpreadAnnual: 0.01 },
        turnover: { currentWeights: [0.5, 0.5], costRate: [0.001, 0.002] },
      },
    });
    const model = pm.builder.build();
    expect(model.variableNames).toEqual([
      'A',
      'B',
      'cash',
      'borrowing',
      'gross:abs:0',
      'gross:abs:1',
      'trade:0',
      'trade:1',
    ]);
    expect(Array.from(model.lower.slice(0, 2))).toEqual([-1, -1]);
    const r = returnCoefficients(pm, { mu: Float64Array.from([0.1, 0.08]), variableCount: 8 });
    expect(Array.from(r)).toEqual([0.1, 0.08, 0.02, -0.03, 0, 0, -0.001, -0.002]);
    expect(model.rowNames).toContain('net');
  });

  it('homogenises bounds and rows for Charnes-Cooper', () => {
    const pm = buildPortfolioModel({
      assets: ['A', 'B'],
      riskFreeRateAnnual: 0,
      constraints: { minWeight: 0.1, maxWeight: 0.8 },
    });
    const h = homogenize(pm.builder.build());
    const m = h.builder.build();
    expect(h.kappa).toBe(2);
    expect(m.rowNames).toEqual([
      'budget',
      'bound:A:min',
      'bound:A:max',
      'bound:B:min',
      'bound:B:max',
    ]);
    expect(Array.from(m.upper)).toEqual([Infinity, Infinity, Infinity]);
  });
});
