/**
 * Test portfolios for evaluating covariance forecasts through portfolio variance:
 * the equal-weight portfolio 1/n first, then seeded random long-only portfolios drawn
 * uniformly from the simplex (Dirichlet(1, …, 1): wᵢ = Eᵢ/ΣE with Eᵢ = −ln Uᵢ exponential;
 * Rubinstein & Kroese 2016, "Simulation and the Monte Carlo Method", §4.5). Weights sum to 1.
 */

import { createRng } from '../../../core/random/xoshiro128.ts';
import { invalidInput } from '../../errors.ts';

/** Options of {@link evaluationPortfolios}. */
export interface PortfolioSetOptions {
  /** Number of assets n (≥ 1). */
  readonly assets: number;
  /** Random long-only portfolios after the equal-weight one (default 20). */
  readonly random?: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
}

/** [equal weight, random₁, …, random_k], each a length-n weight vector summing to 1. */
export function evaluationPortfolios(options: PortfolioSetOptions): Float64Array[] {
  const n = options.assets;
  const count = options.random ?? 20;
  if (!Number.isInteger(n) || n < 1) throw invalidInput('assets', n, 'must be an integer ≥ 1');
  if (!Number.isInteger(count) || count < 0)
    throw invalidInput('random', count, 'must be an integer ≥ 0');
  const rng = createRng(options.seed ?? 1);
  const out = [new Float64Array(n).fill(1 / n)];
  for (let k = 0; k < count; k++) {
    const e = Float64Array.from({ length: n }, () => -Math.log(1 - rng.nextFloat()));
    const total = e.reduce((s, v) => s + v, 0);
    out.push(e.map((v) => v / total));
  }
  return out;
}
