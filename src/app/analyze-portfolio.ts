/**
 * The series `analyze` studies: one column of a returns file at weight 1, or a fixed-weight
 * portfolio of columns rebalanced every period (default: equal weights over every column but
 * the benchmark). The portfolio has a return only on the dates where every member has one
 * (explicit intersection, never filled); the dates dropped that way are counted in a
 * `DATES_DROPPED` warning (docs/conventions.md, "Returns").
 *
 * Budget (docs/conventions.md, "Leverage"): given weights sum to 1 within 1e-9
 * (docs/conventions.md, "Tolerances"). Weights that sum to anything else are INVALID_INPUT
 * unless the cash line is explicit — the weight `CASH` (negative = borrowing), whose return per
 * period is `(1 + c)^(1/k) − 1` with `c` the annual cash rate, plus the borrowing spread when
 * the weight is negative (docs/conventions.md, "Risk and performance measures": a rate converted
 * per period), and k the periods per year used for the metrics. A returns file with its own
 * `CASH` column keeps it as an ordinary column (its observed returns), and then takes no rate.
 */

import { droppedDatesWarning } from '../domain/analytics/dropped-dates.ts';
import { invalidInput } from '../domain/errors.ts';
import type { ReturnSeries } from '../domain/series/types.ts';
import type { Warning } from '../domain/warnings.ts';
import { columnSeries, periodsPerYearOf, type ReturnsFile } from './returns-file.ts';

/** The symbol of the explicit cash line in a weight list. */
export const CASH_LINE = 'CASH';

/** How far Σw may be from 1 (docs/conventions.md, "Tolerances": a budget check). */
export const BUDGET_TOLERANCE = 1e-9;

/** The cash line of a portfolio, as the document reports it. */
export interface CashLine {
  /** Its weight (negative = borrowing). */
  readonly weight: number;
  /** The annual rate it earns (or pays, when borrowing: cash rate + spread), decimal. */
  readonly rateAnnual: number;
  /** That rate per period, `(1 + rateAnnual)^(1/k) − 1`. */
  readonly ratePerPeriod: number;
  /** k used for the conversion. */
  readonly periodsPerYear: number;
}

/** One member of the analysed portfolio (symbol upper-cased). */
export interface PortfolioMember {
  readonly symbol: string;
  readonly weight: number;
  readonly series: ReturnSeries;
}

/** Which series to analyse. */
export interface PortfolioChoice {
  /** One column at weight 1. */
  readonly column?: string | undefined;
  /** Fixed weights by column, in this order. */
  readonly weights?: readonly { readonly symbol: string; readonly weight: number }[] | undefined;
  /** Left out of the default equal-weight portfolio. */
  readonly benchmark?: string | undefined;
  /** Annual rate of the cash line `CASH` (decimal; default 0). */
  readonly cashRateAnnual?: number | undefined;
  /** Annual spread over the cash rate paid when the cash line is negative (decimal; default 0). */
  readonly borrowSpreadAnnual?: number | undefined;
  /** k for the cash line's rate per period (default: inferred from the portfolio's dates). */
  readonly periodsPerYear?: number | undefined;
}

function weightSum(weights: readonly { readonly weight: number }[]): number {
  return weights.reduce((s, w) => s + w.weight, 0);
}

/** Refuses weights whose budget does not close (module comment), naming the fix. */
function checkBudget(
  weights: readonly { readonly symbol: string; readonly weight: number }[],
  hasCashLine: boolean,
): void {
  const sum = weightSum(weights);
  if (Math.abs(sum - 1) <= BUDGET_TOLERANCE) return;
  const text = weights.map((w) => `${w.symbol}=${w.weight}`).join(',');
  const rounded = Number(sum.toPrecision(12));
  if (hasCashLine)
    throw invalidInput('weights', text, `the weights with the cash line sum to ${rounded}, not 1`);
  const cash = Number((1 - sum).toPrecision(12));
  throw invalidInput(
    'weights',
    text,
    `the weights sum to ${rounded}, not 1: give the cash line explicitly (${CASH_LINE}=${cash}; negative is borrowing) and its annual rate`,
  );
}

/**
 * The members of the choice: `column` at weight 1, the `weights` as given, or equal weights
 * over every column but the benchmark. An unknown column is INVALID_INPUT naming the field
 * (`column`, `weights[1].symbol`).
 */
export function portfolioMembers(file: ReturnsFile, choice: PortfolioChoice): PortfolioMember[] {
  if (choice.column !== undefined) {
    const { series } = columnSeries(file, choice.column, 'column');
    return [{ symbol: choice.column.trim().toUpperCase(), series, weight: 1 }];
  }
  if (choice.weights !== undefined) {
    const cashLine = isCashLine(file);
    checkBudget(
      choice.weights,
      choice.weights.some((w) => cashLine(w.symbol)),
    );
    return choice.weights
      .filter((w) => !cashLine(w.symbol))
      .map((w) => ({
        symbol: w.symbol.trim().toUpperCase(),
        series: columnSeries(file, w.symbol, `weights[${choice.weights!.indexOf(w)}].symbol`)
          .series,
        weight: w.weight,
      }));
  }
  const benchmark = choice.benchmark?.trim().toUpperCase();
  const columns = file.columns.filter((c) => c !== benchmark);
  return columns.map((c) => ({
    symbol: c,
    series: columnSeries(file, c, 'returns').series,
    weight: 1 / columns.length,
  }));
}

/** Whether a weight's symbol is the explicit cash line (not a column of the file). */
function isCashLine(file: ReturnsFile): (symbol: string) => boolean {
  const column = file.seriesByColumn.has(CASH_LINE);
  return (symbol) => !column && symbol.trim().toUpperCase() === CASH_LINE;
}

/** The analysed series and what building it dropped. */
export interface PortfolioSeries {
  /** The members with a column in the file, then the cash line when there is one. */
  readonly members: readonly PortfolioMember[];
  /** The explicit cash line, when the weights have one. */
  readonly cashLine?: CashLine;
  /** Per-period return Σ w_i r_i on the dates every member has. */
  readonly series: ReturnSeries;
  readonly warnings: readonly Warning[];
}

/** The series of {@link portfolioMembers} (module comment). */
export function portfolioSeries(file: ReturnsFile, choice: PortfolioChoice): PortfolioSeries {
  checkCashRates(file, choice);
  const held = portfolioMembers(file, choice);
  if (held.length === 1 && choice.column !== undefined)
    return { members: held, series: held[0]!.series, warnings: [] };
  const maps = held.map((m) => new Map(m.series.map((p) => [p.date, p.value])));
  const all = [...new Set(held.flatMap((m) => m.series.map((p) => p.date)))].sort();
  const dates = all.filter((d) => maps.every((m) => m.has(d)));
  const cash = cashLineOf(file, choice, dates);
  const cashSeries = cash && dates.map((date) => ({ date, value: cash.ratePerPeriod }));
  const members =
    cash && cashSeries
      ? [...held, { symbol: CASH_LINE, weight: cash.weight, series: cashSeries }]
      : held;
  const series = dates.map((date) => ({
    date,
    value:
      held.reduce((s, m, i) => s + m.weight * maps[i]!.get(date)!, 0) +
      (cash ? cash.weight * cash.ratePerPeriod : 0),
  }));
  const dropped = droppedDatesWarning({
    field: choice.weights === undefined ? 'returns' : 'weights',
    subject: 'the portfolio',
    dates: all,
    kept: dates,
    why: 'not every member has a return on them',
  });
  return {
    members,
    series,
    ...(cash ? { cashLine: cash } : {}),
    warnings: dropped ? [dropped] : [],
  };
}

/** Refuses a cash rate or spread without a cash line to apply it to. */
function checkCashRates(file: ReturnsFile, choice: PortfolioChoice): void {
  if (choice.cashRateAnnual === undefined && choice.borrowSpreadAnnual === undefined) return;
  const cashLine = isCashLine(file);
  if (choice.weights?.some((w) => cashLine(w.symbol))) return;
  throw invalidInput(
    choice.cashRateAnnual === undefined ? 'borrowSpreadAnnual' : 'cashRateAnnual',
    choice.cashRateAnnual ?? choice.borrowSpreadAnnual,
    file.seriesByColumn.has(CASH_LINE)
      ? `the returns file has its own ${CASH_LINE} column, whose returns are used: give no cash rate`
      : `there is no cash line to apply it to (add ${CASH_LINE}=<weight> to the weights)`,
  );
}

/** The explicit cash line of the weights on `dates`, if any (module comment). */
function cashLineOf(
  file: ReturnsFile,
  choice: PortfolioChoice,
  dates: readonly string[],
): CashLine | undefined {
  const cashLine = isCashLine(file);
  const weight = choice.weights?.find((w) => cashLine(w.symbol))?.weight;
  if (weight === undefined) return undefined;
  const rateAnnual =
    (choice.cashRateAnnual ?? 0) + (weight < 0 ? (choice.borrowSpreadAnnual ?? 0) : 0);
  const periodsPerYear = periodsPerYearOf(choice.periodsPerYear, dates);
  return {
    weight,
    rateAnnual,
    ratePerPeriod: (1 + rateAnnual) ** (1 / periodsPerYear) - 1,
    periodsPerYear,
  };
}
