/**
 * `ballast backtest --config F --sweep PATH=v1,v2,… [--sweep …] [--sort-by METRIC] [--top N]
 * [--threads N] [--full]`: the grid of variants of `backtestSweep` (docs/backtest.md, "Sweeps"),
 * printed as one table of variants sorted best first, as JSON, or as CSV (one row per variant).
 */

import type { Command } from 'commander';
import { warningLines } from '../../app/errors.ts';
import {
  backtestSweep,
  SWEEP_METRIC_NAMES,
  SWEEP_METRICS,
  type BacktestSweepDocument,
  type BacktestSweepInput,
  type BacktestSweepVariant,
} from '../../app/backtest-sweep.ts';
import { BallastError } from '../../app/errors.ts';
import { withDeps, type Runtime } from '../context.ts';
import { fmtMoney, fmtPercent } from '../format/numbers.ts';
import { renderDocument } from '../format/output.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { withFlagNames } from '../flag-errors.ts';
import type { Format, Io } from '../io.ts';
import { choiceFlag } from './options.ts';
import { integerFlag } from '../stop-signal.ts';

/** The sweep's flags of `ballast backtest`. */
export interface SweepFlags {
  readonly config: string;
  readonly format: Format;
  readonly chart?: string;
  readonly sweep?: string[];
  readonly sortBy?: string;
  readonly top?: string;
  readonly threads?: string;
  readonly full?: boolean;
}

/** Registers the sweep's flags on `ballast backtest`. */
export function withSweepOptions(command: Command): Command {
  return command
    .option(
      '--sweep <path=values>',
      'vary a config field over a grid: PATH=v1,v2,… or PATH=FROM:TO:STEP (repeatable; PATH into every strategy, strategies[i].PATH or strategies[NAME].PATH, or cash.rate, cash.borrowSpread, initial)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--sort-by <metric>',
      `with --sweep: sort the variants best first by ${SWEEP_METRIC_NAMES.join(' | ')} (default sharpe)`,
    )
    .option('--top <n>', 'with --sweep: show only the best N variants')
    .option('--threads <n>', 'with --sweep: worker threads (default: by the work, one per core)')
    .option('--full', 'with --sweep --format json: every variant’s values, trades and drawdowns');
}

/** Flags that mean something only with `--sweep`. */
const SWEEP_ONLY = [
  ['sortBy', '--sort-by'],
  ['top', '--top'],
  ['threads', '--threads'],
  ['full', '--full'],
] as const;

/** Refuses a sweep-only flag without `--sweep`. */
export function checkNoSweepFlags(options: SweepFlags): void {
  for (const [key, flag] of SWEEP_ONLY)
    if (options[key] !== undefined)
      throw new BallastError('INVALID_INPUT', `${flag}: only with --sweep`, {
        field: flag.slice(2),
        value: options[key],
      });
}

/** The use-case input of the flags (flag errors name the flags). */
function sweepInput(options: SweepFlags): BacktestSweepInput {
  if (options.chart !== undefined)
    throw new BallastError('INVALID_INPUT', '--chart: not with --sweep (no chart of a sweep)', {
      field: 'chart',
      value: options.chart,
    });
  if (options.full === true && options.format !== 'json')
    throw new BallastError('INVALID_INPUT', `--full: only with --format json`, {
      field: 'full',
      value: options.format,
    });
  const sortBy =
    options.sortBy === undefined
      ? undefined
      : choiceFlag('--sort-by', options.sortBy, SWEEP_METRIC_NAMES);
  const top = options.top === undefined ? undefined : integerFlag('--top', 1, 1e9)(options.top);
  const threads =
    options.threads === undefined ? undefined : integerFlag('--threads', 1, 64)(options.threads);
  return {
    config: { path: options.config },
    sweep: options.sweep ?? [],
    ...(sortBy === undefined ? {} : { sortBy }),
    ...(top === undefined ? {} : { top }),
    ...(threads === undefined ? {} : { threads }),
    full: options.full === true,
  };
}

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : fmtPercent(x);
const num = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : x.toFixed(2);

type Row = Omit<BacktestSweepVariant, 'strategy' | 'params'> & { rank?: number };

const COLUMNS: Column<Row>[] = [
  { title: '#', value: (r) => (r.rank === undefined ? '' : String(r.rank)), align: 'right' },
  { title: 'Variant', value: (r) => r.name },
  { title: 'Final value', value: (r) => fmtMoney(r.finalValue), align: 'right' },
  { title: 'TWR', value: (r) => pct(r.twr), align: 'right' },
  { title: 'MWR', value: (r) => pct(r.mwr), align: 'right' },
  { title: 'CAGR', value: (r) => pct(r.twrAnnualized), align: 'right' },
  { title: 'Vol', value: (r) => pct(r.metrics?.annualizedVolatility), align: 'right' },
  { title: 'Max DD', value: (r) => pct(r.metrics ? -r.metrics.maxDrawdown : null), align: 'right' },
  { title: 'Sharpe', value: (r) => num(r.metrics?.sharpe), align: 'right' },
  { title: 'Sortino', value: (r) => num(r.metrics?.sortino), align: 'right' },
  { title: 'Costs', value: (r) => fmtMoney(r.costs), align: 'right' },
  { title: 'Rebalances', value: (r) => String(r.rebalanceCount), align: 'right' },
];

/** The human-readable report: the grid, the variants best first, the benchmark, warnings. */
export function sweepTable(doc: BacktestSweepDocument): string {
  const { window: w } = doc;
  const metric = SWEEP_METRICS[doc.sortedBy.metric];
  const shown =
    doc.variants.length < doc.total
      ? `the best ${doc.variants.length} of ${doc.total} variants`
      : `${doc.total} variants`;
  const rows: Row[] = doc.variants.map((v, i) => ({ ...v, rank: i + 1 }));
  if (doc.benchmark) rows.push(doc.benchmark);
  const annual = doc.variants[0]?.mwrBasis === 'annual';
  return [
    `Backtest sweep ${w.from} .. ${w.to} (${w.rows} rows from ${doc.prices}): ${shown}, sorted by ${metric.description} (${doc.sortedBy.better} is better), ${doc.threads === 1 ? 'on this thread' : `on ${doc.threads} threads`}`,
    ...doc.sweep.map((a) => `  ${a.axis}  (${a.sets}; ${a.values.length} values)`),
    renderTable(rows, COLUMNS),
    annual
      ? 'TWR for the window; CAGR = TWR annualised on 252 rows a year; MWR = XIRR a year (Actual/365).'
      : 'TWR and MWR are for the window, not annualised (a year or less, GIPS), so no CAGR is given.',
    'Vol, Sharpe, Sortino (rf = each variant’s cash rate) and max drawdown: the daily returns, 252 a year (docs/backtest.md).',
    ...(doc.warnings.length ? ['', ...warningLines(doc.warnings)] : []),
  ].join('\n');
}

/** One row per variant, best first: rank, name, strategy, one column per axis, the measures. */
export function sweepCsv(doc: BacktestSweepDocument): string {
  const rows = doc.variants.map((v, i) => ({ ...v, rank: i + 1 }));
  const text = (x: unknown): string =>
    x === undefined || x === null ? '' : typeof x === 'string' ? x : JSON.stringify(x);
  const labels = [...new Set(doc.sweep.map((a) => a.label))];
  return renderCsv(rows, [
    { title: 'rank', value: (r) => String(r.rank) },
    { title: 'name', value: (r) => r.name },
    { title: 'strategy', value: (r) => r.strategy },
    ...labels.map((l) => ({ title: l, value: (r: (typeof rows)[number]) => text(r.params[l]) })),
    { title: 'finalValue', value: (r) => text(r.finalValue) },
    { title: 'twr', value: (r) => text(r.twr) },
    { title: 'mwr', value: (r) => text(r.mwr) },
    { title: 'cagr', value: (r) => text(r.twrAnnualized) },
    { title: 'volatility', value: (r) => text(r.metrics?.annualizedVolatility) },
    { title: 'maxDrawdown', value: (r) => text(r.metrics?.maxDrawdown) },
    { title: 'sharpe', value: (r) => text(r.metrics?.sharpe) },
    { title: 'sortino', value: (r) => text(r.metrics?.sortino) },
    { title: 'calmar', value: (r) => text(r.metrics?.calmar) },
    { title: 'costs', value: (r) => text(r.costs) },
    { title: 'interest', value: (r) => text(r.interest) },
    { title: 'rebalances', value: (r) => text(r.rebalanceCount) },
  ]);
}

/** `ballast backtest --sweep …` (module comment). */
export async function runSweepCommand(
  options: SweepFlags,
  command: Command,
  context: { readonly io: Io; readonly runtime: Runtime },
): Promise<void> {
  const { io, runtime } = context;
  const input = sweepInput(options);
  const doc = await withDeps(command, runtime, (deps) =>
    withFlagNames({ config: '--config', sweep: '--sweep', threads: '--threads' }, () =>
      backtestSweep(input, deps),
    ),
  );
  if (options.format !== 'table') for (const line of warningLines(doc.warnings)) io.err(line);
  io.out(
    renderDocument(options.format, {
      json: doc,
      table: () => sweepTable(doc),
      csv: () => sweepCsv(doc),
    }),
  );
}
