import { beforeAll, describe, expect, it } from 'vitest';
import { fromRows } from '../../core/linalg/matrix.ts';
import { loadHighs, type HighsRuntime } from '../../core/solvers/highs.ts';
import { financeExample, thrown } from '../../../test/helpers/optimize.ts';
import { optimize } from './index.ts';
import type { OptimizationInputs } from './problem.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const minVariance = { objective: { kind: 'minVariance' as const } };

describe('errors are codes with reasons, never silent answers', () => {
  it('NaN inputs are INVALID_INPUT naming the field and asset', () => {
    const inputs = financeExample();
    const e = thrown(() =>
      optimize(highs, {
        inputs: { ...inputs, expectedReturnsAnnual: Float64Array.from([0.1, Number.NaN]) },
        ...minVariance,
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('expectedReturnsAnnual.B');
    const cov = fromRows([
      [0.04, Number.NaN],
      [Number.NaN, 0.01],
    ]);
    expect(
      thrown(() =>
        optimize(highs, { inputs: { ...inputs, covarianceAnnual: cov }, ...minVariance }),
      ).message,
    ).toContain('covarianceAnnual.A.B');
  });

  it('an asset with no data (missing row) or malformed shapes are INVALID_INPUT', () => {
    const inputs = financeExample();
    expect(
      thrown(() =>
        optimize(highs, { inputs: { ...inputs, assets: ['A', 'B', 'C'] }, ...minVariance }),
      ).code,
    ).toBe('INVALID_INPUT');
    expect(
      thrown(() => optimize(highs, { inputs: { ...inputs, assets: ['A', 'A'] }, ...minVariance }))
        .message,
    ).toContain('duplicate');
    const asymmetric = fromRows([
      [0.04, 0.01],
      [0.02, 0.01],
    ]);
    expect(
      thrown(() =>
        optimize(highs, { inputs: { ...inputs, covarianceAnnual: asymmetric }, ...minVariance }),
      ).message,
    ).toContain('not symmetric');
    expect(
      thrown(() =>
        optimize(highs, { inputs, ...minVariance, constraints: { maxWeight: [1, 1, 1] } }),
      ).code,
    ).toBe('INVALID_INPUT');
    expect(
      thrown(() => optimize(highs, { inputs, objective: { kind: 'utility', riskAversion: 0 } }))
        .code,
    ).toBe('INVALID_INPUT');
    expect(
      thrown(() =>
        optimize(highs, {
          inputs,
          ...minVariance,
          constraints: { groups: [{ name: 'g', coefficients: { Z: 1 } }] },
        }),
      ).message,
    ).toContain('unknown asset');
  });

  it('infeasible bounds are INFEASIBLE', () => {
    const inputs = financeExample();
    const e = thrown(() =>
      optimize(highs, { inputs, ...minVariance, constraints: { maxWeight: 0.4 } }),
    );
    expect(e.code).toBe('INFEASIBLE');
    const contradictory = thrown(() =>
      optimize(highs, { inputs, ...minVariance, constraints: { minWeight: 0.6, maxWeight: 0.5 } }),
    );
    expect(contradictory.code).toBe('INFEASIBLE');
    expect(contradictory.message).toContain('contradictory bounds');
    const sharpe = thrown(() =>
      optimize(highs, {
        inputs,
        objective: { kind: 'maxSharpe' },
        constraints: { maxWeight: 0.4 },
      }),
    );
    expect(sharpe.code).toBe('INFEASIBLE');
  });

  it('an unbounded max return (unlimited shorts) is UNBOUNDED', () => {
    const e = thrown(() =>
      optimize(highs, {
        inputs: financeExample(),
        objective: { kind: 'maxReturn' },
        constraints: { longShort: {}, minWeight: -Infinity, maxWeight: Infinity },
      }),
    );
    expect(e.code).toBe('UNBOUNDED');
  });

  it('max Sharpe with no asset above rf is NO_ASSET_ABOVE_RISK_FREE, not max return', () => {
    const inputs = { ...financeExample(), riskFreeRateAnnual: 0.12 };
    expect(thrown(() => optimize(highs, { inputs, objective: { kind: 'maxSharpe' } })).code).toBe(
      'NO_ASSET_ABOVE_RISK_FREE',
    );
    // An asset beats rf but the constraints exclude it: still the same code, with the reason.
    const excluded = thrown(() =>
      optimize(highs, {
        inputs: { ...financeExample(), riskFreeRateAnnual: 0.09 },
        objective: { kind: 'maxSharpe' },
        constraints: { maxWeight: [0.1, 1] },
      }),
    );
    expect(excluded.code).toBe('NO_ASSET_ABOVE_RISK_FREE');
    expect(excluded.message).toContain('no feasible portfolio');
  });

  it('a singular covariance still gives the minimum variance (HiGHS + polish)', () => {
    // A and B identical: Σ singular. Min variance: a + b = 0.2, c = 0.8 (any split of 0.2).
    const inputs: OptimizationInputs = {
      assets: ['A', 'B', 'C'],
      expectedReturnsAnnual: Float64Array.from([0.1, 0.1, 0.08]),
      covarianceAnnual: fromRows([
        [0.04, 0.04, 0],
        [0.04, 0.04, 0],
        [0, 0, 0.01],
      ]),
      riskFreeRateAnnual: 0.02,
    };
    const r = optimize(highs, { inputs, ...minVariance });
    expect(r.weights.A! + r.weights.B!).toBeCloseTo(0.2, 9);
    expect(r.objectiveValue).toBeCloseTo(0.008, 12);
    expect(r.weights.C).toBeCloseTo(0.8, 9);
    expect(r.weights.A!).toBeGreaterThanOrEqual(-1e-9);
    expect(r.weights.B!).toBeGreaterThanOrEqual(-1e-9);
  });

  it('a covariance that is not PSD is rejected, never answered', () => {
    const inputs: OptimizationInputs = {
      ...financeExample(),
      covarianceAnnual: fromRows([
        [0.04, 0.1],
        [0.1, 0.01],
      ]),
    };
    const options = { ...minVariance, constraints: { longShort: {} } };
    const e = thrown(() => optimize(highs, { inputs, ...options }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/not positive semidefinite/);
    // Above the validation size the solver paths catch it: HiGHS (auxiliary gross variables) …
    const skip = { psdCheckMaxAssets: 0 };
    const viaHighs = thrown(() =>
      optimize(highs, {
        inputs,
        ...options,
        constraints: { longShort: { grossMax: 1.5 } },
        validation: skip,
      }),
    );
    expect(viaHighs.code).toBe('SOLVER_FAILED');
    // … and the dense kernel when it meets negative curvature (here from a start with B free).
    const dense = thrown(() =>
      optimize(highs, {
        inputs,
        ...options,
        constraints: { longShort: {}, maxWeight: 2 },
        validation: skip,
      }),
    );
    expect(dense.code).toBe('SOLVER_FAILED');
  });

  it('targetVolatility needs a cash line', () => {
    expect(
      thrown(() =>
        optimize(highs, { inputs: financeExample(), ...minVariance, targetVolatilityAnnual: 0.1 }),
      ).code,
    ).toBe('INVALID_INPUT');
  });
});
