/**
 * The price matrix of a backtest (docs/backtest.md, "Prices"): a wide closes file
 * `date,SYM,...` (total-return adjusted; every row a trading day, a row with an empty cell
 * dropped with a `DATES_DROPPED` warning, nothing filled), or the symbols' daily total returns
 * from the store and providers (`returns --kind total`) turned back into adjusted closes that
 * end at each symbol's last stored close. The `start`/`end` window is applied to the rows.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { BallastError } from '../domain/errors.ts';
import type { PriceMatrix } from '../domain/backtest/types.ts';
import type { AlignedTable } from '../domain/series/align-common.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import type { BacktestConfig } from '../data/backtest/backtest-config.ts';
import { checkConfigSymbols, configSymbols } from '../data/backtest/backtest-config.ts';
import type { AppDeps } from './deps.ts';
import type { SimulatedFund } from './backtest-simulated.ts';
import { readPanelFile } from './panel-file.ts';

/** The matrix, its source's name and what was said about it. */
export interface BacktestPrices {
  readonly market: PriceMatrix;
  readonly source: string;
  readonly warnings: readonly Warning[];
  /** Funds simulated before their first close (backtest-simulated.ts), when any was. */
  readonly simulated?: readonly SimulatedFund[];
}

export function windowed(
  table: AlignedTable,
  config: BacktestConfig,
  source: string,
): AlignedTable {
  const { start, end } = config;
  let from = 0;
  let to = table.dates.length;
  while (from < to && start !== undefined && table.dates[from]! < start) from++;
  while (to > from && end !== undefined && table.dates[to - 1]! > end) to--;
  if (to - from < 2)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `prices: ${source} has ${to - from} row(s) in the window ${start ?? '…'}..${end ?? '…'}; a backtest needs at least 2`,
      { field: 'prices', rows: to - from, start, end },
    );
  return {
    ids: table.ids,
    dates: table.dates.slice(from, to),
    columns: table.columns.map((c) => c.subarray(from, to)),
  };
}

/** The columns of `symbols` only, in that order. */
export function matrixOf(table: AlignedTable, symbols: readonly string[]): PriceMatrix {
  return {
    dates: table.dates,
    symbols,
    closes: symbols.map((s) => table.columns[table.ids.indexOf(s)]!),
  };
}

/**
 * Total-return closes from daily total returns: 1 on the first row, compounded, then scaled
 * so the last row equals the symbol's last stored close on or before that date (an adjusted
 * close's convention); left at 1 on the first row when none is stored (imported returns).
 */
export async function closesFromReturns(
  returns: AlignedTable,
  deps: AppDeps,
): Promise<{ table: AlignedTable; unanchored: string[] }> {
  const last = returns.dates.at(-1)!;
  const { storedCloses } = await import('./stored-closes.ts');
  const anchors = await storedCloses(await deps.store(), returns.ids, last);
  const unanchored: string[] = [];
  const columns = returns.columns.map((r, j) => {
    const index = new Float64Array(r.length);
    index[0] = 1;
    for (let t = 1; t < r.length; t++) index[t] = index[t - 1]! * (1 + r[t]!);
    const anchor = anchors.get(returns.ids[j]!);
    if (anchor === undefined || anchor.date !== last) {
      unanchored.push(returns.ids[j]!);
      return index;
    }
    const scale = anchor.price / index[r.length - 1]!;
    return index.map((x) => x * scale);
  });
  return { table: { ids: returns.ids, dates: returns.dates, columns }, unanchored };
}

async function fromStore(
  config: BacktestConfig,
  symbols: readonly string[],
  deps: AppDeps,
): Promise<BacktestPrices> {
  const { loadReturnsPanel } = await import('./returns-panel.ts');
  const panel = await loadReturnsPanel(
    {
      kind: 'symbols',
      symbols: [...symbols],
      ...(config.start === undefined ? {} : { from: config.start }),
      ...(config.end === undefined ? {} : { to: config.end }),
      frequency: 'daily',
      returnKind: 'total',
    },
    deps,
  );
  const { table, unanchored } = await closesFromReturns(panel.table, deps);
  const warnings = [...panel.warnings];
  if (unanchored.length > 0)
    warnings.push(
      warning(
        'PRICES_AS_INDEX',
        `${unanchored.join(', ')}: no stored close on ${table.dates.at(-1)}; prices are a total-return index starting at 1 on ${table.dates[0]} (whole shares are then units of that index)`,
        { symbols: unanchored },
      ),
    );
  return {
    market: matrixOf(windowed(table, config, 'the store'), configSymbols(config)),
    source: 'the store',
    warnings,
  };
}

/**
 * Loads the prices `config` names. From a file, every symbol the config uses must be a column
 * (a missing weight symbol is INVALID_INPUT naming `strategies[i].weights.KEY`); from the store,
 * the symbols listed and every symbol the strategies and the benchmark use are loaded.
 */
export async function loadBacktestPrices(
  config: BacktestConfig,
  deps: AppDeps,
): Promise<BacktestPrices> {
  const p = config.prices;
  if (config.simulate !== undefined)
    return (await import('./backtest-simulated.ts')).loadSimulatedPrices(config, deps);
  if (p.kind === 'symbols')
    return fromStore(config, [...new Set([...p.symbols, ...configSymbols(config)])], deps);
  const source = p.kind === 'file' ? { path: p.path } : { text: p.text, name: p.name };
  const name = p.kind === 'file' ? p.path : p.name;
  const read = readPanelFile(source, { field: 'prices', values: 'prices' });
  checkConfigSymbols(config, { symbols: read.table.ids, name });
  const table = windowed(read.table, config, name);
  return { market: matrixOf(table, configSymbols(config)), source: name, warnings: read.warnings };
}

/** The dates of a matrix as a window (first and last row). */
export function matrixWindow(market: PriceMatrix): { from: IsoDate; to: IsoDate; rows: number } {
  return { from: market.dates[0]!, to: market.dates.at(-1)!, rows: market.dates.length };
}
