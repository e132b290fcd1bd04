import { chartFormatOf, writeCorrelationChart } from '../format/chart-file.ts';
import type { Command } from 'commander';
import type { Matrix } from '../../core/linalg/matrix.ts';
import { annualizeCovariance } from '../../domain/estimate/annualize-covariance.ts';
import { createReturnDistribution } from '../../domain/estimate/distribution.ts';
import {
  summariseDistribution,
  type DistributionSummary,
} from '../../domain/estimate/distribution-summary.ts';
import {
  describeCovarianceMethod,
  estimateCovariance,
} from '../../domain/estimate/estimate-covariance.ts';
import { garchCovariance } from '../../domain/estimate/garch-covariance.ts';
import { estimateExpectedReturns } from '../../domain/estimate/mean-estimate.ts';
import type { AlignedTable } from '../../domain/series/align-common.ts';
import { isFrequency, type Frequency } from '../../domain/series/frequency.ts';
import { BallastError } from '../../domain/errors.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';
import {
  covarianceMethod,
  COVARIANCE_METHODS,
  meanMethod,
  MEAN_METHODS,
  numberOption,
  type MethodOptions,
} from '../estimate/methods.ts';
import { inferPeriodsPerYear, loadPanel, tableToMatrix } from '../estimate/panel.ts';
import { registerEstimateEvaluate } from './estimate-evaluate.ts';
import { registerEstimateUniverse } from './estimate-universe.ts';
import { parseDateOption } from './options.ts';

/** Options shared by `estimate` and its subcommands. */
export interface EstimateOptions extends MethodOptions {
  returns?: string;
  symbols?: string;
  from?: string;
  to?: string;
  frequency?: string;
  periodsPerYear?: string;
  horizon?: string;
  riskPremium?: boolean;
  format: Format;
}

/** Estimates a distribution (annual μ and Σ) for a panel with the chosen methods. */
export function estimateDistribution(
  table: AlignedTable,
  options: EstimateOptions & { warnings?: readonly string[] },
): DistributionSummary {
  const periodsPerYear =
    numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
    inferPeriodsPerYear(table.dates);
  const horizon =
    numberOption('horizon', options.horizon, (x) => Number.isInteger(x) && x >= 1) ?? 1;
  const x = tableToMatrix(table);
  const spec = covarianceMethod(options);
  let perPeriod: Matrix;
  let covarianceLabel: string;
  const warnings = [...(options.warnings ?? [])];
  if (spec.method === 'garch') {
    const g = garchCovariance(x, { horizon });
    perPeriod = g.covariance;
    covarianceLabel = `garch(1,1)+constant-correlation(horizon=${horizon})`;
    warnings.push(
      ...g.warnings.map((w) =>
        w.replace(/^asset (\d+)/, (_, i: string) => table.ids[Number(i)] ?? w),
      ),
    );
  } else {
    const c = estimateCovariance(x, spec);
    perPeriod = c.covariance;
    covarianceLabel = describeCovarianceMethod(spec);
    warnings.push(...c.warnings);
  }
  const covarianceAnnual = annualizeCovariance(perPeriod, periodsPerYear);
  const mean = estimateExpectedReturns(table, {
    ...meanMethod(options, { assets: table.ids, covarianceAnnual }),
    periodsPerYear,
  });
  const distribution = createReturnDistribution({
    returns: table,
    muAnnual: mean.muAnnual,
    covarianceAnnual,
    method: {
      mean: mean.method,
      covariance: covarianceLabel,
      parameters: { ...mean.parameters, horizon, periodsPerYear },
    },
    periodsPerYear,
    warnings: [...warnings, ...mean.warnings],
  });
  return summariseDistribution(distribution);
}

/** Table view of a distribution summary. */
export function distributionTable(s: DistributionSummary): string {
  const rows = s.assets.map((a) => ({ a, mu: s.mu[a]!, vol: s.volatility[a]! }));
  return [
    `Window ${s.window.from}..${s.window.to} (${s.window.observations} periods, ${s.frequency.periodsPerYear}/year); mean: ${s.method.mean}; covariance: ${s.method.covariance}`,
    renderTable(rows, [
      { title: 'Asset', value: (r) => r.a },
      { title: 'Expected return (annual)', value: (r) => fmtPercent(r.mu), align: 'right' },
      { title: 'Volatility (annual)', value: (r) => fmtPercent(r.vol), align: 'right' },
    ]),
    '',
    'Correlation',
    renderTable(
      s.assets.map((a, i) => ({ a, row: s.correlation[i]! })),
      [
        { title: '', value: (r) => r.a },
        ...s.assets.map((b, j) => ({
          title: b,
          value: (r: { row: (number | null)[] }) =>
            r.row[j] === null ? '—' : r.row[j]!.toFixed(2),
          align: 'right' as const,
        })),
      ],
    ),
    ...(s.warnings.length ? ['', ...s.warnings.map((w) => `warning: ${w}`)] : []),
    `inputs hash ${s.inputsHash}`,
  ].join('\n');
}

function frequencyOf(value: string | undefined): Frequency | undefined {
  if (value === undefined) return undefined;
  if (!isFrequency(value))
    throw new BallastError('INVALID_INPUT', `--frequency: unknown frequency "${value}"`, {
      field: 'frequency',
      value,
    });
  return value;
}

/** Adds the panel and method options to a command. */
export function withEstimateOptions(command: Command): Command {
  return command
    .option('--returns <file>', 'returns CSV date,A,B,... (decimals per period)')
    .option('--symbols <list>', 'comma-separated symbols: returns from stored/fetched prices')
    .option('--from <date>', 'with --symbols: first date', (v) => parseDateOption('--from', v))
    .option('--to <date>', 'with --symbols: last date', (v) => parseDateOption('--to', v))
    .option(
      '--frequency <f>',
      'with --symbols: daily | weekly | monthly | quarterly | annual (default daily)',
    )
    .option(
      '--periods-per-year <n>',
      'periods per year of the returns (default: inferred from the dates)',
    )
    .option('--mean <method>', MEAN_METHODS.join(' | '), 'historical')
    .option('--covariance <method>', COVARIANCE_METHODS.join(' | '), 'sample')
    .option('--lambda <x>', 'EWMA decay λ (default 0.94)')
    .option('--span <n>', 'EWMA mean span in periods (default 500)')
    .option('--horizon <periods>', 'forecast horizon in periods for GARCH variances (default 1)')
    .option(
      '--rf <annual>',
      'risk-free rate, annual decimal (CAPM, Black-Litterman prior; default 0)',
    )
    .option('--risk-aversion <delta>', 'Black-Litterman δ (default 2.5)')
    .option('--market-weights <list>', 'Black-Litterman prior weights A=0.6,B=0.4 (default equal)')
    .option(
      '--view <spec>',
      'Black-Litterman view A=0.08 or A>B:0.02 (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--tau <x>', 'Black-Litterman τ (default 0.05)')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format);
}

/** Registers `ballast estimate` with `evaluate` and `universe`. */
export function registerEstimate(program: Command, io: Io, runtime: Runtime): void {
  const estimate = withEstimateOptions(
    program
      .command('estimate')
      .description('Expected returns and covariance (annual) with a reproducible inputs hash'),
  )
    .option(
      '--risk-premium',
      'with --symbols: also estimate on excess-of-cash and real returns, side by side',
    )
    .option('--chart <file>', 'also write the correlation heatmap as .svg or .png')
    .action(async (options: EstimateOptions & { chart?: string }, command: Command) => {
      if (options.chart) chartFormatOf(options.chart);
      const ctx = contextOf(command, runtime);
      try {
        const source = { ...options, frequency: frequencyOf(options.frequency) };
        const { table, warnings } = await loadPanel(source, ctx);
        const summary = estimateDistribution(table, { ...options, warnings });
        let premium:
          | Record<string, { volatility: Record<string, number>; correlation: (number | null)[][] }>
          | undefined;
        if (options.riskPremium) {
          if (!options.symbols)
            throw new BallastError(
              'INVALID_INPUT',
              '--risk-premium needs --symbols (cash and CPI come from the store/FRED)',
              { field: 'risk-premium' },
            );
          premium = {};
          for (const kind of ['total', 'excess', 'real'] as const) {
            const panel = await loadPanel({ ...source, kind }, ctx);
            const s = estimateDistribution(panel.table, { ...options, mean: 'historical' });
            premium[kind] = { volatility: s.volatility, correlation: s.correlation };
          }
        }
        if (options.chart)
          await writeCorrelationChart(
            options.chart,
            { names: summary.assets, correlation: summary.correlation, title: 'Correlation' },
            io,
          );
        if (options.format === 'json')
          return io.out(
            JSON.stringify(
              { ...summary, ...(premium ? { riskPremiumView: premium } : {}) },
              null,
              2,
            ),
          );
        io.out(distributionTable(summary));
        if (premium) {
          const p = premium;
          io.out(
            `\nVolatility on total, excess-of-cash and real returns\n${renderTable(summary.assets, [
              { title: 'Asset', value: (a) => a },
              ...(['total', 'excess', 'real'] as const).map((k) => ({
                title: k,
                value: (a: string) => fmtPercent(p[k]!.volatility[a]!),
                align: 'right' as const,
              })),
            ])}`,
          );
        }
      } finally {
        await ctx.close();
      }
    });
  registerEstimateEvaluate(estimate, io, runtime);
  registerEstimateUniverse(estimate, io, runtime);
}
