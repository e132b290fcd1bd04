/**
 * The backtest engine (docs/backtest.md): one strategy over a price matrix, row by row.
 *
 * - Row 0: the initial money buys the targets at the close, net of the purchase's costs.
 * - Every later row t, in this order: (1) cash accrues one row of interest, then the row's
 *   dividends are paid when the closes are unadjusted (dividends.ts); (2) the book is
 *   valued at the close; with a margin rule, equity / gross below the maintenance sells pro
 *   rata first (margin.ts); a value ≤ 0 sells everything and stops the strategy (`wipedOut`);
 *   (3) on a rebalance candidate row (scheduled, or every row when only bands are given) the
 *   weighting gives the targets and, with bands, the drifted weights are compared with them;
 *   (4) the flow of the row, if any, and the rebalance: a rebalance takes the flow in and
 *   trades once to the targets of the new value net of costs; without a rebalance a
 *   contribution buys at the targets and a withdrawal sells pro rata (a withdrawal of all that
 *   is left sells everything and stops the strategy: `depleted`); (5) the value is recorded.
 * - The final row only values the book: no flow and no trade of the strategy's own happen on it
 *   (a margin call or a wipe-out still does).
 */

import { BallastError, invalidInput } from '../errors.ts';
import { cashRates, type Book, type CashRates } from './book.ts';
import { payDividends } from './dividends.ts';
import { leverageBook } from './fixed-debt.ts';
import { MarginWatch } from './margin.ts';
import { scheduledRows } from './schedule.ts';
import type {
  BacktestSettings,
  Bands,
  PriceMatrix,
  StrategyRun,
  StrategySpec,
  StrategyStop,
  Weighting,
} from './types.ts';
import { TaxLots } from './tax-lots.ts';
import type { WeightingRecord } from './weightings/record.ts';

/** Checks the matrix: ≥ 2 rows, ascending dates, one column per symbol, positive closes. */
export function assertPriceMatrix(market: PriceMatrix, symbols: readonly string[]): number[] {
  const n = market.dates.length;
  if (n < 2)
    throw new BallastError(
      'INSUFFICIENT_DATA',
      `prices: a backtest needs at least 2 rows, got ${n}`,
      {
        field: 'prices',
        rows: n,
      },
    );
  for (let t = 1; t < n; t++)
    if (!(market.dates[t]! > market.dates[t - 1]!))
      throw invalidInput('prices.date', market.dates[t], 'dates must be strictly ascending');
  return symbols.map((symbol) => {
    const j = market.symbols.indexOf(symbol);
    if (j < 0)
      throw invalidInput(
        'assets',
        symbol,
        `not a column of the prices (${market.symbols.join(', ')})`,
      );
    const column = market.closes[j]!;
    for (let t = 0; t < n; t++)
      if (!(column[t]! > 0 && Number.isFinite(column[t]!)))
        throw invalidInput(
          `prices.${symbol}`,
          column[t],
          `a price must be a positive number (on ${market.dates[t]})`,
        );
    return j;
  });
}

/** True when some |wᵢ − tᵢ| exceeds the band (absolute, or relative to |tᵢ|). */
export function outsideBands(
  weights: ArrayLike<number>,
  targets: ArrayLike<number>,
  bands: Bands,
): boolean {
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const limit = bands.kind === 'absolute' ? bands.width : bands.width * Math.abs(t);
    if (Math.abs(weights[i]! - t) > limit) return true;
  }
  return false;
}

/** The rows on which a rebalance is considered (module comment). */
function candidateRows(spec: StrategySpec, rows: readonly string[]): Uint8Array {
  if (spec.rebalance !== 'never') return scheduledRows(rows, spec.rebalance);
  return spec.bands ? scheduledRows(rows, 'daily') : new Uint8Array(rows.length);
}

/** The state a run carries from row to row. */
interface Run {
  readonly market: PriceMatrix;
  readonly spec: StrategySpec;
  readonly columns: readonly number[];
  readonly book: Book;
  /** The spec's weighting, or the fixed-debt mode's scaling of it (fixed-debt.ts). */
  readonly weighting: Weighting;
  /** The margin rule, when the spec has one (margin.ts). */
  readonly margin: MarginWatch | undefined;
  readonly rates: CashRates;
  readonly candidates: Uint8Array;
  readonly flowRows: Uint8Array | undefined;
  readonly rebalanceRows: number[];
  readonly flows: Float64Array;
  readonly weightingLog: WeightingRecord[];
  dividends: number;
  /** With `tax`: the lots, which also add up the dividends paid. */
  readonly tax: TaxLots | undefined;
}

function targetsAt(run: Run, row: number): Float64Array {
  const { book, spec } = run;
  const targets = run.weighting({
    row,
    market: run.market,
    columns: run.columns,
    quantities: book.quantities.slice(),
    cash: book.cash,
    report: (record) => run.weightingLog.push(record),
  });
  if (targets.length !== spec.assets.length)
    throw invalidInput(
      'weights',
      targets.length,
      `the weighting of ${spec.name} gave ${targets.length} weights for ${spec.assets.length} assets`,
    );
  return targets;
}

/** Drifted weights of the book at the close of `row` (value `value`). */
function weightsAt(book: Book, row: number, value: number): Float64Array {
  const h = book.holdings(row);
  for (let i = 0; i < h.length; i++) h[i] = h[i]! / value;
  return h;
}

/** One row after the first (module comment); returns the stop when the strategy ends here. */
function step(run: Run, row: number): StrategyStop | undefined {
  const { book, spec, market } = run;
  const date = market.dates[row]!;
  book.accrue(run.rates);
  if (spec.dividends) {
    const paid = payDividends(book, row, spec.dividends);
    run.dividends += paid;
    if (paid !== 0) run.tax?.dividend(paid);
  }
  let value = book.value(row);
  if (run.margin) value = run.margin.check(book, row, value);
  if (value <= 0) {
    book.liquidate(row);
    return { date, row, reason: 'wipedOut', value: book.value(row) };
  }
  const amount = run.flowRows?.[row] === 1 ? spec.flow!.amount : 0;
  let targets: Float64Array | undefined;
  let rebalance = false;
  if (run.candidates[row] === 1) {
    targets = targetsAt(run, row);
    rebalance = !spec.bands || outsideBands(weightsAt(book, row, value), targets, spec.bands);
  }
  if (amount < 0) {
    const left = book.liquidationValue(row);
    if (-amount >= left) {
      const paid = Math.max(0, left);
      book.liquidate(row);
      book.moveCash(-paid);
      run.flows[row] = -paid;
      return { date, row, reason: 'depleted', value: book.value(row) };
    }
  }
  run.flows[row] = amount;
  if (rebalance) {
    book.moveCash(amount);
    book.rebalance(row, targets!);
    run.rebalanceRows.push(row);
  } else if (amount > 0) book.contribute(row, targets ?? targetsAt(run, row), amount);
  else if (amount < 0) book.withdraw(row, -amount);
  return undefined;
}

/**
 * Runs `spec` over `market` (module comment; conventions in docs/backtest.md).
 *
 * @throws BallastError INVALID_INPUT for an asset missing from the matrix, a price that is not
 *   positive, a non-positive `initial`, or costs too high to trade (`costBps`);
 *   INSUFFICIENT_DATA for fewer than 2 rows.
 */
export function runStrategy(
  market: PriceMatrix,
  spec: StrategySpec,
  settings: BacktestSettings,
): StrategyRun {
  const columns = assertPriceMatrix(market, spec.assets);
  if (!(settings.initial > 0 && Number.isFinite(settings.initial)))
    throw invalidInput('initial', settings.initial, 'must be a positive amount');
  if (!(spec.costRate >= 0)) throw invalidInput('costBps', spec.costRate * 10_000, 'must be ≥ 0');
  const { dates } = market;
  const tax = spec.tax ? new TaxLots(spec.tax, spec.assets, dates) : undefined;
  if (tax && spec.dividends) tax.receivesDividends();
  const { book, weighting } = leverageBook(spec, {
    market,
    assets: spec.assets,
    columns,
    costRate: spec.costRate,
    wholeShares: spec.wholeShares,
    recordTrades: settings.recordTrades ?? true,
    ...(tax ? { onTrade: tax.trade.bind(tax) } : {}),
  });
  const run: Run = {
    market,
    spec,
    columns,
    book,
    weighting,
    margin: spec.margin ? new MarginWatch(spec.margin, spec, dates) : undefined,
    rates: cashRates(settings.cashRate, settings.borrowSpread),
    candidates: candidateRows(spec, dates),
    flowRows: spec.flow ? scheduledRows(dates, spec.flow.every) : undefined,
    rebalanceRows: [],
    flows: new Float64Array(dates.length),
    weightingLog: [],
    dividends: 0,
    tax,
  };
  const values = new Float64Array(dates.length);
  book.moveCash(settings.initial);
  book.rebalance(0, targetsAt(run, 0));
  tax?.endOfRow(book, 0, false);
  values[0] = book.value(0);
  let stopped: StrategyStop | undefined;
  for (let t = 1; t < dates.length; t++) {
    stopped = step(run, t);
    tax?.endOfRow(book, t, stopped !== undefined || t === dates.length - 1);
    values[t] = book.value(t);
    if (stopped) {
      values.fill(values[t]!, t + 1);
      break;
    }
  }
  return {
    name: spec.name,
    dates,
    values,
    flows: run.flows,
    initial: settings.initial,
    rebalanceRows: run.rebalanceRows,
    trades: book.trades,
    costs: book.costs,
    interest: book.interest,
    quantities: book.quantities,
    cash: book.cash,
    ...(stopped ? { stopped } : {}),
    ...(run.weightingLog.length > 0 ? { weightingLog: run.weightingLog } : {}),
    ...(spec.dividends ? { dividends: run.dividends } : {}),
    ...(run.margin ? { marginCalls: run.margin.calls } : {}),
    ...(tax ? { tax: tax.outcome() } : {}),
  };
}
