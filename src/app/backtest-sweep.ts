/**
 * `backtestSweep`: a backtest config run over a grid of variants — `sweep` axes such as
 * `bands.absolute=0.02,0.05,0.1` and `weights.A=1.0,1.25,1.5` (`backtest-sweep-grid.ts`) — on
 * worker threads, with one summary row per variant sorted best first by a chosen measure.
 * Every variant is the config with its values set and checked by the config's schema; it runs
 * exactly as `backtest` runs that strategy (docs/backtest.md, "Sweeps").
 *
 * The prices are read once; on threads they are shared with every worker in one
 * SharedArrayBuffer (`backtest-sweep-run.ts`). Without `threads`, a sweep whose work is
 * estimated under a second runs on this thread (starting workers would cost more). Every
 * strategy `backtest` runs can be swept: exposure targets are mapped here, per distinct
 * mapping (`backtest-sweep-exposures.ts`); dividends of unadjusted closes and the simulated
 * funds travel in the sweep's context; `optimize` weightings get HiGHS on whichever thread runs
 * them (loaded there on first use).
 *
 * @example
 * ```ts
 * const doc = await backtestSweep(
 *   { config: { path: 'bt.yaml' }, sweep: ['bands.absolute=0.02,0.05', 'weights.A=1,1.25'] },
 *   deps,
 * );
 * doc.variants[0].name; // the best Sharpe ratio, e.g. '60-40 [bands.absolute=0.05, weights.A=1]'
 * ```
 */

import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import * as z from 'zod';
import {
  backtestConfigSchema,
  toBacktestConfig,
  type BacktestConfig,
} from '../data/backtest/backtest-config.ts';
import { parseWithSchema, parseYamlText } from '../data/config/read-yaml.ts';
import { buyAndHold, runBacktest } from '../domain/backtest/run-backtest.ts';
import {
  SWEEP_METRIC_NAMES,
  SWEEP_METRICS,
  type SweepMetricName,
} from '../domain/backtest/sweep.ts';
import { BallastError } from '../domain/errors.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { Warning } from '../domain/warnings.ts';
import type { BacktestStrategyDocument } from './backtest.ts';
import { readBacktestDividends, withDividends } from './backtest-extras.ts';
import { loadBacktestPrices, type BacktestPrices } from './backtest-prices.ts';
import {
  expandSweep,
  resolveAxes,
  sweepAxisError,
  sweepAxisSchema,
  type RawConfig,
  type SweepAxis,
  type SweepVariant,
} from './backtest-sweep-grid.ts';
import { sweepDocument } from './backtest-sweep-document.ts';
import { executeSweep, spreadSweep } from './backtest-sweep-execute.ts';
import { mapSweepExposures } from './backtest-sweep-exposures.ts';
import { preparedOnce } from './backtest-sweep-memo.ts';
import {
  provideSweepSolver,
  type SweepMeasuresRow,
  type SweepOutcome,
} from './backtest-sweep-run.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { readSource, textSourceSchema } from './sources.ts';

export { SWEEP_METRIC_NAMES, SWEEP_METRICS, type SweepMetricName };

/** Input of {@link backtestSweep}. */
export const backtestSweepInputSchema = z.strictObject({
  /** The config as a file, as text, or as an object (as `backtest` takes it). */
  config: z.union([textSourceSchema, backtestConfigSchema]),
  /** The axes: `PATH=v1,v2,…` or `PATH=FROM:TO:STEP`, or `{ path, values }`. */
  sweep: z.array(sweepAxisSchema).min(1),
  /** The measure the variants are sorted by, best first. */
  sortBy: z.enum(SWEEP_METRIC_NAMES).default('sharpe'),
  /** Keep only the first `top` variants after sorting. */
  top: z.number().int().min(1).optional(),
  /** Worker threads (1: this thread); absent, chosen from the work and the cores. */
  threads: z.number().int().min(1).max(64).optional(),
  /** Each variant's whole strategy document (values, trades, drawdowns), not only its row. */
  full: z.boolean().default(false),
  /**
   * Pieces the variants are split into when the sweep runs as a job on PostgreSQL's queue, for
   * idle `ballast worker` processes to share (1: not split); absent, one per ~2 s of work.
   * Elsewhere (the CLI, SQLite) the sweep runs on this process's threads and this is ignored.
   */
  pieces: z.number().int().min(1).max(256).optional(),
});

/**
 * The input of a `backtest-sweep` run (the job queue): the same, except that a run reads no
 * file of the server, so a config object's `prices` must be inline (`{ text, name }`) or
 * `symbols` (the API refuses `{ path }` sources itself).
 */
export const backtestSweepRunInputSchema = backtestSweepInputSchema.superRefine((input, ctx) => {
  const config = input.config as { prices?: unknown };
  if (typeof config.prices === 'string')
    ctx.addIssue({
      code: 'custom',
      path: ['config', 'prices'],
      message: 'a run reads no server file: give the prices inline as { text, name }, or symbols',
    });
});

/** What callers pass to {@link backtestSweep}. */
export type BacktestSweepInput = z.input<typeof backtestSweepInputSchema>;

/** One variant's row: its name, its values and its measures (and its document when `full`). */
export type BacktestSweepVariant = SweepMeasuresRow & {
  readonly name: string;
  /** The strategy of the config it varies. */
  readonly strategy: string;
  /** Axis label → value (`{ 'bands.absolute': 0.05, 'weights.A': 1.25 }`). */
  readonly params: Readonly<Record<string, unknown>>;
} & Partial<Omit<BacktestStrategyDocument, 'name'>>;

/** The `backtest --sweep` document. */
export interface BacktestSweepDocument {
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly rows: number };
  readonly prices: string;
  /** The config's own initial money and cash rates (a sweep may vary them per variant). */
  readonly initial: number;
  readonly cash: { readonly rate: number; readonly borrowSpread: number };
  readonly rowsPerYear: 252;
  /** The axes: as written, their label, what they set, and their values. */
  readonly sweep: readonly {
    readonly axis: string;
    readonly label: string;
    /** `every strategy`, `config` (shared money) or the strategy's name. */
    readonly sets: string;
    readonly values: readonly unknown[];
  }[];
  readonly sortedBy: { readonly metric: SweepMetricName; readonly better: 'higher' | 'lower' };
  /** Variants run; `variants` lists the first `top` of them when `top` was given. */
  readonly total: number;
  /** Worker threads used (1: the calling thread); spread, the most a piece used. */
  readonly threads: number;
  /** The pieces the variants were split into over the job queue's workers, when spread. */
  readonly pieces?: number;
  readonly variants: readonly BacktestSweepVariant[];
  /** The config's benchmark (buy-and-hold), as in `backtest`: its measures, not varied. */
  readonly benchmark?: Omit<BacktestSweepVariant, 'strategy' | 'params'> & {
    readonly symbol: string;
  };
  readonly warnings: readonly Warning[];
}

/** The validated input, the config as read and as validated. */
function readInput(raw: unknown) {
  const input = parseInput(
    backtestSweepInputSchema.extend({ config: z.record(z.string(), z.unknown()) }),
    raw,
  );
  const given = input.config;
  if ('path' in given || 'text' in given) {
    const source = parseInput(textSourceSchema, given);
    const { text, name } = readSource(source, 'config');
    const baseDir = 'path' in source ? dirname(source.path) : process.cwd();
    const data = parseYamlText(text, name);
    const config = toBacktestConfig(parseWithSchema(backtestConfigSchema, data, name), baseDir);
    return { input, config, raw: { data, name, baseDir } as RawConfig };
  }
  const config = toBacktestConfig(parseInput(backtestConfigSchema, given), process.cwd());
  return { input, config, raw: { data: given, name: 'config', baseDir: process.cwd() } };
}

/**
 * The prices of the config and of every symbol a variant adds; a symbol missing from the prices
 * names the axis that added it.
 */
async function loadPrices(
  grid: {
    readonly config: BacktestConfig;
    readonly variants: readonly SweepVariant[];
    readonly axes: readonly SweepAxis[];
  },
  deps: AppDeps,
): Promise<BacktestPrices> {
  const { config, variants, axes } = grid;
  const known = new Set(config.strategies.flatMap((s) => [...s.weights.keys()]));
  const extra = variants.filter((v) => [...v.config.weights.keys()].some((k) => !known.has(k)));
  const n = config.strategies.length;
  try {
    return await loadBacktestPrices(
      { ...config, strategies: [...config.strategies, ...extra.map((v) => v.config)] },
      deps,
    );
  } catch (error) {
    const given = error instanceof BallastError ? error.details['field'] : undefined;
    const field = typeof given === 'string' ? given : '';
    const fund = /^strategies\[(\d+)\](\.funds\[\d+\])$/.exec(field);
    if (fund !== null && Number(fund[1]) >= n) throw fundError(error, extra[Number(fund[1]) - n]!);
    const at = /^strategies\[(\d+)\]\.weights\.(.*)$/.exec(field);
    if (at === null || Number(at[1]) < n) throw error;
    const key = at[2]!.trim().toUpperCase();
    const axis = axes.find((a) => a.keys[0] === 'weights' && a.keys[1]!.toUpperCase() === key);
    if (axis === undefined) throw error;
    const why = (error as BallastError).message.slice(field.length + 2).replace(/ \(got .*\)$/, '');
    throw sweepAxisError(axis, why, axis.keys[1]);
  }
}

/** A mapped variant's candidate missing from the prices, named after the variant. */
function fundError(error: unknown, variant: SweepVariant): BallastError {
  const e = error as BallastError;
  const field = String(e.details['field']);
  const configField = field.replace(/^strategies\[\d+\]/, `strategies[${variant.strategyIndex}]`);
  return new BallastError(
    'INVALID_INPUT',
    `sweep: the variant ${variant.name}: ${configField}${e.message.slice(field.length)}`,
    { field: 'sweep', value: e.details['value'], variant: variant.name, configField },
  );
}

/**
 * The sweep's document (module comment).
 *
 * @throws BallastError INVALID_INPUT naming the config's field (as `backtest` does) or the axis
 *   (`sweep[i]`: the axis as written and the value); NOT_FOUND for a missing file.
 */
export async function backtestSweep(
  raw: BacktestSweepInput,
  deps: AppDeps,
): Promise<BacktestSweepDocument> {
  const prepared = await (deps.fanOut === undefined
    ? prepareSweep(raw, deps)
    : preparedOnce(raw, () => prepareSweep(raw, deps)));
  const { input, variants, market } = prepared;
  const pieces = input.pieces ?? autoPieces(market.dates.length, variants);
  const wanted = input.threads ?? autoThreads(market.dates.length, variants);
  deps.log.debug(
    `backtest sweep: ${variants.length} variants, ${market.dates.length} rows × ${market.symbols.length} symbols, ${wanted} thread(s)`,
  );
  const executed =
    deps.fanOut !== undefined && pieces > 1
      ? await spreadSweep(
          { raw, jobs: variants.length, pieces, fanOut: deps.fanOut },
          {
            progress: deps.progress,
            staleMs: Math.max(60_000, (20 * workNs(market.dates.length, variants)) / pieces / 1e6),
            compute: (piece) => backtestSweepPiece(piece as BacktestSweepPieceInput, deps),
          },
        )
      : await executeSweep(prepared.sweep, { threads: wanted, progress: deps.progress });
  return sweepDocument(prepared, executed);
}

/** The sweep read, its variants expanded, its prices loaded: everything but the running. */
async function prepareSweep(raw: unknown, deps: AppDeps) {
  const { input, config, raw: rawConfig } = readInput(raw);
  const names = config.strategies.map((s) => s.name);
  const axes = resolveAxes(input.sweep, names);
  const exposures = await mapSweepExposures(config, expandSweep(rawConfig, axes), deps);
  const variants = exposures.variants;
  const prices = await loadPrices({ config, variants, axes }, deps);
  const market = prices.market;
  const dividends = readBacktestDividends(config);
  const solves = new Set(['optimize', 'multi-period']);
  if (variants.some((v) => solves.has(v.config.weighting?.method ?? '')))
    provideSweepSolver(await deps.solver());
  const settings = {
    initial: config.initial,
    cashRate: config.cash.rate,
    borrowSpread: config.cash.borrowSpread,
  };
  const bench = runBacktest({
    market,
    strategies: [],
    settings,
    benchmark: config.benchmark,
    benchmarkDividends:
      config.benchmark === undefined
        ? undefined
        : withDividends(buyAndHold(config.benchmark), market, { by: dividends }).dividends,
  }).benchmark;
  const sweep = {
    market,
    benchmark: bench?.summary.returns,
    full: input.full,
    ...(dividends ? { dividends } : {}),
    ...(prices.simulated?.length ? { simulated: prices.simulated } : {}),
    jobs: variants.map((v) => ({
      config: v.config,
      settings: { initial: v.initial, cashRate: v.cash.rate, borrowSpread: v.cash.borrowSpread },
    })),
  };
  return { input, config, names, axes, variants, exposures, prices, market, bench, sweep };
}

/** A sweep ready to run ({@link prepareSweep}). */
export type PreparedSweep = Awaited<ReturnType<typeof prepareSweep>>;

/** Input of {@link backtestSweepPiece}: a sweep run's input and the variants to run. */
export const backtestSweepPieceSchema = z.strictObject({
  sweep: z.record(z.string(), z.unknown()),
  /** The first variant (in grid order) and one past the last. */
  from: z.number().int().min(0),
  to: z.number().int().min(1),
});

/** What {@link backtestSweepPiece} takes. */
export type BacktestSweepPieceInput = z.input<typeof backtestSweepPieceSchema>;

/**
 * One piece of a sweep spread over a job queue's workers (run kind `backtest-sweep-piece`):
 * the outcomes of variants `from` to `to` of the sweep, run on this worker's threads. The
 * sweep is prepared once per thread for all its pieces (`backtest-sweep-memo.ts`).
 *
 * @throws BallastError INVALID_INPUT when the range is outside the sweep's variants
 */
export async function backtestSweepPiece(
  raw: BacktestSweepPieceInput,
  deps: AppDeps,
): Promise<{ outcomes: SweepOutcome[]; threads: number }> {
  const piece = parseInput(backtestSweepPieceSchema, raw);
  const prepared = await preparedOnce(piece.sweep, () => prepareSweep(piece.sweep, deps));
  const { sweep, market, variants } = prepared;
  if (piece.to > variants.length || piece.from >= piece.to)
    throw new BallastError(
      'INVALID_INPUT',
      `to: variants ${piece.from} to ${piece.to} of a sweep of ${variants.length}`,
      { field: 'to', value: piece.to },
    );
  const mine = variants.slice(piece.from, piece.to);
  return executeSweep(
    { ...sweep, jobs: sweep.jobs.slice(piece.from, piece.to) },
    {
      threads: prepared.input.threads ?? autoThreads(market.dates.length, mine),
      progress: deps.progress,
    },
  );
}

/** Rows between rebalance candidates of each schedule (a year being 252 rows). */
const SCHEDULE_ROWS: Readonly<Record<string, number>> = {
  daily: 1,
  weekly: 5,
  monthly: 21,
  quarterly: 63,
  annual: 252,
};

/** Objectives whose solve takes the window's returns as scenarios (an LP or a QP per row). */
const SCENARIO_OBJECTIVES = new Set(['min-cvar', 'min-cdar', 'min-semivariance']);

/**
 * Estimated ns a variant's weighting adds over `rows`: per rebalance candidate, ~250 ns per
 * window row and asset for a scenario objective, ~1 ns per window row and asset² for the
 * others (the window's covariance and a dense solve). Measured on 5,040 rows × 20 assets,
 * monthly, L = 252 (under load, scaled by the fixed-weight run): min-cvar ~1.2 ms a solve,
 * inverse volatility and max-Sharpe 40–55 µs. 0 for fixed and equal weights without
 * `targetVol`.
 */
function weightingNs(s: SweepVariant['config'], rows: number): number {
  const w = s.weighting;
  if (!w || ((w.method === 'fixed' || w.method === 'equal') && w.targetVol === undefined)) return 0;
  const every = s.rebalance === 'never' ? (s.bands ? 1 : rows) : (SCHEDULE_ROWS[s.rebalance] ?? 1);
  const n = s.weights.size;
  const perSolve =
    w.method === 'optimize' && SCENARIO_OBJECTIVES.has(w.objective?.kind ?? '')
      ? 250 * w.lookback * n
      : w.lookback * n * n;
  return (rows / every) * perSolve;
}

/**
 * Threads when none are asked for: this thread for work estimated under a second (a worker
 * takes 0.1–0.5 s to start: compiled, or through tsx), else one per core, at most 8. The
 * estimate, ~25 ns per row and held asset plus ~0.75 µs per row for the summary, is the
 * engine's benchmark (bench/backtest.bench.ts: ~10 ms for 5,040 rows × 50 assets), plus what
 * a dynamic weighting adds ({@link weightingNs}).
 */
export function autoThreads(rows: number, variants: readonly SweepVariant[]): number {
  return workNs(rows, variants) < 1e9 ? 1 : Math.max(1, Math.min(8, availableParallelism()));
}

/** The estimated work of `variants` over `rows`, in nanoseconds ({@link autoThreads}). */
function workNs(rows: number, variants: readonly SweepVariant[]): number {
  return variants.reduce(
    (n, v) => n + rows * (v.config.weights.size + 30) * 25 + weightingNs(v.config, rows),
    0,
  );
}

/**
 * Pieces when none are asked for, for a job queue's workers to share: one per ~2 s of
 * estimated work, at most 16 and no more than the variants (1: not spread).
 */
export function autoPieces(rows: number, variants: readonly SweepVariant[]): number {
  const pieces = Math.round(workNs(rows, variants) / 2e9);
  return Math.max(1, Math.min(16, variants.length, pieces));
}
