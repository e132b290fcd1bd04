/**
 * Ratio objectives solved exactly by the Charnes-Cooper transformation: maximise
 * nᵀw / √(wᵀΣw) over the portfolio constraints ⇔ minimise yᵀΣy s.t. nᵀy = 1 and the
 * homogenised constraints (y = κw, κ > 0), then w = y/κ.
 *
 * - Max Sharpe (tangency): n = r − rf·a_budget, i.e. μ_i − rf on assets, −spread on
 *   borrowing, −κ_i on traded amounts (docs/conventions.md example: μ = (.10, .08),
 *   Σ = diag(.04, .01), rf = .02, long-only → w = (.25, .75), Sharpe 0.7211).
 * - Max diversification (Choueifaty & Coignard, "Toward maximum diversification", J. Portf.
 *   Mgmt 35 (2008)): n = σ, σ_i = √Σ_ii.
 *
 * When κ only appears in the budget row (fully invested, long-only, upper bounds ≥ 1, no
 * other non-homogeneous rows) it is eliminated — κ = Σy — which leaves a QP over y alone
 * with one row, solved by the dense active-set kernel. With a cash line the ratio is flat
 * along the capital allocation line; the solver returns one point of it (choose the point with
 * `targetVolatilityAnnual`).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import { solveProblem, type QpMethod } from '../../../core/solvers/solve-qp.ts';
import { BallastError } from '../../errors.ts';
import { homogenize } from '../../../core/solvers/homogenize.ts';
import type { LinearModel } from '../../../core/solvers/model-builder.ts';
import type { PortfolioModel } from '../model/portfolio-model.ts';
import type { OptimizationInputs } from '../problem.ts';
import { solveModel, toSolverProblem, type SolvedModel } from '../model/solve-model.ts';

/** What {@link solveRatio} maximises: numerator coefficients per original model variable. */
export interface RatioSpec {
  readonly portfolio: PortfolioModel;
  readonly model: LinearModel;
  readonly numerator: Float64Array;
  readonly inputs: OptimizationInputs;
  readonly label: string;
  readonly method?: QpMethod;
  /** Error code when the homogenised problem is infeasible but the portfolio set is not. */
  readonly noPositiveNumerator: BallastError;
}

function redundantUpper(pm: PortfolioModel): (j: number) => boolean {
  const simple = pm.cash === undefined && pm.lower.every((l) => l >= 0);
  return (j) => simple && j < pm.assets.length && pm.upper[j]! >= 1;
}

/** Drops κ and the budget row when κ appears nowhere else (see the module comment). */
function eliminateKappa(model: LinearModel, kappa: number): LinearModel | undefined {
  const { constraints: c } = model;
  let budget = -1;
  for (let i = 0; i < c.rows; i++) {
    for (let p = c.rowStarts[i]!; p < c.rowStarts[i + 1]!; p++) {
      if (c.columns[p] !== kappa) continue;
      if (budget >= 0 || model.rowNames[i] !== 'budget') return undefined;
      budget = i;
    }
  }
  if (budget < 0) return undefined;
  const rows = model.rows.filter((_, i) => i !== budget);
  const keep = model.rows.map((_, i) => i !== budget);
  const nv = model.variableCount - 1;
  const starts = [0];
  const columns: number[] = [];
  const values: number[] = [];
  keep.forEach((k, i) => {
    if (!k) return;
    for (let p = c.rowStarts[i]!; p < c.rowStarts[i + 1]!; p++) {
      columns.push(c.columns[p]!);
      values.push(c.values[p]!);
    }
    starts.push(columns.length);
  });
  return {
    variableCount: nv,
    variableNames: model.variableNames.slice(0, nv),
    lower: model.lower.slice(0, nv),
    upper: model.upper.slice(0, nv),
    rowNames: rows.map((r) => r.name),
    rows,
    constraints: {
      rows: rows.length,
      rowStarts: Int32Array.from(starts),
      columns: Int32Array.from(columns),
      values: Float64Array.from(values),
      lower: Float64Array.from(rows, (r) => r.lower),
      upper: Float64Array.from(rows, (r) => r.upper),
    },
  };
}

function budgetActivity(model: LinearModel, y: Float64Array): number {
  const i = model.rowNames.indexOf('budget');
  const c = model.constraints;
  let s = 0;
  for (let p = c.rowStarts[i]!; p < c.rowStarts[i + 1]!; p++) s += c.values[p]! * y[c.columns[p]!]!;
  return s;
}

/** Whether the (non-homogenised) portfolio constraints admit any point. */
function portfolioFeasible(highs: HighsRuntime, model: LinearModel): boolean {
  const linear = new Float64Array(model.variableCount);
  return (
    solveProblem(highs, toSolverProblem({ model, linear, label: 'feasibility' })).status ===
    'optimal'
  );
}

/**
 * Maximises numeratorᵀw / √(wᵀΣw) exactly; returns the original model's variable vector w.
 * Throws `spec.noPositiveNumerator` when the constraints are feasible but no portfolio has a
 * positive numerator, INFEASIBLE when they are not, SOLVER_FAILED otherwise.
 */
export function solveRatio(highs: HighsRuntime, spec: RatioSpec): SolvedModel {
  const { model } = spec;
  const h = homogenize(model, { redundantUpper: redundantUpper(spec.portfolio) });
  const nonzero = [...spec.numerator.keys()].filter((j) => spec.numerator[j] !== 0);
  h.builder.addRow({
    name: 'normalisation',
    indices: nonzero,
    values: nonzero.map((j) => spec.numerator[j]!),
    lower: 1,
    upper: 1,
  });
  const full = h.builder.build();
  const reduced = eliminateKappa(full, h.kappa);
  const solveOn = reduced ?? full;
  let solved: SolvedModel;
  try {
    solved = solveModel(highs, {
      model: solveOn,
      hessian: spec.inputs.covarianceAnnual,
      linear: new Float64Array(solveOn.variableCount),
      label: spec.label,
      ...(spec.method === undefined ? {} : { method: spec.method }),
    });
  } catch (error) {
    if (!(error instanceof BallastError) || error.code !== 'INFEASIBLE') throw error;
    if (!portfolioFeasible(highs, model)) throw error;
    throw spec.noPositiveNumerator;
  }
  const y = solved.x;
  const kappa = reduced === undefined ? y[h.kappa]! : budgetActivity(model, y);
  if (!(kappa > 0) || !Number.isFinite(kappa)) {
    throw new BallastError('SOLVER_FAILED', `${spec.label}: scale κ = ${kappa} is not positive`, {
      objective: spec.label,
    });
  }
  const x = Float64Array.from({ length: model.variableCount }, (_, j) => y[j]! / kappa);
  return { x, report: solved.report };
}
