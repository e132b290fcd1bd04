import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';
import {
  OBJECTIVE_NAMES,
  optimize,
  optimizeFailureDocument,
  type OptimizeInput,
} from '../../app/optimize.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { optimizeCsv, optimizeTable } from '../format/optimize.ts';
import { renderDocument } from '../format/output.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { checkSupported } from '../optimize/capability-flags.ts';
import {
  cardinalityInput,
  constraintsInput,
  CONSTRAINT_FLAGS,
  type CardinalityFlags,
  type ConstraintFlags,
} from '../optimize/constraint-flags.ts';
import { momentsData, MOMENTS_FLAGS, type MomentsFlags } from '../optimize/moments-flags.ts';
import {
  objectiveInput,
  OBJECTIVE_FLAGS,
  type ObjectiveFlags,
} from '../optimize/objective-flags.ts';
import { withConstraintOptions, withMomentsOptions } from '../optimize/options.ts';

/** Options of `ballast optimize`. */
interface OptimizeCliOptions
  extends MomentsFlags, ObjectiveFlags, ConstraintFlags, CardinalityFlags {
  readonly objective: string;
  readonly riskAversion?: string | undefined;
  readonly format: Format;
}

/** The use-case input of the flags (flag errors name the flags). */
function optimizeInput(options: OptimizeCliOptions, command: Command): OptimizeInput {
  checkSupported(options.objective, options);
  const cardinality = cardinalityInput(options);
  return {
    ...momentsData(options, command),
    objective: objectiveInput(options),
    constraints: constraintsInput(options),
    ...(cardinality === undefined ? {} : { cardinality }),
  };
}

/** Registers `ballast optimize`. */
export function registerOptimize(program: Command, io: Io, runtime: Runtime): void {
  withConstraintOptions(
    withMomentsOptions(
      program
        .command('optimize')
        .description(
          'Optimal weights for one objective under constraints (verified, never renormalised)',
        ),
      { ownRiskAversion: true },
    ),
  )
    .requiredOption('--objective <objective>', OBJECTIVE_NAMES.join(' | '))
    .option(
      '--target-return <annual>',
      'efficient-return target (a floor for min-cvar/cdar/semivariance), annual',
    )
    .option('--target-volatility <annual>', 'efficient-risk target, annual')
    .option(
      '--risk-aversion <gamma>',
      'utility γ (default 1); with --mean black-litterman also the prior δ (default 2.5)',
    )
    .option(
      '--risk-budgets <list>',
      "risk-budget: each asset's share of the risk, A=0.5,B=0.3,C=0.2 (sum 1)",
    )
    .option('--confidence <level>', 'CVaR/CDaR confidence (default 0.95)')
    .option('--linkage <method>', 'hrp/herc clustering: single | average | complete | ward')
    .option(
      '--max-assets <k>',
      'at most k holdings (min-cvar, min-cdar: MILP; quadratic objectives: top-k heuristic)',
    )
    .option('--min-position <x>', 'every holding ≥ x (same objectives as --max-assets)')
    .option(
      '--format <format>',
      'table | json | csv (csv: asset,weight,risk_contribution)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: OptimizeCliOptions, command: Command) => {
      let doc;
      try {
        const input = optimizeInput(options, command);
        doc = await withDeps(command, runtime, (deps) =>
          withFlagNames({ ...MOMENTS_FLAGS, ...OBJECTIVE_FLAGS, ...CONSTRAINT_FLAGS }, () =>
            optimize(input, deps),
          ),
        );
      } catch (e) {
        if (options.format === 'json' && e instanceof BallastError)
          io.out(JSON.stringify(optimizeFailureDocument(e, options.objective), null, 2));
        throw e;
      }
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => optimizeTable(doc),
          csv: () => optimizeCsv(doc),
        }),
      );
    });
}
