/**
 * The domain {@link Objective} of an objective input (`optimize-input.ts`). The scenario
 * objectives (min CVaR, min CDaR, min semivariance) carry the per-period returns of the panel
 * with its periods per year, so they need a returns panel, not a moments file. Risk budgets are
 * keyed by asset name (matched exactly, then case-insensitively).
 */

import { invalidInput } from '../domain/errors.ts';
import { returnsMatrix } from '../domain/estimate/covariance-input.ts';
import type { Objective, ScenarioReturns } from '../domain/optimize/objectives.ts';
import { indexOfName, type OptimizationData } from './optimization-data.ts';
import type { ObjectiveSpec } from './optimize-input.ts';

function scenariosOf(data: OptimizationData, kind: string): ScenarioReturns {
  if (data.table === undefined || data.periodsPerYear === undefined)
    throw invalidInput(
      'objective.kind',
      kind,
      'a scenario objective needs the returns themselves (a panel), not a moments file',
    );
  return { returns: returnsMatrix(data.table), periodsPerYear: data.periodsPerYear };
}

function budgetsOf(
  assets: readonly string[],
  budgets: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, b] of Object.entries(budgets)) {
    const i = indexOfName(assets, name);
    if (i < 0)
      throw invalidInput(
        `objective.budgets.${name}`,
        name,
        `"${name}" is not an asset (assets: ${assets.join(', ')})`,
      );
    out[assets[i]!] = b;
  }
  return out;
}

const target = (t: number | undefined) => (t === undefined ? {} : { targetReturnAnnual: t });

/** The domain objective of `spec` on `data` (module comment). */
export function domainObjective(spec: ObjectiveSpec, data: OptimizationData): Objective {
  switch (spec.kind) {
    case 'min-variance':
      return { kind: 'minVariance' };
    case 'max-sharpe':
      return { kind: 'maxSharpe' };
    case 'efficient-return':
      return { kind: 'efficientReturn', targetReturnAnnual: spec.targetReturnAnnual };
    case 'efficient-risk':
      return { kind: 'efficientRisk', targetVolatilityAnnual: spec.targetVolatilityAnnual };
    case 'utility':
      return { kind: 'utility', riskAversion: spec.riskAversion };
    case 'max-return':
      return { kind: 'maxReturn' };
    case 'max-diversification':
      return { kind: 'maxDiversification' };
    case 'risk-parity':
      return { kind: 'riskParity' };
    case 'risk-budget':
      return { kind: 'riskBudget', budgets: budgetsOf(data.inputs.assets, spec.budgets) };
    case 'hrp':
      return { kind: 'hrp', ...(spec.linkage === undefined ? {} : { linkage: spec.linkage }) };
    case 'herc':
      return { kind: 'herc', ...(spec.linkage === undefined ? {} : { linkage: spec.linkage }) };
    case 'min-cvar':
      return {
        kind: 'minCvar',
        scenarios: scenariosOf(data, spec.kind),
        confidence: spec.confidence,
        ...target(spec.targetReturnAnnual),
      };
    case 'min-cdar':
      return {
        kind: 'minCdar',
        scenarios: scenariosOf(data, spec.kind),
        confidence: spec.confidence,
        ...target(spec.targetReturnAnnual),
      };
    case 'min-semivariance':
      return {
        kind: 'minSemivariance',
        scenarios: scenariosOf(data, spec.kind),
        ...target(spec.targetReturnAnnual),
      };
  }
}
