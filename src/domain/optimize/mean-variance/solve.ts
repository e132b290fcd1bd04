/**
 * The mean-variance family on one portfolio model: each {@link Objective} becomes a QP or LP
 * over the weights and auxiliary variables of `model/portfolio-model.ts` (r = return coefficients:
 * μ on assets, rf / −(rf + spread) on cash, −κ on traded amounts):
 *
 * | objective          | problem                                                   |
 * |--------------------|-----------------------------------------------------------|
 * | minVariance        | min ½wᵀΣw                                                  |
 * | efficientReturn    | min ½wᵀΣw s.t. rᵀz ≥ target                               |
 * | utility            | min (γ/2)wᵀΣw − rᵀz                                        |
 * | maxReturn          | min −rᵀz (LP)                                              |
 * | minTrackingError   | min ½wᵀΣw − (Σb)ᵀw  (= ½(w − b)ᵀΣ(w − b) − ½bᵀΣb)          |
 * | maxSharpe          | Charnes-Cooper (`max-sharpe.ts`)                          |
 * | maxDiversification | Charnes-Cooper with n = σ (`max-sharpe.ts`)               |
 * | efficientRisk      | bisection on the utility parameter (`efficient-risk.ts`) |
 *
 * Reference: Markowitz, "Portfolio Selection", J. Finance 7 (1952); PyPortfolioOpt's
 * `EfficientFrontier` objectives (same names and conventions).
 */

import type { HighsRuntime } from '../../../core/solvers/highs.ts';
import type { QpMethod } from '../../../core/solvers/solve-qp.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import {
  addTargetReturnRow,
  buildPortfolioModel,
  returnCoefficients,
  type PortfolioModel,
} from '../model/portfolio-model.ts';
import { solveEfficientRisk } from './efficient-risk.ts';
import { solveRatio } from './max-sharpe.ts';
import type { PortfolioConstraints } from '../constraints.ts';
import type { MeanVarianceObjective } from '../objectives.ts';
import type { OptimizationInputs } from '../problem.ts';
import type { FixedCostMethod } from '../result.ts';
import { solveModel, type SolvedModel } from '../model/solve-model.ts';

/** A solved objective: the full variable vector of its portfolio model and the solver report. */
export interface ObjectiveSolution extends SolvedModel {
  readonly portfolio: PortfolioModel;
  /** Solves performed (several for efficientRisk). */
  readonly solves: number;
  /** How fixed trade costs were met (absent without fixed costs). */
  readonly fixedCosts?: FixedCostMethod;
}

/** What {@link solveObjective} needs. */
export interface ObjectiveSpec {
  readonly inputs: OptimizationInputs;
  readonly objective: MeanVarianceObjective;
  readonly constraints?: PortfolioConstraints;
  readonly method?: QpMethod;
  /** A portfolio model built by the caller (e.g. with a fixed-cost trade pattern). */
  readonly portfolio?: PortfolioModel;
}

function scaled(
  inputs: OptimizationInputs,
  factor: number,
): OptimizationInputs['covarianceAnnual'] {
  const c = inputs.covarianceAnnual;
  return { rows: c.rows, cols: c.cols, data: c.data.map((v) => v * factor) };
}

/** Solves one objective on a fresh portfolio model (see the module table). */
export function solveObjective(highs: HighsRuntime, spec: ObjectiveSpec): ObjectiveSolution {
  const { inputs, objective } = spec;
  const pm =
    spec.portfolio ??
    buildPortfolioModel({
      assets: inputs.assets,
      riskFreeRateAnnual: inputs.riskFreeRateAnnual,
      ...(spec.constraints === undefined ? {} : { constraints: spec.constraints }),
    });
  const method = spec.method === undefined ? {} : { method: spec.method };
  const mu = inputs.expectedReturnsAnnual;
  const n = inputs.assets.length;
  if (objective.kind === 'efficientRisk')
    return solveEfficientRisk(highs, { ...spec, portfolio: pm });
  if (objective.kind === 'efficientReturn') {
    addTargetReturnRow(pm, { mu, targetReturnAnnual: objective.targetReturnAnnual });
  }
  const model = pm.builder.build();
  const nv = model.variableCount;
  const r = returnCoefficients(pm, { mu, variableCount: nv });
  const label = objective.kind;
  const done = (s: SolvedModel): ObjectiveSolution => ({ ...s, portfolio: pm, solves: 1 });
  switch (objective.kind) {
    case 'minVariance':
    case 'efficientReturn':
      return done(
        solveModel(highs, {
          model,
          hessian: inputs.covarianceAnnual,
          linear: new Float64Array(nv),
          label,
          ...method,
        }),
      );
    case 'utility': {
      const gamma = objective.riskAversion;
      if (!(gamma > 0) || !Number.isFinite(gamma))
        throw invalidInput('objective.riskAversion', gamma, 'must be > 0');
      const linear = r.map((v) => -v);
      return done(
        solveModel(highs, { model, hessian: scaled(inputs, gamma), linear, label, ...method }),
      );
    }
    case 'maxReturn':
      return done(solveModel(highs, { model, linear: r.map((v) => -v), label }));
    case 'minTrackingError': {
      const b = objective.benchmarkWeights;
      if (b.length !== n || !b.every(Number.isFinite)) {
        throw invalidInput('objective.benchmarkWeights', b.length, `needs ${n} finite weights`);
      }
      const c = inputs.covarianceAnnual.data;
      const linear = new Float64Array(nv);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += c[i * n + j]! * b[j]!;
        linear[i] = -s;
      }
      return done(
        solveModel(highs, { model, hessian: inputs.covarianceAnnual, linear, label, ...method }),
      );
    }
    case 'maxSharpe': {
      const rf = inputs.riskFreeRateAnnual;
      if (!mu.some((m) => m > rf)) {
        throw new BallastError(
          'NO_ASSET_ABOVE_RISK_FREE',
          `maxSharpe: no asset has an expected return above the risk-free rate ${rf}`,
          { riskFreeRateAnnual: rf },
        );
      }
      const budget = model.rows[pm.budgetRow]!;
      const numerator = Float64Array.from(r);
      for (let k = 0; k < budget.indices.length; k++) {
        const j = budget.indices[k]!;
        numerator[j] = numerator[j]! - rf * budget.values[k]!;
      }
      const noPositiveNumerator = new BallastError(
        'NO_ASSET_ABOVE_RISK_FREE',
        `maxSharpe: no feasible portfolio has an expected return above the risk-free rate ${rf}`,
        { riskFreeRateAnnual: rf },
      );
      return done(
        solveRatio(highs, {
          portfolio: pm,
          model,
          numerator,
          inputs,
          label,
          noPositiveNumerator,
          ...method,
        }),
      );
    }
    case 'maxDiversification': {
      const numerator = new Float64Array(nv);
      const c = inputs.covarianceAnnual.data;
      for (let i = 0; i < n; i++) numerator[i] = Math.sqrt(c[i * n + i]!);
      const noPositiveNumerator = new BallastError(
        'INFEASIBLE',
        'maxDiversification: no feasible portfolio has positive volatility-weighted exposure',
        {},
      );
      return done(
        solveRatio(highs, {
          portfolio: pm,
          model,
          numerator,
          inputs,
          label,
          noPositiveNumerator,
          ...method,
        }),
      );
    }
  }
}
