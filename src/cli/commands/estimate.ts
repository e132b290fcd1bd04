import type { Command } from 'commander';
import { invalidInput, warningLines } from '../../app/errors.ts';
import { estimate, type EstimateDocument } from '../../app/estimate.ts';
import type { DistributionSummary } from '../../app/estimate-moments.ts';
import type { PanelSourceInput } from '../../app/returns-panel.ts';
import { withDeps, type Runtime } from '../context.ts';
import { chartFormatOf, writeCorrelationChart } from '../format/chart-file.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { estimationSpecOf, withModelOptions, type MethodOptions } from '../estimate/methods.ts';
import { registerEstimateEvaluate } from './estimate-evaluate.ts';
import { registerEstimateUniverse } from './estimate-universe.ts';
import { parseDateOption } from './options.ts';

/** The panel flags of `estimate` and `estimate evaluate`. */
export interface PanelOptions {
  returns?: string;
  symbols?: string;
  from?: string;
  to?: string;
  frequency?: string;
}

/** Options of `estimate`. */
export interface EstimateOptions extends MethodOptions, PanelOptions {
  riskPremium?: boolean;
  chart?: string;
  format: Format;
}

/** The panel source of `--returns FILE` or `--symbols A,B` (with `--from`, `--to`, `--frequency`). */
export function panelSourceOf(
  o: PanelOptions,
): Extract<PanelSourceInput, { kind: 'file' | 'symbols' }> {
  if (o.returns) return { kind: 'file', file: { path: o.returns } };
  if (!o.symbols)
    throw invalidInput('--returns', null, 'one of --returns or --symbols is required');
  return {
    kind: 'symbols',
    symbols: o.symbols
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    ...(o.from === undefined ? {} : { from: o.from }),
    ...(o.to === undefined ? {} : { to: o.to }),
    // zod validates the choice and names the field
    ...(o.frequency === undefined
      ? {}
      : { frequency: o.frequency as Extract<PanelSourceInput, { kind: 'symbols' }>['frequency'] }),
  };
}

type AssetRow = { asset: string; mu: number; volatility: number };

const assetRows = (s: DistributionSummary): AssetRow[] =>
  s.assets.map((asset) => ({ asset, mu: s.mu[asset]!, volatility: s.volatility[asset]! }));

/** CSV of the main table: one row per asset, annual decimals. */
export function distributionCsv(s: DistributionSummary): string {
  return renderCsv(assetRows(s), [
    { title: 'asset', value: (r) => r.asset },
    { title: 'expected_return_annual', value: (r) => String(r.mu) },
    { title: 'volatility_annual', value: (r) => String(r.volatility) },
  ]);
}

/** Table view of a distribution summary. */
export function distributionTable(s: DistributionSummary): string {
  return [
    `Window ${s.window.from}..${s.window.to} (${s.window.observations} periods, ${s.frequency.periodsPerYear}/year); mean: ${s.method.mean}; covariance: ${s.method.covariance}`,
    renderTable(assetRows(s), [
      { title: 'Asset', value: (r) => r.asset },
      { title: 'Expected return (annual)', value: (r) => fmtPercent(r.mu), align: 'right' },
      { title: 'Volatility (annual)', value: (r) => fmtPercent(r.volatility), align: 'right' },
    ]),
    '',
    'Correlation',
    renderTable(
      s.assets.map((a, i) => ({ a, row: s.correlation[i]! })),
      [
        { title: '', value: (r) => r.a },
        ...s.assets.map((b, j): Column<{ a: string; row: (number | null)[] }> => ({
          title: b,
          value: (r) => (r.row[j] === null ? '—' : r.row[j]!.toFixed(2)),
          align: 'right',
        })),
      ],
    ),
    ...(s.warnings.length ? ['', ...warningLines(s.warnings)] : []),
    `inputs hash ${s.inputsHash}`,
  ].join('\n');
}

function estimateTable(doc: EstimateDocument): string {
  const premium = doc.riskPremiumView;
  if (premium === undefined) return distributionTable(doc);
  return `${distributionTable(doc)}\n\nVolatility on total, excess-of-cash and real returns\n${renderTable(
    doc.assets,
    [
      { title: 'Asset', value: (a) => a },
      ...(['total', 'excess', 'real'] as const).map((k): Column<string> => ({
        title: k,
        value: (a) => fmtPercent(premium[k].volatility[a]!),
        align: 'right',
      })),
    ],
  )}`;
}

/** Adds the panel flags (`--returns` or `--symbols` with its window and frequency). */
function withPanelOptions(command: Command): Command {
  return command
    .option('--returns <file>', 'returns CSV date,A,B,... (decimals per period)')
    .option('--symbols <list>', 'comma-separated symbols: returns from stored/fetched prices')
    .option('--from <date>', 'with --symbols: first date (default: ten years ago)', (v) =>
      parseDateOption('--from', v),
    )
    .option('--to <date>', 'with --symbols: last date (default: today)', (v) =>
      parseDateOption('--to', v),
    )
    .option(
      '--frequency <f>',
      'with --symbols: daily | weekly | monthly | quarterly | annual (default daily)',
    );
}

/** Registers `ballast estimate` with `evaluate` and `universe`. */
export function registerEstimate(program: Command, io: Io, runtime: Runtime): void {
  const command = withModelOptions(
    withPanelOptions(
      program
        .command('estimate')
        .description('Expected returns and covariance (annual) with a reproducible inputs hash'),
    ),
  )
    .option(
      '--periods-per-year <n>',
      'periods per year of the returns (default: from --frequency, or inferred from the dates)',
    )
    .option(
      '--risk-premium',
      'with --symbols: also estimate on excess-of-cash and real returns, side by side',
    )
    .option('--chart <file>', 'also write the correlation heatmap as .svg or .png')
    .option(
      '--format <format>',
      'table | json | csv (json is a moments file for optimize; csv: one row per asset)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: EstimateOptions, command: Command) => {
      if (options.chart) chartFormatOf(options.chart);
      const doc = await withDeps(command, runtime, (deps) =>
        estimate(
          {
            panel: panelSourceOf(options),
            riskPremium: options.riskPremium === true,
            ...estimationSpecOf(options),
          },
          deps,
        ),
      );
      if (options.chart)
        await writeCorrelationChart(
          options.chart,
          { names: doc.assets, correlation: doc.correlation, title: 'Correlation' },
          io,
        );
      io.out(
        renderDocument(options.format, {
          json: doc,
          table: () => estimateTable(doc),
          csv: () => distributionCsv(doc),
        }),
      );
    });
  registerEstimateEvaluate(command, io, runtime);
  registerEstimateUniverse(command, io, runtime);
}
