import type { Command } from 'commander';
import { BallastError, toBallastError } from '../../domain/errors.ts';
import { optimizeAsync } from '../../domain/optimize/mean-variance/optimize.ts';
import type { RiskOptimizationResult } from '../../domain/optimize/scenario/outcome.ts';
import type { OptimizationResult } from '../../domain/optimize/result.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { withPanelAndConstraintOptions } from '../optimize/options.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { optimizationInputs, readPanel, type InputOptions } from '../optimize/inputs.ts';
import {
  meanVarianceObjective,
  MEAN_VARIANCE_OBJECTIVES,
  type ObjectiveOptions,
} from '../optimize/objectives.ts';
import {
  BOUNDS_ONLY_OBJECTIVES,
  CARDINALITY_OBJECTIVES,
  OTHER_OBJECTIVES,
  solveOther,
} from '../optimize/other-objectives.ts';
import {
  cardinalityFrom,
  extendedFlagsGiven,
  portfolioConstraints,
  type CardinalityFlags,
  type ConstraintFlags,
} from '../optimize/constraint-flags.ts';
import { exposuresOf, type ExposureMap } from '../optimize/exposure-flags.ts';

/** Either family of result. */
type AnyResult = OptimizationResult | RiskOptimizationResult;

/** Options of `ballast optimize`. */
export interface OptimizeCliOptions
  extends InputOptions, ObjectiveOptions, ConstraintFlags, CardinalityFlags {
  confidence?: string;
  linkage?: string;
  format: Format;
}

/** How cardinality limits were met, read from the solver path the domain reports. */
function cardinalityMethod(solver: string): 'exact-milp' | 'heuristic' | undefined {
  if (solver.includes('mip')) return 'exact-milp';
  if (solver.includes('cardinality-heuristic')) return 'heuristic';
  return undefined;
}

/**
 * The JSON document of the CLI contract, plus `exposures` (x = Eᵀw per exposure)
 * when fund definitions map the columns to economic exposures, and `diagnostics.cardinality`
 * (`exact-milp` | `heuristic`) when cardinality limits were imposed.
 */
export function resultJson(
  r: AnyResult,
  extra: { readonly exposures?: ExposureMap | undefined } = {},
): Record<string, unknown> {
  const card = cardinalityMethod(r.diagnostics.solver);
  return {
    status: r.status,
    objective: r.objective.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    objectiveValue: r.objectiveValue,
    weights: r.weights,
    cash: r.cash,
    ...(extra.exposures === undefined
      ? {}
      : { exposures: exposuresOf(extra.exposures, r.weightsVector) }),
    expectedReturnAnnual: r.expectedReturnAnnual,
    volatilityAnnual: r.volatilityAnnual,
    sharpe: Number.isFinite(r.sharpe) ? r.sharpe : null,
    riskContributions: r.riskContributions,
    ...('cvar' in r && r.cvar !== undefined ? { cvar: r.cvar } : {}),
    transactionCost: r.transactionCost,
    constraintsChecked: r.constraintsChecked,
    diagnostics: { ...r.diagnostics, ...(card === undefined ? {} : { cardinality: card }) },
  };
}

/** Human-readable result. */
export function resultTable(
  r: AnyResult,
  extra: { readonly exposures?: ExposureMap | undefined } = {},
): string {
  const cvar = 'cvar' in r ? r.cvar : undefined;
  const rows = Object.keys(r.weights).map((a) => ({
    a,
    w: r.weights[a]!,
    rc: r.riskContributions[a] ?? 0,
  }));
  const x =
    extra.exposures === undefined ? undefined : exposuresOf(extra.exposures, r.weightsVector);
  const card = cardinalityMethod(r.diagnostics.solver);
  return [
    `${r.objective}: expected return ${fmtPercent(r.expectedReturnAnnual)}, volatility ${fmtPercent(r.volatilityAnnual)}, Sharpe ${Number.isFinite(r.sharpe) ? r.sharpe.toFixed(4) : '—'}${cvar === undefined ? '' : `, CVaR ${fmtPercent(cvar)} per period`}${r.cash === 0 ? '' : `, cash ${fmtPercent(r.cash)}`}`,
    renderTable(rows, [
      { title: 'Asset', value: (x) => x.a },
      { title: 'Weight', value: (x) => fmtPercent(x.w), align: 'right' },
      { title: 'Risk share', value: (x) => fmtPercent(x.rc), align: 'right' },
    ]),
    ...(x === undefined
      ? []
      : [
          renderTable(Object.keys(x), [
            { title: 'Exposure', value: (k) => k },
            { title: 'x = Eᵀw', value: (k) => fmtPercent(x[k]!), align: 'right' },
          ]),
        ]),
    `constraints: ${r.constraintsChecked.filter((c) => c.ok).length}/${r.constraintsChecked.length} hold; solver ${r.diagnostics.solver}${card === undefined ? '' : ` (cardinality: ${card === 'heuristic' ? 'top-K heuristic, not guaranteed optimal' : 'exact MILP'})`}, ${r.diagnostics.iterations} iterations, ${r.diagnostics.solveMs.toFixed(1)} ms`,
  ].join('\n');
}

/** Rejects constraint flags the objective cannot honour (never silently ignored). */
function checkSupported(options: OptimizeCliOptions): void {
  const given = extendedFlagsGiven(options);
  const reject = (flag: string, why: string): never => {
    throw new BallastError(
      'INVALID_INPUT',
      `${flag} is not supported with --objective ${options.objective}: ${why}`,
      { field: flag.slice(2), value: options.objective },
    );
  };
  if (BOUNDS_ONLY_OBJECTIVES.includes(options.objective)) {
    const flag = given.find((f) => f !== '--funds');
    if (flag !== undefined) reject(flag, 'this objective takes per-asset bounds only');
  }
  const withCardinality = [...MEAN_VARIANCE_OBJECTIVES, ...CARDINALITY_OBJECTIVES];
  if (!withCardinality.includes(options.objective)) {
    const flag = given.find((f) => f === '--max-assets' || f === '--min-position');
    if (flag !== undefined)
      reject(flag, `cardinality limits are available for ${withCardinality.join(', ')}`);
  }
}

/** Registers `ballast optimize`. */
export function registerOptimize(program: Command, io: Io): void {
  withPanelAndConstraintOptions(
    program
      .command('optimize')
      .description(
        'Optimal weights for one objective under constraints (verified, never renormalised)',
      ),
  )
    .requiredOption(
      '--objective <objective>',
      [...MEAN_VARIANCE_OBJECTIVES, ...OTHER_OBJECTIVES].join(' | '),
    )
    .option('--target-return <annual>', 'efficient-return target, annual')
    .option('--target-volatility <annual>', 'efficient-risk target, annual')
    .option('--risk-aversion <gamma>', 'utility γ (default 1)')
    .option('--confidence <level>', 'CVaR/CDaR confidence (default 0.95)')
    .option('--linkage <method>', 'hrp/herc clustering: single | average | complete | ward')
    .option(
      '--max-assets <k>',
      'at most k holdings (min-cvar, min-cdar: MILP; quadratic objectives: top-k heuristic)',
    )
    .option('--min-position <x>', 'every holding ≥ x (same objectives as --max-assets)')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: OptimizeCliOptions) => {
      const table = readPanel(options);
      const { inputs } = optimizationInputs(table, options);
      let result: AnyResult;
      let exposures: ExposureMap | undefined;
      try {
        checkSupported(options);
        const built = await portfolioConstraints(inputs.assets, options);
        exposures = built.exposures;
        const cardinality = cardinalityFrom(options);
        result = (OTHER_OBJECTIVES as readonly string[]).includes(options.objective)
          ? await solveOther({
              table,
              inputs,
              options,
              constraints: built.constraints,
              cardinality,
            })
          : await optimizeAsync(inputs, {
              objective: meanVarianceObjective(options),
              constraints: built.constraints,
              ...(cardinality === undefined ? {} : { cardinality }),
            });
      } catch (e) {
        const error = toBallastError(e);
        if (options.format === 'json' && error instanceof BallastError)
          io.out(
            JSON.stringify(
              {
                status: error.code,
                objective: options.objective,
                message: error.message,
                details: error.details,
              },
              null,
              2,
            ),
          );
        throw error;
      }
      io.out(
        options.format === 'json'
          ? JSON.stringify(resultJson(result, { exposures }), null, 2)
          : resultTable(result, { exposures }),
      );
    });
}
