import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import { simulateWithChart, type SimulateDocument } from '../../app/simulate.ts';
import { withDeps, type Runtime } from '../context.ts';
import { chartFormatOf, describeWrittenChart, writeChartFile } from '../format/chart-file.ts';
import { fmtMoney, fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable } from '../format/table.ts';
import { withFlagNames } from '../flag-errors.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberFlag } from './options.ts';

interface SimulateOptions {
  config: string;
  format: Format;
  chart?: string;
  threads?: string;
}

/** Year ends shown in the table: every year up to 10, else about ten evenly spaced, and the last. */
function shownYears(years: number): number[] {
  const step = years <= 10 ? 1 : Math.ceil(years / 10);
  const out: number[] = [];
  for (let y = 0; y < years; y += step) out.push(y);
  return [...out, years];
}

function methodLine(doc: SimulateDocument): string {
  const block =
    doc.method === 'block-bootstrap' ? ` (${doc.blockType} blocks of ${doc.blockLength})` : '';
  const df = doc.fit.df === undefined ? '' : `, ν = ${doc.fit.df.toFixed(2)} by ML`;
  const history = `${doc.history.rows} periods ${doc.history.from} .. ${doc.history.to}`;
  const ppy = `${doc.periodsPerYear} a year${doc.periodsPerYearInferred ? ' (inferred from the dates)' : ''}`;
  return `Monte Carlo: ${doc.method}${block}${df}; ${doc.paths} paths × ${doc.years} years (${doc.periods} periods, ${ppy}); history ${history}; seed ${doc.seed}`;
}

function withdrawalLine(doc: SimulateDocument): string {
  const w = doc.withdrawal;
  if (w === null) return 'No withdrawals.';
  const what = w.amount >= 0 ? 'Withdrawing' : 'Contributing';
  const grows = w.inflation ? `, growing ${fmtPercent(w.inflation)} a year` : '';
  return `${what} ${fmtMoney(Math.abs(w.amount))} ${w.every}${grows}, at the end of the period after its returns.`;
}

/** The human-readable report. */
export function simulateTable(doc: SimulateDocument): string {
  const p = doc.percentiles;
  const median =
    doc.depletion.medianYear === null ? '' : `, median year ${doc.depletion.medianYear}`;
  return [
    methodLine(doc),
    `Initial ${fmtMoney(doc.initial)}, weights ${Object.entries(doc.weights)
      .map(([k, v]) => `${k} ${fmtPercent(v)}`)
      .join(', ')}, rebalanced every period. ${withdrawalLine(doc)}`,
    renderTable(shownYears(doc.years), [
      { title: 'Year', value: (y) => String(y), align: 'right' },
      { title: 'p5', value: (y) => fmtMoney(p.p5[y]!), align: 'right' },
      { title: 'p25', value: (y) => fmtMoney(p.p25[y]!), align: 'right' },
      { title: 'Median', value: (y) => fmtMoney(p.p50[y]!), align: 'right' },
      { title: 'p75', value: (y) => fmtMoney(p.p75[y]!), align: 'right' },
      { title: 'p95', value: (y) => fmtMoney(p.p95[y]!), align: 'right' },
    ]),
    `Terminal value: mean ${fmtMoney(doc.terminal.mean)} (± ${fmtMoney(doc.terminal.standardError)} s.e.), median ${fmtMoney(doc.terminal.median)}, 5–95 % ${fmtMoney(doc.terminal.p5)} .. ${fmtMoney(doc.terminal.p95)}`,
    `Success (never depleted): ${fmtPercent(doc.successProbability)}; depleted ${fmtPercent(doc.depletion.probability)}${median}`,
    `Max drawdown of the return index: median ${fmtPercent(doc.maxDrawdown.p50)}, 95th percentile ${fmtPercent(doc.maxDrawdown.p95)}`,
    `Safe withdrawal rate sustained by 95 % of paths: ${fmtPercent(doc.safeWithdrawalRate.p95)} of the initial value a year (docs/simulate.md).`,
    ...(doc.warnings.length ? ['', ...warningLines(doc.warnings)] : []),
  ].join('\n');
}

/** One CSV row per year end (0 = the initial value): the value quantiles over paths. */
export function simulateCsv(doc: SimulateDocument): string {
  const p = doc.percentiles;
  return renderCsv(
    p.p50.map((_, y) => y),
    [
      { title: 'year', value: (y) => String(y) },
      { title: 'p5', value: (y) => String(p.p5[y]) },
      { title: 'p25', value: (y) => String(p.p25[y]) },
      { title: 'p50', value: (y) => String(p.p50[y]) },
      { title: 'p75', value: (y) => String(p.p75[y]) },
      { title: 'p95', value: (y) => String(p.p95[y]) },
    ],
  );
}

/** Registers `ballast simulate`. */
export function registerSimulate(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('simulate')
    .description(
      'Monte Carlo of a rebalanced portfolio with withdrawals: bootstrap, block bootstrap, normal, student-t or regime draws; value fan, depletion, safe withdrawal rate (docs/simulate.md)',
    )
    .requiredOption(
      '--config <file>',
      'simulate config YAML: returns, weights, method, paths, years, initial, withdrawal, seed',
    )
    .option('--chart <file>', 'also write the fan chart of the value by year as .svg or .png')
    .option('--threads <n>', 'worker threads (1: this thread; default: by the size of the run)')
    .option(
      '--format <format>',
      'table | json | csv (csv: the value quantiles at every year end)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: SimulateOptions, command: Command) => {
      if (options.chart !== undefined) chartFormatOf(options.chart);
      const threads = numberFlag(
        '--threads',
        options.threads,
        (x) => Number.isInteger(x) && x >= 1 && x <= 64,
      );
      const { document, chart } = await withDeps(command, runtime, (deps) =>
        withFlagNames({ config: '--config', threads: '--threads' }, () =>
          simulateWithChart(
            {
              config: { path: options.config },
              chart: options.chart !== undefined,
              ...(threads === undefined ? {} : { threads }),
            },
            deps,
          ),
        ),
      );
      if (options.format !== 'table')
        for (const line of warningLines(document.warnings)) io.err(line);
      io.out(
        renderDocument(options.format, {
          json: document,
          table: () => simulateTable(document),
          csv: () => simulateCsv(document),
        }),
      );
      if (options.chart !== undefined && chart)
        io.err(describeWrittenChart(await writeChartFile(options.chart, chart)));
    });
}
