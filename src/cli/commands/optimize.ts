import type { Command } from 'commander';
import { BallastError, toBallastError } from '../../domain/errors';
import { optimizeAsync } from '../../domain/optimize/problem-optimize';
import type { RiskOptimizationResult } from '../../domain/optimize/cvar-result';
import type { OptimizationResult } from '../../domain/optimize/result';

/** Either family of result. */
type AnyResult = OptimizationResult | RiskOptimizationResult;
import { fmtPercent } from '../format/numbers';
import { renderTable } from '../format/table';
import { withPanelAndConstraintOptions } from '../optimize/options';
import { parseFormat, type Format, type Io } from '../io';
import { optimizationInputs, readPanel, type InputOptions } from '../optimize/inputs';
import {
  constraintsFrom,
  meanVarianceObjective,
  MEAN_VARIANCE_OBJECTIVES,
  type ObjectiveOptions,
} from '../optimize/objectives';
import { OTHER_OBJECTIVES, solveOther } from '../optimize/other-objectives';

/** Options of `ballast optimize`. */
export interface OptimizeCliOptions extends InputOptions, ObjectiveOptions {
  confidence?: string;
  format: Format;
}

/** The JSON document of the CLI contract (issue 6). */
export function resultJson(r: AnyResult): Record<string, unknown> {
  return {
    status: r.status,
    objective: r.objective.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    objectiveValue: r.objectiveValue,
    weights: r.weights,
    cash: r.cash,
    expectedReturnAnnual: r.expectedReturnAnnual,
    volatilityAnnual: r.volatilityAnnual,
    sharpe: Number.isFinite(r.sharpe) ? r.sharpe : null,
    riskContributions: r.riskContributions,
    ...('cvar' in r && r.cvar !== undefined ? { cvar: r.cvar } : {}),
    transactionCost: r.transactionCost,
    constraintsChecked: r.constraintsChecked,
    diagnostics: r.diagnostics,
  };
}

/** Human-readable result. */
export function resultTable(r: AnyResult): string {
  const cvar = 'cvar' in r ? r.cvar : undefined;
  const rows = Object.keys(r.weights).map((a) => ({
    a,
    w: r.weights[a]!,
    rc: r.riskContributions[a] ?? 0,
  }));
  return [
    `${r.objective}: expected return ${fmtPercent(r.expectedReturnAnnual)}, volatility ${fmtPercent(r.volatilityAnnual)}, Sharpe ${Number.isFinite(r.sharpe) ? r.sharpe.toFixed(4) : '—'}${cvar === undefined ? '' : `, CVaR ${fmtPercent(cvar)} per period`}${r.cash === 0 ? '' : `, cash ${fmtPercent(r.cash)}`}`,
    renderTable(rows, [
      { title: 'Asset', value: (x) => x.a },
      { title: 'Weight', value: (x) => fmtPercent(x.w), align: 'right' },
      { title: 'Risk share', value: (x) => fmtPercent(x.rc), align: 'right' },
    ]),
    `constraints: ${r.constraintsChecked.filter((c) => c.ok).length}/${r.constraintsChecked.length} hold; solver ${r.diagnostics.solver}, ${r.diagnostics.iterations} iterations, ${r.diagnostics.solveMs.toFixed(1)} ms`,
  ].join('\n');
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
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: OptimizeCliOptions) => {
      const table = readPanel(options);
      const { inputs } = optimizationInputs(table, options);
      let result: AnyResult;
      try {
        result = (OTHER_OBJECTIVES as readonly string[]).includes(options.objective)
          ? await solveOther({ table, inputs, options })
          : await optimizeAsync(inputs, {
              objective: meanVarianceObjective(options),
              constraints: constraintsFrom(options),
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
          ? JSON.stringify(resultJson(result), null, 2)
          : resultTable(result),
      );
    });
}
