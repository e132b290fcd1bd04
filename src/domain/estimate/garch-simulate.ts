/**
 * Simulation of a Gaussian GARCH(1,1) path: r_t = σ_t z_t, z_t ~ N(0, 1) i.i.d.,
 * σ²_{t+1} = ω + α r_t² + β σ²_t (Bollerslev 1986), started at the long-run variance
 * V_L = ω/(1 − α − β) (or at `initialVariance` when given, needed for α+β ≥ 1) and run for
 * `burnIn` discarded steps first. Seeded ({@link createRng}), so a seed fixes the path.
 */

import { createRng } from '../../core/random/xoshiro128.ts';
import { normalSampler } from '../../core/random/normal.ts';
import { invalidInput } from '../errors.ts';
import type { GarchParameters } from './garch-likelihood.ts';

/** Options of {@link simulateGarch}. */
export interface GarchSimulationOptions extends GarchParameters {
  /** Returns to keep. */
  readonly observations: number;
  readonly seed: number;
  /** Steps simulated and discarded first (default 500). */
  readonly burnIn?: number;
  /** σ² at the start of the burn-in (default V_L; required when α+β ≥ 1). */
  readonly initialVariance?: number;
}

/** A simulated path with its true conditional variances. */
export interface GarchSimulation {
  /** r_1 … r_n. */
  readonly returns: Float64Array;
  /** True σ²_1 … σ²_{n+1}: `variances[t]` is the variance of `returns[t]`; the last is σ²_{n+1}. */
  readonly variances: Float64Array;
}

/** Simulates n returns from a GARCH(1,1); throws `INVALID_INPUT` for ω ≤ 0, α < 0, β < 0. */
export function simulateGarch(options: GarchSimulationOptions): GarchSimulation {
  const { omega, alpha, beta, observations: n, seed } = options;
  if (!(omega > 0) || !(alpha >= 0) || !(beta >= 0)) {
    throw invalidInput('garch', { omega, alpha, beta }, 'needs ω > 0, α ≥ 0, β ≥ 0');
  }
  if (!Number.isInteger(n) || n < 1)
    throw invalidInput('observations', n, 'must be an integer ≥ 1');
  const start = options.initialVariance ?? omega / (1 - alpha - beta);
  if (!(start > 0) || !Number.isFinite(start)) {
    throw invalidInput('initialVariance', options.initialVariance, 'needed (> 0) when α+β ≥ 1');
  }
  const normal = normalSampler(createRng(seed));
  const burnIn = options.burnIn ?? 500;
  const returns = new Float64Array(n);
  const variances = new Float64Array(n + 1);
  let v = start;
  for (let t = -burnIn; t < n; t++) {
    const r = Math.sqrt(v) * normal();
    if (t >= 0) {
      returns[t] = r;
      variances[t] = v;
    }
    v = omega + alpha * r * r + beta * v;
  }
  variances[n] = v;
  return { returns, variances };
}
