/**
 * `backtest`: strategies of target weights run day by day over historical closes, with
 * rebalancing schedules, bands, flows, trading costs and cash interest, reported with TWR, MWR,
 * the analytics metric set, drawdowns, every trade, and a buy-and-hold benchmark; funds
 * simulated before their first close (backtest-simulated.ts) and dividends paid on unadjusted
 * closes (backtest-extras.ts). Every convention is in docs/backtest.md; the engine is
 * `src/domain/backtest`.
 *
 * Input: `{ config }`, the config as a YAML/JSON file `{ path }` (a `prices` path is relative
 * to it), as text `{ text, name }`, or as the config object itself (relative paths from the
 * working directory). Money in the document is in dollars, rounded to cents.
 *
 * @example
 * ```ts
 * const doc = await backtest({ config: { path: 'examples/backtest/60-40.yaml' } }, deps);
 * doc.strategies[0].twr; // the window's time-weighted return
 * ```
 */

import { dirname } from 'node:path';
import * as z from 'zod';
import { buyAndHold, runBacktest, type StrategyResult } from '../domain/backtest/run-backtest.ts';
import type { StrategySpec, Trade } from '../domain/backtest/types.ts';
import type { BacktestDrawdown } from '../domain/backtest/summary.ts';
import type { HighsRuntime } from '../core/solvers/highs.ts';
import type { MetricSet } from '../domain/analytics/metric-set.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { MwrBasis } from '../domain/performance/returns.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import {
  backtestConfigSchema,
  parseBacktestConfig,
  toBacktestConfig,
  type BacktestConfig,
  type BacktestStrategyConfig,
} from '../data/backtest/backtest-config.ts';
import { backtestFigure } from '../report/backtest-figure.ts';
import type { ChartOption } from '../report/chart-style.ts';
import type { ChartSize } from '../report/render.ts';
import {
  readBacktestDividends,
  simulatedLabel,
  strategyExtras,
  withDividends,
  type StrategyExtras,
} from './backtest-extras.ts';
import { taxFields, type StrategyTaxDocument } from './backtest-tax.ts';
import { marginFields, marginWarnings, type StrategyMarginDocument } from './backtest-margin.ts';
import { loadBacktestPrices, matrixWindow } from './backtest-prices.ts';
import {
  strategyWeighting,
  weightingDocument,
  weightingWarnings,
  type WeightingDocument,
} from './backtest-weighting.ts';
import type { SimulatedFund } from './backtest-simulated.ts';
import { mapStrategyExposures, type ExposureTargetsDocument } from './backtest-exposures.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { withSolver } from './lazy-solver.ts';
import { roundCents, roundFine } from './rounding.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Input of {@link backtest}: the config as a file, as text, or as an object. */
export const backtestInputSchema = z.strictObject({
  config: z.union([textSourceSchema, backtestConfigSchema]),
  /** Also build the chart option ({@link backtestWithChart}). */
  chart: z.boolean().default(false),
});

/** What callers pass to {@link backtest}. */
export type BacktestInput = z.input<typeof backtestInputSchema>;

/** One strategy (or the benchmark) in the document; `weighting*` with a `weighting` only, margin fields: backtest-margin.ts. */
export interface BacktestStrategyDocument
  extends WeightingDocument, StrategyExtras, Partial<StrategyMarginDocument> {
  readonly name: string;
  /** With `exposures`: the targets, the mapped weights, what they reach and the residual. */
  readonly exposureTargets?: ExposureTargetsDocument;
  readonly finalValue: number;
  /** Value at each close after that row's flow and trades. */
  readonly values: readonly { readonly date: IsoDate; readonly value: number }[];
  /** External flows made (deposit > 0, withdrawal < 0). */
  readonly flows: readonly { readonly date: IsoDate; readonly amount: number }[];
  /** Daily TWR returns of rows 1.. (to the stop), flows at the end of the day (the charts' paths). */
  readonly returns: readonly { readonly date: IsoDate; readonly value: number }[];
  /** Time-weighted return of the window (not annualised). */
  readonly twr: number;
  /** Geometric on 252 rows a year; null for a window of a year or less. */
  readonly twrAnnualized: number | null;
  /** XIRR: annual (`mwrBasis: annual`) or the window's own (`period`); null when undefined. */
  readonly mwr: number | null;
  readonly mwrBasis: MwrBasis;
  readonly windowDays: number;
  /** The analytics metric set of the daily returns (k = 252, rf = the cash rate). */
  readonly metrics: MetricSet | null;
  readonly rebalances: readonly IsoDate[];
  readonly trades: readonly Trade[];
  readonly costs: number;
  /** Net cash interest: earned (> 0) minus paid on borrowing. */
  readonly interest: number;
  /** The 10 deepest drawdowns of the TWR wealth path, deepest first. */
  readonly drawdowns: readonly BacktestDrawdown[];
  /** Why the strategy stopped before the final row, when it did. */
  readonly stopped?: { readonly date: IsoDate; readonly reason: string; readonly value: number };
  /** With `tax`: gains and tax per year, after-tax and pre-tax values (backtest-tax.ts). */
  readonly tax?: StrategyTaxDocument;
}

/** The `backtest` document (the CLI's `--format json`). */
export interface BacktestDocument {
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly rows: number };
  /** Where the prices came from (file path or name, or `the store`). */
  readonly prices: string;
  readonly initial: number;
  readonly cash: { readonly rate: number; readonly borrowSpread: number };
  readonly rowsPerYear: 252;
  readonly strategies: readonly BacktestStrategyDocument[];
  readonly benchmark?: BacktestStrategyDocument & { readonly symbol: string };
  /** Funds simulated before their first close (docs/backtest.md, "Simulated funds"). */
  readonly simulated?: readonly SimulatedFund[];
  /** With unadjusted closes: the dividends file paid (docs/backtest.md, "Dividends"). */
  readonly dividends?: { readonly source: string };
  readonly warnings: readonly Warning[];
}

/**
 * The validated config and the chart flag. The config's form is told by its keys (`path` or
 * `text`: a text source), so an error names the config's own field (`strategies[1].weights.A`)
 * rather than a failed union.
 */
function readInput(raw: unknown): { config: BacktestConfig; chart: boolean } {
  const outer = parseInput(
    z.strictObject({
      config: z.record(z.string(), z.unknown()),
      chart: z.boolean().default(false),
    }),
    raw,
  );
  const given = outer.config;
  if ('path' in given || 'text' in given) {
    const source = parseInput(textSourceSchema, given);
    const { text, name } = readSource(source, 'config');
    const base = 'path' in source ? dirname(source.path) : process.cwd();
    return { config: parseBacktestConfig(text, name, base), chart: outer.chart };
  }
  const config = toBacktestConfig(parseInput(backtestConfigSchema, given), process.cwd());
  return { config, chart: outer.chart };
}

/**
 * The engine's strategy of a config strategy (its weighting and settings); `context` gives the
 * solver an `optimize` weighting needs (sweeps run without one: see backtest-sweep.ts).
 */
export function specOf(
  s: BacktestStrategyConfig,
  context: { readonly highs: HighsRuntime; readonly riskFreeRateAnnual: number },
): StrategySpec {
  return {
    name: s.name,
    assets: [...s.weights.keys()],
    weighting: strategyWeighting(s, context),
    rebalance: s.rebalance,
    bands: s.bands,
    costRate: s.costBps / 10_000,
    flow: s.flows,
    wholeShares: s.wholeShares,
    margin: s.margin,
    leverageMode: s.leverageMode,
    tax: s.tax,
  };
}

const fine = (x: number | null): number | null => (x === null ? null : roundFine(x));

/** The metric set with every number to 12 significant digits. */
export function roundMetrics(m: MetricSet): MetricSet {
  return Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, typeof v === 'number' ? roundFine(v) : v]),
  ) as unknown as MetricSet;
}

/** A strategy's (or the benchmark's) part of the document, money to cents. */
export function strategyDocument(name: string, result: StrategyResult): BacktestStrategyDocument {
  const { run, summary } = result;
  const dates = run.dates;
  const stop = run.stopped;
  return {
    name,
    finalValue: roundCents(run.values[dates.length - 1]!),
    values: dates.map((date, t) => ({ date, value: roundCents(run.values[t]!) })),
    flows: dates.flatMap((date, t) =>
      run.flows[t] === 0 ? [] : [{ date, amount: roundCents(run.flows[t]!) }],
    ),
    returns: summary.returns.map((r) => ({ date: r.date, value: roundFine(r.value) })),
    twr: roundFine(summary.twr),
    twrAnnualized: fine(summary.twrAnnualized),
    mwr: fine(summary.mwr),
    mwrBasis: summary.mwrBasis,
    windowDays: summary.windowDays,
    metrics: summary.metrics === null ? null : roundMetrics(summary.metrics.metrics),
    rebalances: run.rebalanceRows.map((t) => dates[t]!),
    trades: run.trades.map((t) => ({
      date: t.date,
      symbol: t.symbol,
      quantity: roundFine(t.quantity),
      price: roundFine(t.price),
      value: roundCents(t.value),
      cost: roundCents(t.cost),
    })),
    costs: roundCents(run.costs),
    interest: roundCents(run.interest),
    drawdowns: summary.drawdowns.map((d) => ({ ...d, depth: roundFine(d.depth) })),
    ...(stop
      ? { stopped: { date: stop.date, reason: stop.reason, value: roundCents(stop.value) } }
      : {}),
  };
}

/** Warnings the results owe their reader (docs/backtest.md, "Warnings"). */
export function resultWarnings(
  results: readonly { name: string; result: StrategyResult }[],
): Warning[] {
  const out: Warning[] = [];
  const seen = new Set<string>();
  for (const { result } of results)
    for (const w of result.summary.metrics?.warnings ?? [])
      if (!seen.has(w.message)) {
        seen.add(w.message);
        out.push(w);
      }
  for (const { name, result } of results) {
    const { summary, run } = result;
    if (summary.mwrUndefined !== undefined)
      out.push(
        warning('MEASURE_UNDEFINED', `${name}: the MWR is undefined (${summary.mwrUndefined})`, {
          strategy: name,
          measure: 'mwr',
        }),
      );
    if (summary.metrics === null)
      out.push(
        warning('MEASURE_UNDEFINED', `${name}: fewer than 2 daily returns, no metrics`, {
          strategy: name,
          measure: 'metrics',
        }),
      );
    const stop = run.stopped;
    if (stop)
      out.push(
        warning(
          'STRATEGY_STOPPED',
          stop.reason === 'wipedOut'
            ? `${name}: the value fell to ${stop.value.toFixed(2)} on ${stop.date}; everything was sold and the strategy stopped (returns end there)`
            : `${name}: a withdrawal on ${stop.date} took all that was left; the strategy stopped`,
          { strategy: name, ...stop },
        ),
      );
  }
  return out;
}

/**
 * The document and, with `input.chart`, the chart option (growth of $1 of each strategy's TWR,
 * its drawdown and its rolling 12-month return, with the benchmark: `backtest-figure.ts`), the
 * size it is laid out for, and why the rolling panel is missing when it is (`chartNote`).
 *
 * @throws BallastError INVALID_INPUT naming the field (`strategies[1].weights.A`) and the
 *   value; NOT_FOUND for a missing config or prices file; INSUFFICIENT_DATA for fewer than 2
 *   rows in the window.
 */
export async function backtestWithChart(
  raw: BacktestInput,
  deps: AppDeps,
): Promise<{
  document: BacktestDocument;
  chart?: ChartOption;
  chartSize?: ChartSize;
  chartNote?: string;
}> {
  const read = readInput(raw);
  const chart = read.chart;
  const mapped = await mapStrategyExposures(read.config, deps);
  const config = mapped.config;
  const prices = await loadBacktestPrices(config, deps);
  const market = prices.market;
  const dividends = readBacktestDividends(config);
  deps.log.debug(
    `backtest: ${config.strategies.length} strategies, ${market.dates.length} rows × ${market.symbols.length} symbols`,
  );
  const riskFreeRateAnnual = config.cash.rate;
  const benchSpec =
    config.benchmark === undefined
      ? undefined
      : withDividends(buyAndHold(config.benchmark), market, { by: dividends });
  let specs: ReturnType<typeof specOf>[] = [];
  const result = await withSolver(deps, (highs) => {
    specs = config.strategies.map((s) =>
      withDividends(specOf(s, { highs, riskFreeRateAnnual }), market, {
        by: dividends,
        ...(s.dividends ? { policy: s.dividends } : {}),
      }),
    );
    return runBacktest({
      market,
      strategies: specs,
      settings: {
        initial: config.initial,
        cashRate: config.cash.rate,
        borrowSpread: config.cash.borrowSpread,
      },
      benchmark: config.benchmark,
      benchmarkDividends: benchSpec?.dividends,
    });
  });
  const named = result.strategies.map((r, i) => ({ name: config.strategies[i]!.name, result: r }));
  const bench = result.benchmark;
  const docs = named.map((s, i) => ({
    ...strategyDocument(s.name, s.result),
    ...(mapped.documents[i] ? { exposureTargets: mapped.documents[i] } : {}),
    ...weightingDocument(config.strategies[i]!, s.result.run),
    ...strategyExtras(specs[i]!, s.result.run, prices.simulated),
    ...marginFields(config.strategies[i]!, s.result),
    ...taxFields(config.strategies[i]!.tax, s.result),
  }));
  const document: BacktestDocument = {
    window: matrixWindow(market),
    prices: prices.source,
    initial: config.initial,
    cash: config.cash,
    rowsPerYear: 252,
    strategies: docs,
    ...(bench
      ? {
          benchmark: {
            symbol: bench.symbol,
            ...strategyDocument(`${bench.symbol} (benchmark)`, bench),
            ...strategyExtras(benchSpec!, bench.run, prices.simulated),
          },
        }
      : {}),
    ...(prices.simulated?.length ? { simulated: prices.simulated } : {}),
    ...(dividends ? { dividends: { source: dividends.source } } : {}),
    warnings: [
      ...prices.warnings,
      ...mapped.warnings,
      ...resultWarnings([...named, ...(bench ? [{ name: bench.symbol, result: bench }] : [])]),
      ...weightingWarnings(named.map((s) => ({ name: s.name, run: s.result.run }))),
      ...marginWarnings(named),
    ],
  };
  if (!chart) return { document };
  const path = (name: string, r: StrategyResult) => ({
    name,
    start: market.dates[0]!,
    returns: r.summary.returns,
  });
  const figure = backtestFigure({
    strategies: named.map((s, i) => path(simulatedLabel(s.name, docs[i]!.simulated), s.result)),
    benchmark: bench
      ? path(simulatedLabel(document.benchmark!.name, document.benchmark!.simulated), bench)
      : undefined,
  });
  return {
    document,
    chart: figure.option,
    chartSize: figure.size,
    ...(figure.note === undefined ? {} : { chartNote: figure.note }),
  };
}

/** The {@link BacktestDocument} of `input` (see {@link backtestWithChart}). */
export async function backtest(raw: BacktestInput, deps: AppDeps): Promise<BacktestDocument> {
  return (await backtestWithChart({ ...raw, chart: false }, deps)).document;
}
