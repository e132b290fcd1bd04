import type { Command } from 'commander';
import { BallastError, toBallastError } from '../../domain/errors.ts';
import {
  FEATURE_FIELD,
  objectivesAccepting,
  refusal,
  type ConstraintFeature,
} from '../../domain/optimize/capabilities.ts';
import { isObjectiveKind } from '../../domain/optimize/objectives.ts';
import { optimizeAsync } from '../../domain/optimize/optimize.ts';
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
import { OTHER_OBJECTIVES, otherObjective } from '../optimize/other-objectives.ts';
import {
  cardinalityFrom,
  extendedFlagsGiven,
  portfolioConstraints,
  type CardinalityFlags,
  type ConstraintFlags,
} from '../optimize/constraint-flags.ts';
import { exposuresOf, type ExposureMap } from '../optimize/exposure-flags.ts';

/** Options of `ballast optimize`. */
export interface OptimizeCliOptions
  extends InputOptions, ObjectiveOptions, ConstraintFlags, CardinalityFlags {
  confidence?: string;
  linkage?: string;
  format: Format;
}

/**
 * The JSON document of the CLI contract, plus `exposures` (x = Eᵀw per exposure)
 * when fund definitions map the columns to economic exposures, and `diagnostics.cardinality`
 * (`exact-milp` | `heuristic`) when cardinality limits were imposed.
 */
export function resultJson(
  r: OptimizationResult,
  extra: { readonly exposures?: ExposureMap | undefined } = {},
): Record<string, unknown> {
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
    ...(r.riskMeasures.cvar === undefined ? {} : { cvar: r.riskMeasures.cvar }),
    transactionCost: r.transactionCost,
    constraintsChecked: r.constraintsChecked,
    diagnostics: r.diagnostics,
  };
}

/** Human-readable result. */
export function resultTable(
  r: OptimizationResult,
  extra: { readonly exposures?: ExposureMap | undefined } = {},
): string {
  const cvar = r.riskMeasures.cvar;
  const rows = Object.keys(r.weights).map((a) => ({
    a,
    w: r.weights[a]!,
    rc: r.riskContributions[a] ?? 0,
  }));
  const x =
    extra.exposures === undefined ? undefined : exposuresOf(extra.exposures, r.weightsVector);
  const card = r.diagnostics.cardinality;
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

/** The constraint feature each flag sets (flags that only report, like `--funds`, set none). */
const FLAG_FEATURES: Readonly<Record<string, ConstraintFeature>> = {
  '--long-short': 'longShort',
  '--borrow-spread': 'cashLine',
  '--exposure-bounds': 'exposures',
  '--category-bounds': 'exposures',
  '--max-gross-exposure': 'exposures',
  '--group': 'groups',
  '--groups': 'groups',
  '--current-weights': 'turnover',
  '--current': 'turnover',
  '--max-turnover': 'turnover',
  '--cost-bps': 'turnover',
  '--fixed-cost': 'fixedCosts',
  '--benchmark-weights': 'trackingError',
  '--tracking-error-limit': 'trackingError',
  '--max-assets': 'cardinality',
  '--min-position': 'cardinality',
};

const CLI_OBJECTIVES: readonly string[] = [...MEAN_VARIANCE_OBJECTIVES, ...OTHER_OBJECTIVES];
const kebab = (kind: string): string => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string): string =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Rejects constraint flags the objective cannot honour (never silently ignored), by the
 * domain's capability table, naming the flag.
 */
function checkSupported(options: OptimizeCliOptions): void {
  const kind = camel(options.objective);
  if (!isObjectiveKind(kind)) return;
  const given = [
    ...(options.longShort === true ? ['--long-short'] : []),
    ...(options.borrowSpread === undefined ? [] : ['--borrow-spread']),
    ...extendedFlagsGiven(options),
  ];
  for (const flag of given) {
    const feature = FLAG_FEATURES[flag];
    if (feature === undefined || refusal(kind, feature) === undefined) continue;
    const others = objectivesAccepting(feature)
      .map(kebab)
      .filter((o) => CLI_OBJECTIVES.includes(o));
    throw new BallastError(
      'INVALID_INPUT',
      `${flag} is not supported with --objective ${options.objective}: ${FEATURE_FIELD[feature]} is available with ${others.join(', ')}`,
      { field: flag.slice(2), value: options.objective },
    );
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
      let result: OptimizationResult;
      let exposures: ExposureMap | undefined;
      try {
        checkSupported(options);
        const built = await portfolioConstraints(inputs.assets, options);
        exposures = built.exposures;
        const cardinality = cardinalityFrom(options);
        const objective = (OTHER_OBJECTIVES as readonly string[]).includes(options.objective)
          ? otherObjective(table, options)
          : meanVarianceObjective(options);
        result = await optimizeAsync({
          inputs,
          objective,
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
