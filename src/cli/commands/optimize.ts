import type { Command } from 'commander';
import { BallastError, toBallastError } from '../../domain/errors';
import { optimizeAsync } from '../../domain/optimize/problem-optimize';
import type { RiskOptimizationResult } from '../../domain/optimize/cvar-result';
import type { OptimizationResult } from '../../domain/optimize/result';

/** Either family of result. */
type AnyResult = OptimizationResult | RiskOptimizationResult;
import { fmtPercent } from '../format/numbers';
import { renderTable } from '../format/table';
import { parseFormat, type Format, type Io } from '../io';
import { COVARIANCE_METHODS, MEAN_METHODS } from '../estimate/methods';
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
    objective: r.objective,
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
  program
    .command('optimize')
    .description(
      'Optimal weights for one objective under constraints (verified, never renormalised)',
    )
    .requiredOption('--returns <file>', 'returns CSV date,A,B,... (or prices with --prices)')
    .option('--prices', 'the file holds prices; returns are P_t/P_{t-1} − 1')
    .option('--periods-per-year <n>', 'periods per year (default: inferred from the dates)')
    .requiredOption(
      '--objective <objective>',
      [...MEAN_VARIANCE_OBJECTIVES, ...OTHER_OBJECTIVES].join(' | '),
    )
    .option('--rf <annual>', 'risk-free rate, annual decimal (default 0)')
    .option('--target-return <annual>', 'efficient-return target, annual')
    .option('--target-volatility <annual>', 'efficient-risk target, annual')
    .option('--risk-aversion <gamma>', 'utility γ (default 1)')
    .option('--confidence <level>', 'CVaR/CDaR confidence (default 0.95)')
    .option('--linkage <method>', 'hrp/herc clustering: single | average | complete | ward')
    .option('--min-weight <x>', 'lower bound per asset (negative allows shorts)')
    .option('--max-weight <x>', 'upper bound per asset')
    .option('--long-short', 'allow shorts (bounds −1..1 unless given)')
    .option('--gross-leverage <g>', 'with --long-short: Σ|w| ≤ g')
    .option('--borrow-spread <annual>', 'open a cash line: borrowing costs rf + spread')
    .option('--mean <method>', MEAN_METHODS.join(' | '), 'historical')
    .option(
      '--covariance <method>',
      COVARIANCE_METHODS.filter((m) => m !== 'garch').join(' | '),
      'sample',
    )
    .option('--lambda <x>', 'EWMA λ')
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
