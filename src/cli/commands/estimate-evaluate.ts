import type { Command } from 'commander';
import {
  estimateCovariance,
  describeCovarianceMethod,
  type CovarianceMethod,
} from '../../domain/estimate/estimate-covariance.ts';
import { evaluateCovarianceForecasts } from '../../domain/estimate/evaluation/covariance-evaluation.ts';
import { defaultVarianceForecasters } from '../../domain/estimate/evaluation/forecasters.ts';
import {
  evaluateVarianceForecasts,
  varianceEvaluationRows,
} from '../../domain/estimate/evaluation/variance-evaluation.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';
import { numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear, loadPanel, tableToMatrix } from '../estimate/panel.ts';

interface EvaluateOptions {
  returns?: string;
  symbols?: string;
  horizon?: string;
  minObservations?: string;
  format: Format;
}

const COVARIANCE_CANDIDATES: CovarianceMethod[] = [
  { method: 'sample' },
  { method: 'ewma', lambda: 0.94, minPeriods: 20 },
  { method: 'ewma', lambda: 0.97, minPeriods: 20 },
  { method: 'ledoitWolf', target: 'constantVariance' },
  { method: 'ledoitWolf', target: 'constantCorrelation' },
  { method: 'oas' },
];

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : '—');

/**
 * Registers `ballast estimate evaluate`: walk-forward evaluation (expanding window, origin step
 * = horizon) of variance forecasts per asset — sample (baseline), EWMA λ ∈ {0.94, 0.97, 0.99},
 * GARCH(1,1) — by QLIKE (primary) and MSE on h-period realised variance, the chosen model per
 * asset with its improvement over the baseline (also on a hold-out half), and covariance models
 * scored on equal-weight and random portfolios.
 */
export function registerEstimateEvaluate(estimate: Command, io: Io, runtime: Runtime): void {
  estimate
    .command('evaluate')
    .description(
      'Walk-forward forecast evaluation: model × loss table and the chosen model per asset',
    )
    .option('--returns <file>', 'returns CSV date,A,B,...')
    .option('--symbols <list>', 'symbols: daily total returns from stored/fetched prices')
    .option('--horizon <periods>', 'forecast horizon h (default 21)')
    .option(
      '--min-observations <n>',
      'first window length (default 252, or half the data if shorter)',
    )
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: EvaluateOptions, command: Command) => {
      const ctx = contextOf(command, runtime);
      try {
        const { table } = await loadPanel(options, ctx);
        const horizon =
          numberOption('horizon', options.horizon, (x) => Number.isInteger(x) && x >= 1) ?? 21;
        const minObservations =
          numberOption(
            'min-observations',
            options.minObservations,
            (x) => Number.isInteger(x) && x >= 2,
          ) ?? Math.min(252, Math.floor(table.dates.length / 2));
        const periodsPerYear = inferPeriodsPerYear(table.dates);
        const walkForward = {
          horizon,
          step: horizon,
          window: { kind: 'expanding' as const, minObservations },
        };
        const lambdas = periodsPerYear >= 252 ? [0.94, 0.97, 0.99] : [0.8, 0.9, 0.95];
        const report = evaluateVarianceForecasts(table, {
          walkForward,
          forecasters: defaultVarianceForecasters({ lambdas }),
        });
        const rows = varianceEvaluationRows(report);
        const covariance = evaluateCovarianceForecasts(tableToMatrix(table), {
          walkForward,
          forecasters: COVARIANCE_CANDIDATES.map((m) => ({
            id: describeCovarianceMethod(m),
            label: describeCovarianceMethod(m),
            forecast: (w) => estimateCovariance(w, m).covariance,
          })),
        });
        const covarianceRows = covariance.models.map((m) => ({
          ...m,
          chosen: m.id === covariance.selection.chosenId,
        }));
        if (options.format === 'json') {
          return io.out(
            JSON.stringify(
              {
                horizon,
                variance: {
                  rows,
                  chosen: report.assets.map((a) => ({ asset: a.asset, ...a.selection })),
                },
                covariance: {
                  rows: covarianceRows.map((m) => ({
                    id: m.id,
                    meanQlike: m.meanQlike,
                    meanMse: m.meanMse,
                    origins: m.count,
                    chosen: m.chosen,
                  })),
                  selection: covariance.selection,
                },
                warnings: report.warnings,
              },
              null,
              2,
            ),
          );
        }
        io.out(
          `Variance forecasts, horizon ${horizon} periods (QLIKE primary; relative = QLIKE / sample baseline)`,
        );
        io.out(
          renderTable(rows, [
            { title: 'Asset', value: (r) => r.asset },
            { title: 'Model', value: (r) => `${r.chosen ? '* ' : '  '}${r.label}` },
            { title: 'QLIKE', value: (r) => fmt(r.meanQlike), align: 'right' },
            { title: 'Relative', value: (r) => fmt(r.relativeQlike), align: 'right' },
            { title: 'MSE', value: (r) => r.meanMse.toExponential(3), align: 'right' },
            { title: 'Origins', value: (r) => String(r.origins), align: 'right' },
            { title: 'Failures', value: (r) => String(r.failures), align: 'right' },
          ]),
        );
        io.out('\nChosen per asset');
        for (const a of report.assets) {
          const hold = a.selection.holdOut
            ? `, hold-out ${(a.selection.holdOut.qlikeImprovement * 100).toFixed(1)}%`
            : '';
          io.out(
            `  ${a.asset}: ${a.selection.chosenLabel} (QLIKE improvement over sample ${(a.selection.qlikeImprovement * 100).toFixed(1)}%${hold})`,
          );
        }
        io.out(
          `\nCovariance models on portfolio variance (chosen: ${covariance.selection.chosenLabel})`,
        );
        io.out(
          renderTable(covarianceRows, [
            { title: 'Model', value: (m) => `${m.chosen ? '* ' : '  '}${m.label}` },
            { title: 'QLIKE', value: (m) => fmt(m.meanQlike), align: 'right' },
            { title: 'MSE', value: (m) => m.meanMse.toExponential(3), align: 'right' },
          ]),
        );
        for (const w of report.warnings) io.err(`warning: ${w}`);
      } finally {
        await ctx.close();
      }
    });
}
