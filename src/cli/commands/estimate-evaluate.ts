import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import {
  estimateEvaluate,
  windowLine,
  type EstimateEvaluateDocument,
  type VarianceEvaluationRow,
} from '../../app/estimate-evaluate.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberOption } from '../estimate/methods.ts';
import { panelSourceOf, type PanelOptions } from './estimate.ts';

interface EvaluateOptions extends PanelOptions {
  horizon?: string;
  minObservations?: string;
  format: Format;
}

const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : '—');

const csvColumns: Column<VarianceEvaluationRow>[] = [
  { title: 'asset', value: (r) => r.asset },
  { title: 'model', value: (r) => r.modelId },
  { title: 'mean_qlike', value: (r) => String(r.meanQlike) },
  { title: 'relative_qlike', value: (r) => String(r.relativeQlike) },
  { title: 'mean_mse', value: (r) => String(r.meanMse) },
  { title: 'origins', value: (r) => String(r.origins) },
  { title: 'failures', value: (r) => String(r.failures) },
  { title: 'chosen', value: (r) => String(r.chosen) },
];

function evaluationTable(doc: EstimateEvaluateDocument): string {
  const out = [
    `${windowLine(doc.window)}, ${doc.periodsPerYear}/year`,
    `Variance forecasts, horizon ${doc.horizon} periods (QLIKE primary; relative = QLIKE / sample baseline)`,
    renderTable(doc.variance.rows, [
      { title: 'Asset', value: (r) => r.asset },
      { title: 'Model', value: (r) => `${r.chosen ? '* ' : '  '}${r.label}` },
      { title: 'QLIKE', value: (r) => fmt(r.meanQlike), align: 'right' },
      { title: 'Relative', value: (r) => fmt(r.relativeQlike), align: 'right' },
      { title: 'MSE', value: (r) => r.meanMse.toExponential(3), align: 'right' },
      { title: 'Origins', value: (r) => String(r.origins), align: 'right' },
      { title: 'Failures', value: (r) => String(r.failures), align: 'right' },
    ]),
    '\nChosen per asset',
    ...doc.variance.chosen.map((a) => {
      const hold = a.holdOut ? `, hold-out ${(a.holdOut.qlikeImprovement * 100).toFixed(1)}%` : '';
      return `  ${a.asset}: ${a.chosenLabel} (QLIKE improvement over sample ${(a.qlikeImprovement * 100).toFixed(1)}%${hold})`;
    }),
    `\nCovariance models on portfolio variance (chosen: ${doc.covariance.selection.chosenLabel})`,
    renderTable(doc.covariance.rows, [
      { title: 'Model', value: (m) => `${m.chosen ? '* ' : '  '}${m.id}` },
      { title: 'QLIKE', value: (m) => fmt(m.meanQlike), align: 'right' },
      { title: 'MSE', value: (m) => m.meanMse.toExponential(3), align: 'right' },
    ]),
    ...warningLines(doc.warnings),
  ];
  return out.join('\n');
}

/**
 * Registers `ballast estimate evaluate`: walk-forward evaluation (expanding window, origin step
 * = horizon) of variance forecasts per asset and of covariance models on portfolios (see the
 * `estimateEvaluate` use case).
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
    .option(
      '--format <format>',
      'table | json | csv (csv: the model × loss table per asset)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: EvaluateOptions, command: Command) => {
      const horizon = numberOption('horizon', options.horizon);
      const minObservations = numberOption('min-observations', options.minObservations);
      const doc = await withDeps(command, runtime, (deps) =>
        estimateEvaluate(
          {
            panel: panelSourceOf(options),
            ...(horizon === undefined ? {} : { horizon }),
            ...(minObservations === undefined ? {} : { minObservations }),
          },
          deps,
        ),
      );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => evaluationTable(doc),
          csv: () => renderCsv(doc.variance.rows, csvColumns),
        }),
      );
    });
}
