import { describe, expect, it } from 'vitest';
import { fromRows } from '../../core/linalg/matrix.ts';
import { thrown } from '../../../test/helpers/optimize.ts';
import {
  CHECK_TOLERANCE,
  checkConstraints,
  constraintCheck,
  requireChecksHold,
  transactionCost,
} from './check.ts';

const w = Float64Array.from([0.6, 0.5, -0.1]);
const assets = ['A', 'B', 'C'];

describe('checkConstraints', () => {
  it('reports slack per constraint and flags violations beyond 1e-9', () => {
    const checks = checkConstraints({
      assets,
      weights: w,
      cash: 0,
      constraints: {
        longShort: { grossMax: 1.2, netMin: 1, netMax: 1 },
        minWeight: -0.2,
        maxWeight: 0.55,
        groups: [{ name: 'ab', coefficients: { A: 1, B: 1 }, min: 1, max: 1.05 }],
        turnover: { currentWeights: [0.5, 0.5, 0], maxTurnover: 0.3 },
      },
    });
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName.maxWeight).toEqual({
      name: 'maxWeight',
      ok: false,
      slack: expect.closeTo(-0.05, 12),
    });
    expect(byName.minWeight?.slack).toBeCloseTo(0.1, 12);
    expect(byName.gross?.slack).toBeCloseTo(0, 12); // |0.6| + |0.5| + |−0.1| = 1.2
    expect(byName.net?.ok).toBe(true); // min = max: an equality
    expect(byName['group:ab:max']?.slack).toBeCloseTo(-0.05, 12);
    expect(byName.turnover?.slack).toBeCloseTo(0.1, 12); // 0.1 + 0 + 0.1 = 0.2 ≤ 0.3
    expect(byName.budget?.ok).toBe(true);
  });

  it('checks the cash line, exposure limits, categories and the gross exposure cap', () => {
    const checks = checkConstraints({
      assets,
      weights: Float64Array.from([0.5, 0.5, 0.3]),
      cash: -0.3,
      constraints: {
        budget: { kind: 'cashLine', borrowSpreadAnnual: 0.01, maxBorrow: 0.2, maxCash: 0.1 },
        exposures: {
          names: ['eq', 'bd'],
          loadings: fromRows([
            [1, 0],
            [2, 0],
            [0, 1],
          ]),
          limits: { eq: { max: 2 } },
          categories: [{ name: 'all', exposures: ['eq', 'bd'], min: 1.8, max: 1.8 }],
          grossMax: 1.7,
        },
      },
    });
    const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
    expect(byName.maxBorrow?.slack).toBeCloseTo(-0.1, 12);
    expect(byName.maxCash?.ok).toBe(true);
    expect(byName['exposure:eq:max']?.slack).toBeCloseTo(0.5, 12); // eq = 0.5 + 1.0
    expect(byName['category:all']?.ok).toBe(true); // 1.5 + 0.3 = 1.8
    expect(byName.grossExposure?.slack).toBeCloseTo(-0.1, 12);
  });

  it('flags cash without a cash line and adds objective checks', () => {
    const checks = checkConstraints({
      assets: ['A'],
      weights: Float64Array.from([0.9]),
      cash: 0.1,
      constraints: {},
      extra: [{ name: 'targetReturn', slack: -2 * CHECK_TOLERANCE }],
    });
    expect(checks.find((c) => c.name === 'noCash')?.ok).toBe(false);
    expect(checks.find((c) => c.name === 'targetReturn')?.ok).toBe(false);
  });

  it('computes proportional transaction costs', () => {
    expect(transactionCost(w, {})).toBe(0);
    const cost = transactionCost(w, {
      turnover: { currentWeights: [0.5, 0.5, 0], costRate: [0.01, 0.02, 0.03] },
    });
    expect(cost).toBeCloseTo(0.01 * 0.1 + 0.03 * 0.1, 15);
  });
});

describe('the failure policy', () => {
  it('holds a slack of −1e-9 and fails one of −1.1e-9 (docs/conventions.md, "Tolerances")', () => {
    expect(constraintCheck('x', -1e-9).ok).toBe(true);
    expect(constraintCheck('x', -1.1e-9).ok).toBe(false);
  });

  it('returns when every check holds and throws naming every violation otherwise', () => {
    const held = [constraintCheck('budget', 0), constraintCheck('maxWeight', 0.2)];
    expect(() => requireChecksHold(held, { label: 'minVariance' })).not.toThrow();
    const broken = [...held, constraintCheck('gross', -0.25), constraintCheck('net', -2e-9)];
    const e = thrown(() => requireChecksHold(broken, { label: 'fund mapping' }));
    expect(e.code).toBe('SOLVER_FAILED');
    expect(e.message).toBe('fund mapping: the solution violates gross by 0.25, net by 2e-9');
    expect((e.details as { failed: unknown[] }).failed).toHaveLength(2);
    const infeasible = thrown(() =>
      requireChecksHold([constraintCheck('maxWeight', -0.1)], {
        label: 'riskParity',
        code: 'INFEASIBLE',
        hint: 'its weights cannot be bounded',
      }),
    );
    expect(infeasible.code).toBe('INFEASIBLE');
    expect(infeasible.message).toMatch(
      /violates maxWeight by 0\.1; its weights cannot be bounded$/,
    );
  });
});
