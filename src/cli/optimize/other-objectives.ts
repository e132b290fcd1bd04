import { loadHighs } from '../../core/solvers/highs.ts';
import { BallastError } from '../../domain/errors.ts';
import { optimizeCdar } from '../../domain/optimize/scenario/cdar.ts';
import type { RiskOptimizationResult } from '../../domain/optimize/scenario/outcome.ts';
import { optimizeCvar } from '../../domain/optimize/scenario/cvar.ts';
import { optimizeHerc } from '../../domain/optimize/hierarchical/herc.ts';
import { optimizeHrp } from '../../domain/optimize/hierarchical/hrp.ts';
import type { CardinalityLimits } from '../../domain/optimize/model/cardinality.ts';
import type { OptimizationInputs, PortfolioConstraints } from '../../domain/optimize/problem.ts';
import { optimizeRiskParity } from '../../domain/optimize/risk-budget/optimize.ts';
import { optimizeSemivariance } from '../../domain/optimize/scenario/semivariance.ts';
import type { AlignedTable } from '../../domain/series/align-common.ts';
import { numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear, tableToMatrix } from '../estimate/panel.ts';
import { constraintsFrom, type ObjectiveOptions } from './objectives.ts';

/** `--objective` values solved outside the mean-variance family. */
export const OTHER_OBJECTIVES = [
  'risk-parity',
  'hrp',
  'herc',
  'min-cvar',
  'min-cdar',
  'min-semivariance',
] as const;

/** Objectives that take only per-asset bounds (no groups, exposures, turnover, cardinality). */
export const BOUNDS_ONLY_OBJECTIVES: readonly string[] = ['risk-parity', 'hrp', 'herc'];

/** Objectives that accept `--max-assets` / `--min-position` (MILP or the documented heuristic). */
export const CARDINALITY_OBJECTIVES: readonly string[] = [
  'min-cvar',
  'min-cdar',
  'min-semivariance',
];

const LINKAGES = ['single', 'average', 'complete', 'ward'] as const;

function linkageOption(value: string | undefined): { linkage?: (typeof LINKAGES)[number] } {
  if (value === undefined) return {};
  if ((LINKAGES as readonly string[]).includes(value))
    return { linkage: value as (typeof LINKAGES)[number] };
  throw new BallastError(
    'INVALID_INPUT',
    `--linkage: expected one of ${LINKAGES.join(', ')} (got "${value}")`,
    { field: 'linkage', value },
  );
}

/** What {@link solveOther} needs: the panel (scenarios), the moments and the flags. */
export interface OtherObjectiveInput {
  readonly table: AlignedTable;
  readonly inputs: OptimizationInputs;
  /**
   * The constraints (default: `constraintsFrom(options)`, bounds and budget); risk parity, HRP
   * and HERC use only the weight bounds.
   */
  readonly constraints?: PortfolioConstraints;
  /** Max holdings / minimum position (CVaR, CDaR: exact MILP; semivariance: heuristic). */
  readonly cardinality?: CardinalityLimits | undefined;
  readonly options: ObjectiveOptions & {
    readonly confidence?: string | undefined;
    readonly periodsPerYear?: string | undefined;
    readonly linkage?: string | undefined;
  };
}

/**
 * Risk parity (equal risk budgets, Newton on the convex log-barrier form), HRP (single linkage
 * by default, as López de Prado) and HERC (ward by default, as skfolio) — `--linkage` overrides, min CVaR (Rockafellar-Uryasev LP on the historical scenarios, CVaR per period as a
 * positive loss), min CDaR (LP on cumulative uncompounded returns) and min semivariance (below
 * 0 per period) — with the same bound and budget flags as the mean-variance objectives.
 */
export async function solveOther(input: OtherObjectiveInput): Promise<RiskOptimizationResult> {
  const { table, inputs, options } = input;
  const constraints = input.constraints ?? constraintsFrom(options);
  const card = input.cardinality === undefined ? {} : { cardinality: input.cardinality };
  const bounds = {
    ...(constraints.minWeight === undefined ? {} : { minWeight: constraints.minWeight }),
    ...(constraints.maxWeight === undefined ? {} : { maxWeight: constraints.maxWeight }),
  };
  const linkage = linkageOption(options.linkage);
  const confidence = numberOption('confidence', options.confidence, (x) => x > 0 && x < 1) ?? 0.95;
  const targetReturnAnnual = numberOption('target-return', options.targetReturn);
  const target = targetReturnAnnual === undefined ? {} : { targetReturnAnnual };
  const scenarios = {
    scenarios: tableToMatrix(table),
    periodsPerYear:
      numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
      inferPeriodsPerYear(table.dates),
  };
  switch (options.objective) {
    case 'risk-parity':
      return optimizeRiskParity({ inputs, constraints: bounds });
    case 'hrp':
      return optimizeHrp({ inputs, constraints: bounds, ...linkage });
    case 'herc':
      return optimizeHerc({ inputs, constraints: bounds, ...linkage });
    case 'min-cvar':
      return optimizeCvar(await loadHighs(), {
        inputs,
        ...scenarios,
        constraints,
        ...card,
        objective: { kind: 'minCvar', confidence, ...target },
      });
    case 'min-cdar':
      return optimizeCdar(await loadHighs(), {
        inputs,
        ...scenarios,
        constraints,
        ...card,
        objective: { kind: 'minCdar', confidence, ...target },
      });
    case 'min-semivariance':
      return optimizeSemivariance(await loadHighs(), {
        inputs,
        ...scenarios,
        constraints,
        ...card,
        ...target,
      });
    default:
      throw new BallastError(
        'INVALID_INPUT',
        `--objective: unknown objective "${options.objective}"`,
        { field: 'objective', value: options.objective },
      );
  }
}
