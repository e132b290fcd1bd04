/**
 * Which constraint goes with which objective — the one table every face consults (the CLI
 * names its flags from it, `optimize` refuses what it says no to). A constraint an objective
 * cannot honour is INVALID_INPUT naming the input field, never silently ignored.
 *
 * | objectives                                                    | accept                                   | cardinality  |
 * |---------------------------------------------------------------|------------------------------------------|--------------|
 * | mean-variance (all eight)                                     | every linear constraint, fixed costs,    | heuristic    |
 * |                                                               | target volatility (with a cash line)     |              |
 * |   … minVariance, efficientReturn, utility, maxReturn,         | + the tracking-error limit               |              |
 * |     minTrackingError                                          |                                          |              |
 * | minCvar, meanCvar, minCdar, minMaxDrawdown, maxReturnDrawdown | every linear constraint, fixed costs     | exact MILP   |
 * | minSemivariance                                               | every linear constraint (no fixed costs) | heuristic    |
 * | riskParity, riskBudget, hrp, herc                             | per-asset weight bounds only             | —            |
 *
 * "Every linear constraint": weight bounds, long-short (gross/net), the cash line, groups,
 * economic exposures, turnover with proportional costs. The risk-budget and hierarchical
 * allocators are long-only and fully invested by construction; their weights are determined
 * by Σ, so bounds are imposed inside the bisection (HRP) or verified (risk budgets, HERC).
 */

import { invalidInput } from '../errors.ts';
import type { PortfolioConstraints } from './constraints.ts';
import { hasFixedCosts } from './model/fixed-cost-rows.ts';
import { OBJECTIVE_KINDS, type ObjectiveKind } from './objectives.ts';
import type { OptimizationProblem } from './problem.ts';
import type { CardinalityMethod } from './result.ts';

/** A kind of constraint (or problem option) an objective may or may not accept. */
export type ConstraintFeature =
  | 'longShort'
  | 'cashLine'
  | 'groups'
  | 'exposures'
  | 'turnover'
  | 'fixedCosts'
  | 'trackingError'
  | 'cardinality'
  | 'targetVolatility';

/** The input field of each feature, as error messages name it. */
export const FEATURE_FIELD: Readonly<Record<ConstraintFeature, string>> = {
  longShort: 'constraints.longShort',
  cashLine: 'constraints.budget',
  groups: 'constraints.groups',
  exposures: 'constraints.exposures',
  turnover: 'constraints.turnover',
  fixedCosts: 'constraints.turnover.fixedCost',
  trackingError: 'constraints.trackingError',
  cardinality: 'cardinality',
  targetVolatility: 'targetVolatilityAnnual',
};

/** What an objective accepts beyond per-asset weight bounds (which every objective takes). */
export interface Capability {
  readonly accepts: ReadonlySet<ConstraintFeature>;
  /** How cardinality limits are met; absent when they are not accepted. */
  readonly cardinality?: CardinalityMethod;
}

const LINEAR: readonly ConstraintFeature[] = [
  'longShort',
  'cashLine',
  'groups',
  'exposures',
  'turnover',
];
const meanVariance = (trackingError: boolean): Capability => ({
  accepts: new Set<ConstraintFeature>([
    ...LINEAR,
    'fixedCosts',
    'cardinality',
    'targetVolatility',
    ...(trackingError ? (['trackingError'] as const) : []),
  ]),
  cardinality: 'heuristic',
});
const linearScenario: Capability = {
  accepts: new Set<ConstraintFeature>([...LINEAR, 'fixedCosts', 'cardinality']),
  cardinality: 'exact-milp',
};
const boundsOnly: Capability = { accepts: new Set() };

/** The table of the module comment. */
export const CAPABILITIES: Readonly<Record<ObjectiveKind, Capability>> = {
  minVariance: meanVariance(true),
  maxSharpe: meanVariance(false),
  efficientReturn: meanVariance(true),
  efficientRisk: meanVariance(false),
  utility: meanVariance(true),
  maxReturn: meanVariance(true),
  maxDiversification: meanVariance(false),
  minTrackingError: meanVariance(true),
  minCvar: linearScenario,
  meanCvar: linearScenario,
  minCdar: linearScenario,
  minMaxDrawdown: linearScenario,
  maxReturnDrawdown: linearScenario,
  minSemivariance: {
    accepts: new Set<ConstraintFeature>([...LINEAR, 'cardinality']),
    cardinality: 'heuristic',
  },
  riskParity: boundsOnly,
  riskBudget: boundsOnly,
  hrp: boundsOnly,
  herc: boundsOnly,
};

/** Whether objective `kind` accepts `feature`. */
export function accepts(kind: ObjectiveKind, feature: ConstraintFeature): boolean {
  return CAPABILITIES[kind].accepts.has(feature);
}

/** The objectives that accept `feature`, in the order of `OBJECTIVE_KINDS`. */
export function objectivesAccepting(feature: ConstraintFeature): ObjectiveKind[] {
  return OBJECTIVE_KINDS.filter((kind) => accepts(kind, feature));
}

/** How objective `kind` meets cardinality limits (undefined: it does not accept them). */
export function cardinalityMethodOf(kind: ObjectiveKind): CardinalityMethod | undefined {
  return CAPABILITIES[kind].cardinality;
}

/**
 * Why `kind` refuses `feature` — one sentence naming the objectives that accept it (without
 * the field; see {@link FEATURE_FIELD}) — or undefined when it accepts it.
 */
export function refusal(kind: ObjectiveKind, feature: ConstraintFeature): string | undefined {
  if (accepts(kind, feature)) return undefined;
  const others = objectivesAccepting(feature);
  const only =
    CAPABILITIES[kind].accepts.size === 0
      ? `${kind} is long-only and fully invested and takes per-asset weight bounds only`
      : `${kind} does not support it`;
  return `${only}; it is supported with ${others.join(', ')}`;
}

/** The features a problem uses (weight bounds, always accepted, are not listed). */
export function featuresOf(problem: {
  readonly constraints?: PortfolioConstraints;
  readonly cardinality?: unknown;
  readonly targetVolatilityAnnual?: number;
}): ConstraintFeature[] {
  const c = problem.constraints ?? {};
  const used: [ConstraintFeature, boolean][] = [
    ['longShort', c.longShort !== undefined],
    ['cashLine', c.budget?.kind === 'cashLine'],
    ['groups', (c.groups?.length ?? 0) > 0],
    ['exposures', c.exposures !== undefined],
    ['turnover', c.turnover !== undefined],
    ['fixedCosts', hasFixedCosts(c.turnover)],
    ['trackingError', c.trackingError !== undefined],
    ['cardinality', problem.cardinality !== undefined],
    ['targetVolatility', problem.targetVolatilityAnnual !== undefined],
  ];
  return used.filter(([, on]) => on).map(([feature]) => feature);
}

/**
 * Throws INVALID_INPUT naming the field of the first feature of `problem` its objective does
 * not accept (module table); returns when the objective accepts them all.
 */
export function checkCapabilities(problem: OptimizationProblem): void {
  const kind = problem.objective.kind;
  for (const feature of featuresOf(problem)) {
    const why = refusal(kind, feature);
    if (why !== undefined) throw invalidInput(FEATURE_FIELD[feature], kind, why);
  }
}
