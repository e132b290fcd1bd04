import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { estimate } from './estimate.ts';
import { optimize, type OptimizeInput } from './optimize.ts';
import { errorOf, testDeps } from './test-helpers.ts';

/**
 * Panels built for hand arithmetic: T = 4 annual periods, each column = mean + scale·pattern
 * with orthogonal zero-mean patterns p1 = (1,−1,1,−1), p2 = (1,1,−1,−1), so the sample
 * covariance (divisor T − 1 = 3) is diagonal, var_i = 4·scale_i²/3, and the sample mean is the
 * stated mean.
 */
const DATES = ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'];
const p1 = [1, -1, 1, -1];
const p2 = [1, 1, -1, -1];

function panel(columns: Record<string, readonly number[]>): string {
  const ids = Object.keys(columns);
  return [
    ['date', ...ids].join(','),
    ...DATES.map((d, t) => [d, ...ids.map((id) => columns[id]![t])].join(',')),
  ].join('\n');
}

const column = (mean: number, scale: number, pattern: readonly number[]) =>
  pattern.map((p) => mean + scale * p);

// A: mean 0.10, σ ∝ 0.2; B: mean 0.08, σ ∝ 0.1 (variances 4·0.04/3 and 4·0.01/3)
const AB = panel({ A: column(0.1, 0.2, p1), B: column(0.08, 0.1, p2) });

const deps = testDeps();
afterAll(() => deps.close());

function onPanel(text: string, extra: Partial<OptimizeInput> = {}): OptimizeInput {
  return {
    moments: {
      kind: 'estimate',
      panel: { kind: 'file', file: { text, name: 'panel.csv' } },
      spec: { periodsPerYear: 1 },
    },
    objective: { kind: 'min-variance' },
    ...extra,
  };
}

describe('optimize use case', () => {
  it('min-variance of two uncorrelated assets is w ∝ 1/σ²: (1/0.04, 1/0.01)/125 = (0.2, 0.8)', async () => {
    const doc = await optimize(onPanel(AB), deps);
    expect(doc.status).toBe('optimal');
    expect(doc.objective).toBe('min-variance');
    expect(doc.weights.A).toBeCloseTo(0.2, 12);
    expect(doc.weights.B).toBeCloseTo(0.8, 12);
    // σ² = 0.2²·(4·0.04/3) + 0.8²·(4·0.01/3) = 0.032/3 → σ = 0.10328
    expect(doc.volatilityAnnual).toBeCloseTo(Math.sqrt(0.032 / 3), 12);
    expect(doc.warnings).toEqual([]);
  });

  it('custom risk budgets: with Σ diagonal, w_i ∝ √b_i/σ_i', async () => {
    // b = (0.8, 0.2): √0.8/0.2 = √0.2/0.1 = 4.4721 → equal weights
    const doc = await optimize(
      onPanel(AB, { objective: { kind: 'risk-budget', budgets: { a: 0.8, B: 0.2 } } }),
      deps,
    );
    expect(doc.weights.A).toBeCloseTo(0.5, 8);
    expect(doc.weights.B).toBeCloseTo(0.5, 8);
    // risk contributions equal the budgets
    expect(doc.riskContributions.A).toBeCloseTo(0.8, 8);
    expect(doc.riskContributions.B).toBeCloseTo(0.2, 8);
  });

  it('reads a moments file: max-Sharpe is Σ⁻¹(μ − rf) normalised — (0.25, 0.75) by hand', async () => {
    // μ = (0.10, 0.08), Σ = diag(0.04, 0.01), rf = 0.02: Σ⁻¹(μ − rf) = (2, 6) → (0.25, 0.75)
    const moments = JSON.stringify({
      assets: ['A', 'B'],
      mu: { A: 0.1, B: 0.08 },
      covariance: [
        [0.04, 0],
        [0, 0.01],
      ],
      riskFreeRateAnnual: 0.02,
    });
    const doc = await optimize(
      {
        moments: { kind: 'file', moments: { text: moments, name: 'm.json' } },
        objective: { kind: 'max-sharpe' },
      },
      deps,
    );
    expect(doc.weights.A).toBeCloseTo(0.25, 10);
    expect(doc.weights.B).toBeCloseTo(0.75, 10);
    // Sharpe = (0.25·0.10 + 0.75·0.08 − 0.02)/√(0.25²·0.04 + 0.75²·0.01) = 0.065/0.090139
    expect(doc.sharpe).toBeCloseTo(0.065 / Math.sqrt(0.0025 + 0.005625), 10);
  });

  it('any covariance model of estimate: optimising on it equals optimising on the moments file estimate writes', async () => {
    const text = panel({
      A: [0.01, -0.02, 0.03, 0.01],
      B: [0.02, 0.01, -0.01, 0.0],
      C: [-0.01, 0.02, 0.01, 0.02],
    });
    const spec = {
      periodsPerYear: 12,
      covariance: { method: 'ewma' as const, lambda: 0.9, minPeriods: 2 },
    };
    const source = { kind: 'file' as const, file: { text, name: 'p.csv' } };
    const direct = await optimize(
      { moments: { kind: 'estimate', panel: source, spec }, objective: { kind: 'min-variance' } },
      deps,
    );
    const written = await estimate({ panel: source, ...spec }, deps);
    const viaFile = await optimize(
      {
        moments: { kind: 'file', moments: { text: JSON.stringify(written), name: 'm.json' } },
        objective: { kind: 'min-variance' },
      },
      deps,
    );
    for (const a of ['A', 'B', 'C']) expect(direct.weights[a]).toBeCloseTo(viaFile.weights[a]!, 12);
  });

  it('refuses an all-zero column and a constant column, naming both (INVALID_INPUT)', async () => {
    const text = panel({ A: column(0.1, 0.2, p1), Z: [0, 0, 0, 0], K: [0.01, 0.01, 0.01, 0.01] });
    const e = (await errorOf(() => optimize(onPanel(text), deps))) as BallastError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ field: 'moments.panel', value: ['Z', 'K'] });
    expect(e.message).toContain('Z, K');
  });

  it('accepts a constant column declared the risk-free asset: rf = its mean × periods per year', async () => {
    // CASH returns 0.01 a period, 1 period a year → rf = 0.01; A, B as above
    const text = panel({
      A: column(0.1, 0.2, p1),
      B: column(0.08, 0.1, p2),
      CASH: [0.01, 0.01, 0.01, 0.01],
    });
    const doc = await optimize(
      onPanel(text, { objective: { kind: 'max-sharpe' }, riskFreeColumn: 'cash' }),
      deps,
    );
    expect(doc.riskFree).toEqual({ column: 'CASH', rateAnnual: 0.01 });
    expect(Object.keys(doc.weights)).toEqual(['A', 'B']);
    // tangency ∝ Σ⁻¹(μ − rf) with Σ ∝ diag(0.04, 0.01): (0.09/0.04, 0.07/0.01) = (2.25, 7)
    expect(doc.weights.A).toBeCloseTo(2.25 / 9.25, 10);
  });

  it('refuses a risk-free column together with a risk-free rate', async () => {
    const text = panel({
      A: column(0.1, 0.2, p1),
      B: column(0.08, 0.1, p2),
      CASH: [0.01, 0.01, 0.01, 0.01],
    });
    const e = (await errorOf(() =>
      optimize(onPanel(text, { riskFreeColumn: 'CASH', riskFreeRateAnnual: 0.02 }), deps),
    )) as BallastError;
    expect(e.details.field).toBe('riskFreeRateAnnual');
  });

  it('warns COVARIANCE_RANK_DEFICIENT (naming shrinkage) for 30 assets over 20 observations', async () => {
    let seed = 17;
    const u = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.02;
    const ids = Array.from({ length: 30 }, (_, j) => `S${j}`);
    const rows = Array.from({ length: 20 }, (_, t) => {
      const d = new Date(Date.UTC(2020, t, 28)).toISOString().slice(0, 10);
      return [d, ...ids.map(() => u().toFixed(6))].join(',');
    });
    const text = [['date', ...ids].join(','), ...rows].join('\n');
    const input = {
      moments: {
        kind: 'estimate' as const,
        panel: { kind: 'file' as const, file: { text, name: 'wide.csv' } },
      },
      objective: { kind: 'hrp' as const },
    };
    const doc = await optimize(input, deps);
    const w = doc.warnings.find((x) => x.code === 'COVARIANCE_RANK_DEFICIENT');
    expect(w?.message).toContain('shrinkage');
    expect(w?.details).toMatchObject({ observations: 20, assets: 30 });
    // the remedy named: a shrinkage estimator gives no such warning
    const shrunk = await optimize(
      { ...input, moments: { ...input.moments, spec: { covariance: { method: 'ledoit-wolf' } } } },
      deps,
    );
    expect(shrunk.warnings.map((x) => x.code)).not.toContain('COVARIANCE_RANK_DEFICIENT');
  });

  it('a scenario objective on a moments file is refused naming the objective', async () => {
    const moments = JSON.stringify({ assets: ['A'], mu: [0.1], covariance: [[0.04]] });
    const e = (await errorOf(() =>
      optimize(
        {
          moments: { kind: 'file', moments: { text: moments, name: 'm.json' } },
          objective: { kind: 'min-cvar' },
        },
        deps,
      ),
    )) as BallastError;
    expect(e.details.field).toBe('objective.kind');
  });

  it('names an unknown asset of a group, of current weights and of risk budgets by field', async () => {
    const cases: [Partial<OptimizeInput>, string][] = [
      [
        { constraints: { groups: [{ name: 'g', assets: ['A', 'Z'], max: 0.5 }] } },
        'constraints.groups',
      ],
      [
        { constraints: { turnover: { currentWeights: { Z: 1 }, maxTurnover: 1 } } },
        'constraints.turnover.currentWeights.Z',
      ],
      [{ objective: { kind: 'risk-budget', budgets: { A: 0.5, Z: 0.5 } } }, 'objective.budgets.Z'],
    ];
    for (const [extra, field] of cases) {
      const e = (await errorOf(() => optimize(onPanel(AB, extra), deps))) as BallastError;
      expect(e.code, field).toBe('INVALID_INPUT');
      expect(e.details.field).toBe(field);
    }
  });
});
