/**
 * What the backtest use case adds for dividends on unadjusted closes and for simulated funds
 * (docs/backtest.md, "Dividends" and "Simulated funds"): the dividends file read and turned
 * into each strategy's schedule, and the fields every strategy of the document carries about
 * them (`dividends: { policy, received }`, `simulated: [{ symbol, from, to }]`), with the
 * labels the table, the CSV and the chart use.
 */

import {
  dividendSchedule,
  type Dividend,
  type DividendPolicy,
} from '../domain/backtest/dividends.ts';
import type { PriceMatrix, StrategyRun, StrategySpec } from '../domain/backtest/types.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { BacktestConfig } from '../data/backtest/backtest-config.ts';
import { parseDividendsCsv } from '../data/backtest/dividends-file.ts';
import type { SimulatedFund } from './backtest-simulated.ts';
import { roundCents } from './rounding.ts';
import { readSource } from './sources.ts';

/** The dividends of a run on unadjusted closes. */
export interface BacktestDividends {
  readonly source: string;
  readonly dividends: readonly Dividend[];
}

/** The dividends file of `config` when its closes are unadjusted; undefined otherwise. */
export function readBacktestDividends(config: BacktestConfig): BacktestDividends | undefined {
  if (!config.unadjusted || config.dividends === undefined) return undefined;
  const { text, name } = readSource(config.dividends, 'dividends');
  return { source: name, dividends: parseDividendsCsv(text, name) };
}

/**
 * `spec` paying the dividends `paid.by` with `paid.policy` (default reinvest) over the rows of
 * `market`; `spec` itself when there are none (adjusted closes).
 */
export function withDividends(
  spec: StrategySpec,
  market: PriceMatrix,
  paid: { readonly by: BacktestDividends | undefined; readonly policy?: DividendPolicy },
): StrategySpec {
  if (paid.by === undefined) return spec;
  const { dates } = market;
  const policy = paid.policy ?? 'reinvest';
  return {
    ...spec,
    dividends: dividendSchedule({
      dates,
      assets: spec.assets,
      dividends: paid.by.dividends,
      policy,
    }),
  };
}

/** A simulated span as a strategy holding it reports it. */
export interface SimulatedRows {
  readonly symbol: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The fields a strategy's document gets (module comment). */
export interface StrategyExtras {
  /** With unadjusted closes: what the strategy did with dividends and how much it received. */
  readonly dividends?: { readonly policy: DividendPolicy; readonly received: number };
  /** The simulated rows of the funds it holds (docs/backtest.md, "Simulated funds"). */
  readonly simulated?: readonly SimulatedRows[];
}

/** The extras of a run of `spec` (nothing to add: `{}`). */
export function strategyExtras(
  spec: StrategySpec,
  run: StrategyRun,
  simulated: readonly SimulatedFund[] | undefined,
): StrategyExtras {
  const held = (simulated ?? []).filter((s) => spec.assets.includes(s.symbol));
  return {
    ...(spec.dividends
      ? { dividends: { policy: spec.dividends.policy, received: roundCents(run.dividends ?? 0) } }
      : {}),
    ...(held.length > 0
      ? { simulated: held.map((s) => ({ symbol: s.symbol, from: s.from, to: s.to })) }
      : {}),
  };
}

/** `name` labelled with its simulated rows: `3x (simulated: UPRO to 2009-06-24)`. */
export function simulatedLabel(
  name: string,
  simulated: readonly SimulatedRows[] | undefined,
): string {
  if (simulated === undefined || simulated.length === 0) return name;
  return `${name} (simulated: ${simulated.map((s) => `${s.symbol} to ${s.to}`).join(', ')})`;
}

/** The symbols simulated on `date` among `spans` (for the CSV's `simulated` column). */
export function simulatedOn(date: IsoDate, spans: readonly SimulatedRows[]): string {
  return spans
    .filter((s) => s.from <= date && date <= s.to)
    .map((s) => s.symbol)
    .join(' ');
}
