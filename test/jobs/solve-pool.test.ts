import { afterAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../src/core/solvers/highs.ts';
import type { BallastError } from '../../src/domain/errors.ts';
import { optimize } from '../../src/domain/optimize/optimize.ts';
import type { OptimizationInputs } from '../../src/domain/optimize/problem.ts';
import { SolvePool, withSolvePool } from '../../src/jobs/solve-pool.ts';
import { rejection } from '../helpers/errors.ts';

/**
 * docs/conventions.md's two-asset example: μ = (0.10, 0.08), Σ = diag(0.04, 0.01), rf = 0.02. The
 * tangency portfolio is ∝ Σ⁻¹(μ − rf) = (0.08/0.04, 0.06/0.01) = (2, 6) → (0.25, 0.75).
 */
const inputs: OptimizationInputs = {
  assets: ['A', 'B'],
  expectedReturnsAnnual: Float64Array.from([0.1, 0.08]),
  covarianceAnnual: { rows: 2, cols: 2, data: Float64Array.from([0.04, 0, 0, 0.01]) },
  riskFreeRateAnnual: 0.02,
};

describe('SolvePool', () => {
  const pool = new SolvePool({ size: 2 });
  afterAll(() => pool.close());

  it('solves max-Sharpe off the main thread: (0.25, 0.75) by hand, Float64Array intact', async () => {
    const problem = { inputs, objective: { kind: 'maxSharpe' as const } };
    const r = await pool.solve({ problem });
    expect(r.weights.A).toBeCloseTo(0.25, 12);
    expect(r.weights.B).toBeCloseTo(0.75, 12);
    expect(r.weightsVector).toBeInstanceOf(Float64Array);
    // the checks and diagnostics cross the thread boundary unchanged
    const local = optimize(await loadHighs(), problem);
    expect(r.constraintsChecked).toEqual(local.constraintsChecked);
    expect(r.diagnostics.solver).toBe(local.diagnostics.solver);
  });

  it('gives the same result as the in-process call for several concurrent jobs', async () => {
    const highs = await loadHighs();
    const jobs = [0.5, 1, 2, 4, 8].map((gamma) => ({
      problem: { inputs, objective: { kind: 'utility' as const, riskAversion: gamma } },
    }));
    const results = await Promise.all(jobs.map((j) => pool.solve(j)));
    results.forEach((r, i) => {
      const local = optimize(highs, jobs[i]!.problem);
      expect(r.weights).toEqual(local.weights);
      expect(r.objectiveValue).toBe(local.objectiveValue);
    });
  });

  it('re-throws a worker error as a BallastError with the same code and message', async () => {
    const job = {
      problem: {
        inputs,
        objective: { kind: 'maxSharpe' as const },
        constraints: { maxWeight: 0.3 },
      },
    };
    let local: BallastError | undefined;
    try {
      optimize(await loadHighs(), job.problem);
    } catch (e) {
      local = e as BallastError;
    }
    const remote = await rejection(pool.solve(job));
    expect(remote.code).toBe('INFEASIBLE');
    expect(remote.code).toBe(local!.code);
    expect(remote.message).toBe(local!.message);
    // invalid input (NaN in μ) is INVALID_INPUT on the worker too, and the pool keeps working
    const nan = { ...inputs, expectedReturnsAnnual: Float64Array.from([Number.NaN, 0.08]) };
    expect(
      (
        await rejection(
          pool.solve({ problem: { inputs: nan, objective: { kind: 'minVariance' } } }),
        )
      ).code,
    ).toBe('INVALID_INPUT');
    const after = await pool.solve({ problem: { inputs, objective: { kind: 'minVariance' } } });
    // min variance on a diagonal Σ: w ∝ 1/σ² = (25, 100) → (0.2, 0.8)
    expect(after.weights.A).toBeCloseTo(0.2, 12);
  });
});

describe('SolvePool lifecycle', () => {
  it('rejects a bad size and jobs after close()', async () => {
    expect(() => new SolvePool({ size: 0 })).toThrow(/size/);
    const pool = new SolvePool({ size: 1 });
    const running = pool.solve({ problem: { inputs, objective: { kind: 'minVariance' } } });
    const queued = pool.solve({ problem: { inputs, objective: { kind: 'minVariance' } } });
    // attach the handlers before close() rejects the jobs
    const failures = Promise.all([rejection(running), rejection(queued)]);
    await pool.close();
    expect((await failures).map((e) => e.code)).toEqual(['INTERNAL', 'INTERNAL']);
    expect(
      (await rejection(pool.solve({ problem: { inputs, objective: { kind: 'minVariance' } } })))
        .code,
    ).toBe('INTERNAL');
    await pool.close();
  });

  it('withSolvePool closes the pool after the task', async () => {
    let seen: SolvePool | undefined;
    const w = await withSolvePool({ size: 1 }, async (pool) => {
      seen = pool;
      return (await pool.solve({ problem: { inputs, objective: { kind: 'minVariance' } } }))
        .weights;
    });
    expect(w.B).toBeCloseTo(0.8, 12);
    expect(
      (await rejection(seen!.solve({ problem: { inputs, objective: { kind: 'minVariance' } } })))
        .code,
    ).toBe('INTERNAL');
  });
});
