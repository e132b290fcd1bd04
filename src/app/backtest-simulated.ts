/**
 * The price matrix of a backtest with simulated funds (docs/backtest.md, "Simulated funds"):
 * every fund named under `simulate` that a strategy or the benchmark holds gets its closes
 * before its first close simulated from its definition (config/funds.yaml, or `funds:`, or the
 * exposures given in the config) over the proxies' closes, with daily reset, its expense ratio
 * and its financing (`src/domain/backtest/simulate-fund.ts`), joined to its first real close.
 *
 * From a file: the fund's column may be empty before its first close (or absent: the whole
 * window is simulated, an index from 100); every other empty cell drops its row, as without
 * simulation. From the store: the fund's closes are read on their own (from `start` to today)
 * and the proxies up to the fund's first close when that is after `end`, so the simulation
 * can be joined to it.
 */

import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { invalidInput } from '../domain/errors.ts';
import {
  fundLegs,
  rowsToKeep,
  simulateFunds,
  totalExposure,
  type ClosesTable,
  type FundSimulation,
  type SimulatedSpan,
} from '../domain/backtest/simulate-fund.ts';
import { panelPlausibilityWarnings } from '../domain/series/plausibility.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import {
  checkConfigSymbols,
  configSymbols,
  type BacktestConfig,
} from '../data/backtest/backtest-config.ts';
import { returnsPanelWarnings } from '../data/csv/returns-panel.ts';
import { parseReturnsFileCsv } from '../data/providers/csv-file.ts';
import { closesFromReturns, matrixOf, windowed, type BacktestPrices } from './backtest-prices.ts';
import type { AppDeps } from './deps.ts';
import { fundsSourceName, loadFunds } from './funds-source.ts';
import { readSource } from './sources.ts';

/** One simulated fund as the document reports it. */
export interface SimulatedFund {
  readonly symbol: string;
  /** First and last simulated date in the window. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly rows: number;
  /** The first real close the simulation was joined to; null when the fund has none. */
  readonly joinedAt: IsoDate | null;
  /** Exposure per $1 of NAV on each proxy. */
  readonly legs: readonly { readonly proxy: string; readonly exposure: number }[];
  readonly totalExposure: number;
  readonly expenseRatio: number;
  readonly financingSpread: number;
  /** Where the exposures come from: the definitions' source, or the config. */
  readonly definition: string;
}

/** The funds to simulate: those of `simulate` that a strategy or the benchmark holds. */
async function simulations(
  config: BacktestConfig,
  deps: AppDeps,
): Promise<{ sims: FundSimulation[]; definitions: Map<string, string> }> {
  const used = new Set(configSymbols(config));
  const wanted = [...config.simulate!].filter(([symbol]) => used.has(symbol));
  const needsDefinitions = wanted.some(([, s]) => s.exposures === undefined);
  const universe = needsDefinitions ? await loadFunds(config.funds, deps, 'funds') : undefined;
  const sourceName = fundsSourceName(config.funds);
  const proxies = config.proxies ?? new Map<string, string>();
  const definitions = new Map<string, string>();
  const sims = wanted.map(([symbol, s]) => {
    let exposures = s.exposures;
    definitions.set(symbol, `config (simulate.${s.key}.exposures)`);
    if (exposures === undefined) {
      const entry = Object.entries(universe!.funds).find(
        ([k]) => k.trim().toUpperCase() === symbol,
      );
      if (entry === undefined)
        throw invalidInput(
          `simulate.${s.key}`,
          s.key,
          `${symbol} has no definition in ${sourceName}; give its exposures (simulate.${s.key}.exposures)`,
        );
      exposures = entry[1].exposures;
      definitions.set(symbol, sourceName);
    }
    return {
      symbol,
      legs: fundLegs(symbol, exposures, proxies),
      expenseRatio: s.expenseRatio,
      cashRate: config.cash.rate,
      financingSpread: s.financingSpread,
    };
  });
  return { sims, definitions };
}

/** Closes before alignment: NaN where a close is missing. */
interface RawCloses {
  readonly table: ClosesTable;
  readonly source: string;
  readonly warnings: readonly Warning[];
}

function fromColumns(
  ids: string[],
  series: ReadonlyMap<string, readonly { date: IsoDate; value: number }[]>,
): ClosesTable {
  const all = new Set<IsoDate>();
  for (const s of series.values()) for (const p of s) all.add(p.date);
  const dates = [...all].sort();
  const at = new Map(dates.map((d, t) => [d, t]));
  const columns = ids.map((id) => {
    const c = new Float64Array(dates.length).fill(NaN);
    for (const p of series.get(id) ?? []) c[at.get(p.date)!] = p.value;
    return c;
  });
  return { ids, dates, columns };
}

function proxySymbols(sims: readonly FundSimulation[]): string[] {
  return [...new Set(sims.flatMap((s) => s.legs.map((l) => l.proxy)))];
}

/** A proxy missing from the prices: INVALID_INPUT naming `proxies.ID`. */
function checkProxies(config: BacktestConfig, have: readonly string[], name: string): void {
  for (const [id, proxy] of config.proxies ?? [])
    if (!have.includes(proxy))
      throw invalidInput(
        `proxies.${id}`,
        proxy,
        `not in the prices ${name} (it has ${have.join(', ')})`,
      );
}

function rawFromFile(config: BacktestConfig, sims: readonly FundSimulation[]): RawCloses {
  const p = config.prices;
  if (p.kind === 'symbols') throw new Error('rawFromFile: prices from the store');
  const source = p.kind === 'file' ? { path: p.path } : { text: p.text, name: p.name };
  const { text, name } = readSource(source, 'prices');
  const file = parseReturnsFileCsv(text, name);
  const ids = [...file.columns];
  const simulatedIds = sims.map((s) => s.symbol).filter((s) => !ids.includes(s));
  checkConfigSymbols(config, { symbols: [...ids, ...simulatedIds], name });
  checkProxies(config, ids, name);
  return { table: fromColumns(ids, file.seriesByColumn), source: name, warnings: [] };
}

async function panelCloses(
  symbols: readonly string[],
  range: { from?: string | undefined; to?: string | undefined },
  deps: AppDeps,
): Promise<{ table: ClosesTable; warnings: Warning[]; unanchored: string[] }> {
  const { loadReturnsPanel } = await import('./returns-panel.ts');
  const panel = await loadReturnsPanel(
    {
      kind: 'symbols',
      symbols: [...symbols],
      ...(range.from === undefined ? {} : { from: range.from }),
      ...(range.to === undefined ? {} : { to: range.to }),
      frequency: 'daily',
      returnKind: 'total',
    },
    deps,
  );
  const { table, unanchored } = await closesFromReturns(panel.table, deps);
  return { table, warnings: [...panel.warnings], unanchored };
}

async function rawFromStore(
  config: BacktestConfig,
  sims: readonly FundSimulation[],
  deps: AppDeps,
): Promise<RawCloses> {
  const simulated = new Set(sims.map((s) => s.symbol));
  const listed = config.prices.kind === 'symbols' ? config.prices.symbols : [];
  const base = [...new Set([...listed, ...configSymbols(config), ...proxySymbols(sims)])].filter(
    (s) => !simulated.has(s),
  );
  const warnings: Warning[] = [];
  const unanchored: string[] = [];
  const funds = new Map<string, { date: IsoDate; value: number }[]>();
  let lastNeeded = config.end;
  for (const sim of sims) {
    const got = await panelCloses([sim.symbol], { from: config.start }, deps);
    warnings.push(...got.warnings);
    unanchored.push(...got.unanchored);
    const c = got.table.columns[0]!;
    funds.set(
      sim.symbol,
      got.table.dates.map((date, t) => ({ date, value: c[t]! })),
    );
    const first = got.table.dates[0]!;
    if (lastNeeded !== undefined && first > lastNeeded) lastNeeded = first;
  }
  const got = await panelCloses(base, { from: config.start, to: lastNeeded }, deps);
  warnings.push(...got.warnings);
  unanchored.push(...got.unanchored);
  const series = new Map<string, { date: IsoDate; value: number }[]>(funds);
  got.table.ids.forEach((id, j) =>
    series.set(
      id,
      got.table.dates.map((date, t) => ({ date, value: got.table.columns[j]![t]! })),
    ),
  );
  const baseDates = new Set(got.table.dates);
  const table = fromColumns([...got.table.ids, ...funds.keys()], series);
  const keep = table.dates.flatMap((d, t) => (baseDates.has(d) ? [t] : []));
  if (unanchored.length > 0)
    warnings.push(
      warning(
        'PRICES_AS_INDEX',
        `${unanchored.join(', ')}: no stored close on the last date read; prices are a total-return index starting at 1 (whole shares are then units of that index)`,
        { symbols: unanchored },
      ),
    );
  return { table: pick(table, keep), source: 'the store', warnings };
}

function pick(table: ClosesTable, rows: readonly number[]): ClosesTable {
  return {
    ids: table.ids,
    dates: rows.map((t) => table.dates[t]!),
    columns: table.columns.map((c) => Float64Array.from(rows, (t) => c[t]!)),
  };
}

/** The `DATES_DROPPED` warning of the rows left out (as the prices reader words it). */
function droppedWarnings(table: ClosesTable, keep: readonly number[]): Warning[] {
  const kept = new Set(keep);
  const dropped = table.dates.flatMap((_, t) => (kept.has(t) ? [] : [t]));
  const emptyCells: Record<string, number> = {};
  table.ids.forEach((id, j) => {
    const n = dropped.filter((t) => !Number.isFinite(table.columns[j]![t]!)).length;
    if (n > 0) emptyCells[id] = n;
  });
  return returnsPanelWarnings(
    {
      ids: table.ids,
      dates: [],
      columns: [],
      dropped: {
        count: dropped.length,
        total: table.dates.length,
        dates: dropped.slice(0, 5).map((t) => table.dates[t]!),
        emptyCells,
      },
    },
    'prices',
  );
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}

function simulatedWarning(fund: SimulatedFund): Warning {
  const legs = fund.legs.map((l) => `${l.exposure} × ${l.proxy}`).join(' + ');
  const borrowed = fund.totalExposure - 1;
  const financing =
    borrowed > 0
      ? `, financing at the cash rate + ${pct(fund.financingSpread)} on the ${borrowed.toFixed(4).replace(/\.?0+$/, '')} borrowed`
      : '';
  const joined =
    fund.joinedAt === null
      ? 'it has no close: an index from 100'
      : `joined to its first close on ${fund.joinedAt}`;
  return warning(
    'SIMULATED_PRICES',
    `${fund.symbol}: ${fund.from} .. ${fund.to} (${fund.rows} rows) are SIMULATED from its definition (${legs}, daily reset; ${fund.definition}), less a ${pct(fund.expenseRatio)} expense ratio${financing}; ${joined}`,
    { ...fund },
  );
}

/**
 * Loads the prices of `config` with its `simulate` funds simulated (module comment). Errors as
 * `loadBacktestPrices`, and INVALID_INPUT naming `simulate.SYMBOL` (no definition, a simulated
 * return of −100 % or worse) or `proxies.ID` (a proxy missing from the prices, an exposure
 * without a proxy).
 */
export async function loadSimulatedPrices(
  config: BacktestConfig,
  deps: AppDeps,
): Promise<BacktestPrices> {
  const { sims, definitions } = await simulations(config, deps);
  const raw =
    config.prices.kind === 'symbols'
      ? await rawFromStore(config, sims, deps)
      : rawFromFile(config, sims);
  const keep = rowsToKeep(raw.table, new Set(sims.map((s) => s.symbol)));
  const kept = pick(raw.table, keep);
  const start = config.start;
  let from = 0;
  while (start !== undefined && from < kept.dates.length && kept.dates[from]! < start) from++;
  windowed(kept, config, raw.source); // fewer than 2 rows in the window: INSUFFICIENT_DATA
  const { table, spans } = simulateFunds(kept, sims, from);
  const window = windowed(table, config, raw.source);
  const last = window.dates.at(-1)!;
  const simulated = spans.map((span: SimulatedSpan): SimulatedFund => {
    const sim = sims.find((s) => s.symbol === span.symbol)!;
    const to = table.dates[span.toRow]! < last ? table.dates[span.toRow]! : last;
    return {
      symbol: span.symbol,
      from: table.dates[span.fromRow]!,
      to,
      rows: window.dates.filter((d) => d <= to).length,
      joinedAt: span.joinRow === null ? null : table.dates[span.joinRow]!,
      legs: sim.legs,
      totalExposure: totalExposure(sim),
      expenseRatio: sim.expenseRatio,
      financingSpread: sim.financingSpread,
      definition: definitions.get(span.symbol)!,
    };
  });
  return {
    market: matrixOf(window, configSymbols(config)),
    source: raw.source,
    warnings: [
      ...raw.warnings,
      ...droppedWarnings(raw.table, keep),
      ...panelPlausibilityWarnings(window, { file: raw.source, values: 'prices' }),
      ...simulated.map(simulatedWarning),
    ],
    simulated,
  };
}
