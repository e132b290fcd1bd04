/**
 * The efficient frontier with its solves spread over a {@link SolvePool}: the app's
 * `frontierOn` (src/app/frontier-run.ts) with the pool's `solve` — the same portfolios as the
 * in-process `efficientFrontier`, in the same order (test: test/jobs/solve-pool.test.ts and
 * test/cli/frontier-threads.test.ts). Only `diagnostics.solveMs` differs (it sums per-solve
 * times measured on the workers).
 */

import {
  frontierOn,
  type EfficientFrontier,
  type FrontierOptions,
  type OptimizationInputs,
} from '../app/frontier-run.ts';
import type { SolvePool } from './solve-pool.ts';

/** The efficient frontier of `inputs` with every solve on `pool` (module comment). */
export function parallelFrontier(
  pool: SolvePool,
  inputs: OptimizationInputs,
  options: FrontierOptions,
): Promise<EfficientFrontier> {
  return frontierOn((problem) => pool.solve({ problem }), inputs, options);
}
