/**
 * Weightings: what a strategy's targets are on each row it may trade (docs/backtest.md,
 * "Weighting"). The engine asks for targets on the first row, on each rebalance candidate and
 * on each contribution; a weighting may use the prices up to that row and nothing after it.
 */

import { invalidInput } from '../errors.ts';
import type { Weighting } from './types.ts';

/**
 * The same targets on every row (the contract's `weights`): fractions of value, finite; their
 * sum may exceed 1 (the rest is borrowed cash) or fall short of it (the rest is cash).
 *
 * @throws BallastError INVALID_INPUT naming `weights[i]` for a weight that is not finite.
 */
export function fixedWeights(weights: readonly number[]): Weighting {
  weights.forEach((w, i) => {
    if (!Number.isFinite(w)) throw invalidInput(`weights[${i}]`, w, 'must be a finite number');
  });
  const targets = Float64Array.from(weights);
  return () => targets;
}
