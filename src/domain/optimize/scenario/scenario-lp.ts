/**
 * Linear-program pieces shared by the scenario optimisers (CVaR, CDaR, semivariance): the
 * validation of the scenario matrix, the per-period scenario return of every model variable
 * and the row Σ_j r_tj·x_j appended to a CSR block (`core/solvers/csr-builder.ts`).
 */

import type { Matrix } from '../../../core/linalg/matrix.ts';
import type { CsrBuilder } from '../../../core/solvers/csr-builder.ts';
import { invalidInput } from '../../errors.ts';
import type { PortfolioModel } from '../model/portfolio-model.ts';
import type { ScenarioReturns } from '../objectives.ts';

/**
 * Validates the scenario matrix (T ≥ 1 rows, n columns, all finite) and `periodsPerYear > 0`.
 * Throws `INVALID_INPUT` naming the period and asset of a bad value.
 */
export function checkScenarios(input: ScenarioReturns, assets: readonly string[]): void {
  const { returns: s, periodsPerYear } = input;
  if (!(periodsPerYear > 0) || !Number.isFinite(periodsPerYear)) {
    throw invalidInput(
      'objective.scenarios.periodsPerYear',
      periodsPerYear,
      'must be a positive number',
    );
  }
  if (s.cols !== assets.length)
    throw invalidInput(
      'objective.scenarios.returns',
      s.cols,
      `needs ${assets.length} columns (one per asset)`,
    );
  if (s.rows < 1)
    throw invalidInput('objective.scenarios.returns', s.rows, 'needs at least one period');
  for (let k = 0; k < s.data.length; k++) {
    const v = s.data[k]!;
    if (!Number.isFinite(v))
      throw invalidInput(
        `objective.scenarios.returns[${Math.floor(k / s.cols)}].${assets[k % s.cols]}`,
        v,
        'not a finite number',
      );
  }
}

/**
 * Per-period return of the model's cash variables: c⁺ earns rf/k, c⁻ costs (rf + spread)/k
 * (k = periods per year; arithmetic de-annualisation, as μ = mean × k). Other auxiliary
 * variables (turnover) have no scenario return: their cost is one-off, reported separately.
 */
export function cashReturnsPerPeriod(
  pm: PortfolioModel,
  periodsPerYear: number,
): Map<number, number> {
  const out = new Map<number, number>();
  if (pm.cash === undefined) return out;
  for (const j of [pm.cash.lend, pm.cash.borrow])
    out.set(j, (pm.auxiliaryReturns.get(j) ?? 0) / periodsPerYear);
  return out;
}

/** Appends Σ_j r_tj·x_j + Σ_cash ρ_c·x_c (the portfolio's return in period t) to the open row. */
export function pushScenarioReturn(
  block: CsrBuilder,
  spec: {
    readonly scenarios: Matrix;
    readonly t: number;
    readonly cash: ReadonlyMap<number, number>;
    readonly scale?: number;
  },
): void {
  const { scenarios: s, t } = spec;
  const scale = spec.scale ?? 1;
  const row = t * s.cols;
  for (let j = 0; j < s.cols; j++) block.push(j, scale * s.data[row + j]!);
  for (const [j, rho] of spec.cash) block.push(j, scale * rho);
}
