/**
 * Levered and return-stacked funds simulated from their definitions for the rows before the
 * fund existed (docs/backtest.md, "Simulated funds").
 *
 * A fund definition is economic exposure per $1 of NAV on exposure ids (config/funds.yaml;
 * `FundDefinition` in domain/exposures/fund-types.ts): UPRO = 3.0 us_large_equity. Each
 * exposure id is given a proxy: a column of the price matrix holding total-return closes of
 * that exposure (SPY for us_large_equity). With L = Σₖ eₖ the fund's total exposure, its daily
 * return (daily reset: the exposure is restored every day) is
 *
 *   r_t = Σₖ eₖ r_{k,t} − (L − 1) · f / 252 − expenseRatio / 252
 *
 * where r_{k,t} = P_{k,t} / P_{k,t−1} − 1 over consecutive rows of the matrix and f is the
 * annual rate on the borrowed exposure, `cashRate + financingSpread`, when L > 1; when L < 1
 * the fund holds (1 − L) in cash earning `cashRate` (no spread). Rates are simple per row: a
 * row is a trading day and a year is 252 rows.
 *
 * Where the fund's own closes exist they are used; before its first close the simulated returns
 * are chained backwards from that close, `S_{t−1} = S_t / (1 + r_t)`, so the simulated series
 * joins the real one exactly. A fund with no close at all is an index from 100 on the first
 * simulated row. Every simulated row is reported as such ({@link SimulatedSpan}).
 */

import { invalidInput } from '../errors.ts';
import type { IsoDate } from '../calendar/iso-date.ts';

/** Rows a year in the simple per-row rates (docs/backtest.md, "Cash"). */
const ROWS_PER_YEAR = 252;

/** The level of a simulated fund with no real close to join: an index from 100. */
export const SIMULATED_INDEX_START = 100;

/** One leg of a simulated fund: exposure per $1 of NAV on a proxy column. */
export interface FundLeg {
  /** Symbol of the proxy (a column of the table). */
  readonly proxy: string;
  /** Exposure per $1 of NAV (decimal; 3 for a 3× fund, negative for a short). */
  readonly exposure: number;
}

/** How to simulate one fund (module comment). */
export interface FundSimulation {
  readonly symbol: string;
  readonly legs: readonly FundLeg[];
  /** Annual expense ratio, a decimal (0.0091 = 0.91 %). */
  readonly expenseRatio: number;
  /** Annual cash rate (the backtest's `cash.rate`). */
  readonly cashRate: number;
  /** Annual spread over the cash rate paid on borrowed exposure (L > 1). */
  readonly financingSpread: number;
}

/** Closes on dates: `columns[j][t]` is `ids[j]` on `dates[t]`; NaN for a missing close. */
export interface ClosesTable {
  readonly ids: readonly string[];
  readonly dates: readonly IsoDate[];
  readonly columns: readonly Float64Array[];
}

/** The simulated rows of one fund: rows `fromRow..toRow` (inclusive) of the table. */
export interface SimulatedSpan {
  readonly symbol: string;
  readonly fromRow: number;
  readonly toRow: number;
  /** Row of the first real close the simulation joins; null when the fund has none. */
  readonly joinRow: number | null;
}

/**
 * The legs of a fund with `exposures` (exposure id → per $1 of NAV) through `proxies`
 * (exposure id → proxy symbol): exposures sharing a proxy are added; zero exposures are left
 * out.
 *
 * @throws BallastError INVALID_INPUT naming `proxies` and the exposure id when an exposure has
 *   no proxy, or `simulate.SYMBOL` when the fund has no exposure.
 */
export function fundLegs(
  symbol: string,
  exposures: Readonly<Record<string, number>>,
  proxies: ReadonlyMap<string, string>,
): FundLeg[] {
  const bySymbol = new Map<string, number>();
  for (const [id, exposure] of Object.entries(exposures)) {
    if (exposure === 0) continue;
    const proxy = proxies.get(id);
    if (proxy === undefined)
      throw invalidInput(
        'proxies',
        id,
        `${symbol} has ${exposure} of ${id} per $1 and ${id} has no proxy (proxies: ${[...proxies.keys()].join(', ') || 'none'})`,
      );
    bySymbol.set(proxy, (bySymbol.get(proxy) ?? 0) + exposure);
  }
  if (bySymbol.size === 0)
    throw invalidInput(`simulate.${symbol}`, exposures, 'the fund has no exposure to simulate');
  return [...bySymbol].map(([proxy, exposure]) => ({ proxy, exposure }));
}

/** L = Σₖ eₖ, the fund's total exposure per $1 of NAV. */
export function totalExposure(sim: FundSimulation): number {
  return sim.legs.reduce((a, leg) => a + leg.exposure, 0);
}

/**
 * What the fund pays a row beyond its legs' returns: `((L − 1) f + expenseRatio) / 252`, with
 * f = cash rate + financing spread when L > 1 and the cash rate when L ≤ 1 (negative when the
 * cash it holds earns more than its expenses).
 */
export function dailyCarry(sim: FundSimulation): number {
  const borrowed = totalExposure(sim) - 1;
  const rate = borrowed > 0 ? sim.cashRate + sim.financingSpread : sim.cashRate;
  return (borrowed * rate + sim.expenseRatio) / ROWS_PER_YEAR;
}

/**
 * The simulated daily returns `r[t]` (t ≥ 1; `r[0]` is NaN) of `sim` over `table`
 * (module comment). A proxy must be a column of the table.
 */
export function simulatedReturns(table: ClosesTable, sim: FundSimulation): Float64Array {
  const n = table.dates.length;
  const carry = dailyCarry(sim);
  const legs = sim.legs.map((leg) => {
    const j = table.ids.indexOf(leg.proxy);
    if (j < 0) throw invalidInput('proxies', leg.proxy, 'not a column of the prices');
    const closes = table.columns[j]!;
    closes.forEach((p, t) => {
      if (!(p > 0 && Number.isFinite(p)))
        throw invalidInput(
          `prices.${leg.proxy}`,
          p,
          `a proxy's close must be a positive number (on ${table.dates[t]})`,
        );
    });
    return { closes, exposure: leg.exposure };
  });
  const r = new Float64Array(n);
  r[0] = NaN;
  for (let t = 1; t < n; t++) {
    let x = -carry;
    for (const leg of legs) x += leg.exposure * (leg.closes[t]! / leg.closes[t - 1]! - 1);
    r[t] = x;
  }
  return r;
}

/** The first row with a finite value; −1 when none. */
function firstClose(column: ArrayLike<number>): number {
  for (let t = 0; t < column.length; t++) if (Number.isFinite(column[t]!)) return t;
  return -1;
}

function wipedOut(symbol: string, date: IsoDate, r: number): Error {
  return invalidInput(
    `simulate.${symbol}`,
    r,
    `the simulated daily return on ${date} is ${(r * 100).toFixed(2)} %: at −100 % or worse the fund would have lost everything; start the backtest after ${date}`,
  );
}

/**
 * The fund's closes with the rows before its first real close, from row `from` on, simulated
 * (module comment); rows before `from` are left as they are. Returns the closes and the span of
 * simulated rows (undefined when the fund has a close on row `from` or before: nothing is
 * simulated where real prices exist).
 *
 * @throws BallastError INVALID_INPUT naming `simulate.SYMBOL` when a simulated return is −100 %
 *   or worse (the fund would be wiped out).
 */
export function spliceSimulated(
  real: Float64Array,
  returns: Float64Array,
  context: { readonly symbol: string; readonly dates: readonly IsoDate[]; readonly from: number },
): { closes: Float64Array; span?: SimulatedSpan } {
  const { symbol, dates, from } = context;
  const first = firstClose(real);
  if (first !== -1 && first <= from) return { closes: real };
  const closes = Float64Array.from(real);
  const n = dates.length;
  if (first === -1) {
    closes[from] = SIMULATED_INDEX_START;
    for (let t = from + 1; t < n; t++) {
      if (!(1 + returns[t]! > 0)) throw wipedOut(symbol, dates[t]!, returns[t]!);
      closes[t] = closes[t - 1]! * (1 + returns[t]!);
    }
    return { closes, span: { symbol, fromRow: from, toRow: n - 1, joinRow: null } };
  }
  for (let t = first; t > from; t--) {
    if (!(1 + returns[t]! > 0)) throw wipedOut(symbol, dates[t]!, returns[t]!);
    closes[t - 1] = closes[t]! / (1 + returns[t]!);
  }
  return { closes, span: { symbol, fromRow: from, toRow: first - 1, joinRow: first } };
}

/**
 * The rows of `table` to keep when the columns `simulated` may be simulated: a row is kept
 * when every column has a close there, a simulated fund's column being allowed to miss the
 * rows before its first close. (Any other missing close drops the row for every column, as in
 * docs/backtest.md, "Prices".)
 */
export function rowsToKeep(table: ClosesTable, simulated: ReadonlySet<string>): number[] {
  const n = table.dates.length;
  const starts = table.columns.map((c, j) => (simulated.has(table.ids[j]!) ? firstClose(c) : 0));
  const keep: number[] = [];
  for (let t = 0; t < n; t++) {
    let ok = true;
    for (let j = 0; j < table.columns.length && ok; j++) {
      const start = starts[j]!;
      ok = Number.isFinite(table.columns[j]![t]!) || start === -1 || t < start;
    }
    if (ok) keep.push(t);
  }
  return keep;
}

/**
 * Every fund of `sims` simulated over `table` from row `from` (module comment): the table with
 * those columns spliced, and the simulated span of each fund that needed one. The rows must be
 * those of {@link rowsToKeep}; a proxy must not itself be simulated.
 */
export function simulateFunds(
  table: ClosesTable,
  sims: readonly FundSimulation[],
  from = 0,
): { table: ClosesTable; spans: SimulatedSpan[] } {
  const ids = [...table.ids];
  const columns = [...table.columns];
  const spans: SimulatedSpan[] = [];
  for (const sim of sims) {
    let j = ids.indexOf(sim.symbol);
    if (j < 0) {
      j = ids.push(sim.symbol) - 1;
      columns.push(new Float64Array(table.dates.length).fill(NaN));
    }
    const { closes, span } = spliceSimulated(columns[j]!, simulatedReturns(table, sim), {
      symbol: sim.symbol,
      dates: table.dates,
      from,
    });
    columns[j] = closes;
    if (span) spans.push(span);
  }
  return { table: { ids, dates: table.dates, columns }, spans };
}
