/**
 * `--objective` and its parameter flags as the app's objective input: `--target-return`
 * (efficient-return; a floor for the scenario objectives), `--target-volatility`
 * (efficient-risk), `--risk-aversion` (utility γ, default 1), `--confidence` (CVaR / CDaR,
 * default 0.95), `--linkage` (HRP / HERC) and `--risk-budgets A=0.5,B=0.3,C=0.2`
 * (risk-budget). A parameter an objective requires is refused naming both flags when missing.
 */

import { BallastError, invalidInput } from '../../app/errors.ts';
import { OBJECTIVE_NAMES, type ObjectiveInput } from '../../app/optimize-input.ts';
import type { FlagNames } from '../flag-errors.ts';
import { numberOption } from '../estimate/methods.ts';
import { parseWeightList } from './flag-lists.ts';

/** The objective flags (commander camelCase). */
export interface ObjectiveFlags {
  readonly objective: string;
  readonly targetReturn?: string | undefined;
  readonly targetVolatility?: string | undefined;
  readonly riskAversion?: string | undefined;
  readonly confidence?: string | undefined;
  readonly linkage?: string | undefined;
  readonly riskBudgets?: string | undefined;
}

const LINKAGES = ['single', 'average', 'complete', 'ward'] as const;

function required(name: string, value: string | undefined, objective: string): number {
  const x = numberOption(name, value);
  if (x === undefined)
    throw new BallastError('INVALID_INPUT', `--${name} is required with --objective ${objective}`, {
      field: name,
    });
  return x;
}

function linkageOf(value: string | undefined): { linkage?: (typeof LINKAGES)[number] } {
  if (value === undefined) return {};
  const found = LINKAGES.find((l) => l === value);
  if (found !== undefined) return { linkage: found };
  throw invalidInput('--linkage', value, `expected one of ${LINKAGES.join(', ')}`);
}

/** The objective input of the flags (module comment). */
export function objectiveInput(o: ObjectiveFlags): ObjectiveInput {
  const target = () => {
    const t = numberOption('target-return', o.targetReturn);
    return t === undefined ? {} : { targetReturnAnnual: t };
  };
  const confidence = () => numberOption('confidence', o.confidence, (x) => x > 0 && x < 1) ?? 0.95;
  switch (o.objective) {
    case 'min-variance':
    case 'max-sharpe':
    case 'max-return':
    case 'max-diversification':
    case 'risk-parity':
      return { kind: o.objective };
    case 'efficient-return':
      return {
        kind: o.objective,
        targetReturnAnnual: required('target-return', o.targetReturn, o.objective),
      };
    case 'efficient-risk':
      return {
        kind: o.objective,
        targetVolatilityAnnual: required('target-volatility', o.targetVolatility, o.objective),
      };
    case 'utility':
      return {
        kind: o.objective,
        riskAversion: numberOption('risk-aversion', o.riskAversion, (x) => x > 0) ?? 1,
      };
    case 'risk-budget':
      if (o.riskBudgets === undefined)
        throw new BallastError(
          'INVALID_INPUT',
          '--risk-budgets is required with --objective risk-budget (A=0.5,B=0.3,C=0.2)',
          { field: 'risk-budgets' },
        );
      return { kind: o.objective, budgets: parseWeightList('risk-budgets', o.riskBudgets) };
    case 'hrp':
    case 'herc':
      return { kind: o.objective, ...linkageOf(o.linkage) };
    case 'min-cvar':
    case 'min-cdar':
      return { kind: o.objective, confidence: confidence(), ...target() };
    case 'min-semivariance':
      return { kind: o.objective, ...target() };
    default:
      throw new BallastError(
        'INVALID_INPUT',
        `--objective: unknown objective "${o.objective}" (expected one of ${OBJECTIVE_NAMES.join(', ')})`,
        { field: 'objective', value: o.objective },
      );
  }
}

/** Objective fields → flags, for {@link withFlagNames}. */
export const OBJECTIVE_FLAGS: FlagNames = {
  'objective.targetReturnAnnual': '--target-return',
  'objective.targetVolatilityAnnual': '--target-volatility',
  'objective.riskAversion': '--risk-aversion',
  'objective.confidence': '--confidence',
  'objective.linkage': '--linkage',
  'objective.budgets': '--risk-budgets',
  budgets: '--risk-budgets',
  'objective.kind': '--objective',
};
