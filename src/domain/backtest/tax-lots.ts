/**
 * Taxes of a backtest in a taxable account (docs/backtest.md, "Taxes"): the shares of each
 * asset are kept as tax lots, realised gains are added up per calendar year and term, and
 * each year's estimated tax is paid from the portfolio's cash.
 *
 * - A buy opens a lot at the trade price, its cost in the basis (or first covers short lots).
 *   A sale relieves long lots by the lot method (`hifo`: highest cost per share first, the
 *   default; `fifo`: oldest first; ledger/relief.ts), its cost taken off the proceeds pro
 *   rata; what it sells beyond the long lots opens a short lot. The term is the ledger's
 *   (ledger/holding-period.ts: long-term when sold more than one year after the purchase);
 *   a short lot's gain is always short-term.
 * - Money is in cents: each lot's basis and each slice's proceeds are rounded to the cent.
 * - At the last row of each calendar year present in the data — and at the final row (or
 *   the row the strategy stops on) for the last, partial year — the year's tax is estimated
 *   (tax/estimate-tax.ts: Schedule D netting, the $3,000 loss deduction) and paid from cash
 *   (cash may go negative: borrowed, as any cash). A negative tax (the loss deduction's
 *   saving) is credited. The carryforward is chained: the net loss carried out of a year is
 *   added to the next year's short-term gains (a simplification: the IRS worksheet keeps
 *   the carryover's character).
 * - Dividends paid on unadjusted closes ({@link TaxLots.dividend}) are added up per year and
 *   taxed with the year's gains, at the long-term rate when `dividends` is `qualified` (the
 *   default) and the short-term rate when `ordinary`, plus `state` and `niit` in both cases:
 *   `tax = round(D × (rate + state + niit))` on the year's dividends D in cents, D ≥ 0 (a short
 *   position's payment lowers D, never below 0; it is not a deduction). The capital-loss
 *   deduction stays the gains' (it offsets no dividend).
 * - Not modelled: wash sales (the backtest trades one portfolio on a schedule; a wash-sale
 *   pass is out of scope), tax on dividends held in total-return closes, the tax on the gains
 *   left unrealised at the end.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { holdingTerm } from '../ledger/holding-period.ts';
import { roundHalfAway, roundQuantity, type Cents } from '../ledger/money.ts';
import { relieveLots } from '../ledger/relief.ts';
import type { Lot } from '../ledger/types.ts';
import { estimateTax } from '../tax/estimate-tax.ts';
import type { TaxRates } from '../tax/types.ts';
import type { Book, Fill } from './book.ts';

/** The lot methods a backtest offers. */
export const BACKTEST_LOT_METHODS = ['hifo', 'fifo'] as const;
export type BacktestLotMethod = (typeof BACKTEST_LOT_METHODS)[number];

/** How dividends received are taxed: `qualified` at the long-term rate, `ordinary` at the short-term. */
export const BACKTEST_DIVIDEND_TAXES = ['qualified', 'ordinary'] as const;
export type BacktestDividendTax = (typeof BACKTEST_DIVIDEND_TAXES)[number];

/** A strategy's tax settings (docs/backtest.md, "Taxes"). */
export interface BacktestTax {
  readonly account: 'taxable';
  readonly rates: TaxRates;
  readonly lotMethod: BacktestLotMethod;
  readonly payFrom: 'portfolio';
  /** How dividends paid on unadjusted closes are taxed (default `qualified`). */
  readonly dividends?: BacktestDividendTax;
}

/** One calendar year of a taxed run, money in dollars. */
export interface TaxYear {
  readonly year: number;
  /** Row (close) on which the year's tax was paid. */
  readonly date: IsoDate;
  /** Net short-term gain realised in the year (before the carryforward coming in). */
  readonly shortTerm: number;
  /** Net long-term gain realised in the year. */
  readonly longTerm: number;
  /** Net capital loss carried in from the previous year (≥ 0). */
  readonly carryforwardIn: number;
  /** Estimated tax paid from cash (negative: a saving credited). */
  readonly tax: number;
  /** Net capital loss carried to the next year (≥ 0). */
  readonly carryforward: number;
  /** With dividends paid (unadjusted closes): the year's dividends received (≥ 0). */
  readonly dividends?: number;
  /** The part of `tax` on those dividends. */
  readonly dividendTax?: number;
}

/** What the taxes of a run came to. */
export interface TaxOutcome {
  readonly byYear: readonly TaxYear[];
  /** Σ tax over the years (negative: more saved than paid). */
  readonly totalTax: number;
}

const sourceRef = { line: 0 };
const ACCOUNT = 'taxable';

/** The lots of one strategy and its realised gains (module comment). */
export class TaxLots {
  private readonly lots: Lot[][];
  private readonly years: TaxYear[] = [];
  private nextId = 0;
  private shortCents: Cents = 0;
  private longCents: Cents = 0;
  private carryCents: Cents = 0;
  private dividendCents: Cents = 0;
  private paysDividends = false;

  constructor(
    private readonly tax: BacktestTax,
    private readonly assets: readonly string[],
    private readonly dates: readonly IsoDate[],
  ) {
    this.lots = assets.map(() => []);
  }

  /** The open lots of asset `i` (for tests and reports). */
  openLots(i: number): readonly Lot[] {
    return this.lots[i]!;
  }

  /** Says that the run pays dividends: each year then reports its dividends and their tax. */
  receivesDividends(): void {
    this.paysDividends = true;
  }

  /** Records dividends paid on a row (money, negative for a short position's payment). */
  dividend(money: number): void {
    this.paysDividends = true;
    this.dividendCents += roundHalfAway(money * 100);
  }

  /** The tax on the year's dividends, in cents (module comment). */
  private dividendTaxCents(): Cents {
    const { rates } = this.tax;
    const rate = this.tax.dividends === 'ordinary' ? rates.shortTerm : rates.longTerm;
    return Math.round(Math.max(0, this.dividendCents) * (rate + rates.state + rates.niit));
  }

  /** Records a trade of asset `i` on `row` (the book's `onTrade`). */
  trade(i: number, row: number, { quantity, price, cost }: Fill): void {
    const date = this.dates[row]!;
    const lots = this.lots[i]!;
    const size = Math.abs(quantity);
    const sign = quantity > 0 ? 1 : -1;
    const perShare = price + (sign * cost) / size;
    let opposite = 0;
    for (const lot of lots)
      if (Math.sign(lot.quantity) === -sign) opposite += Math.abs(lot.quantity);
    const close = roundQuantity(Math.min(size, opposite));
    if (close > 0) this.close(i, date, { sign, size: close, perShare });
    const rest = roundQuantity(size - close);
    if (rest > 0)
      lots.push({
        id: `B${this.nextId++}`,
        account: ACCOUNT,
        symbol: this.assets[i]!,
        acquired: date,
        quantity: sign * rest,
        basisCents: sign * roundHalfAway(rest * perShare * 100),
      });
  }

  /**
   * Closes `size` shares of the lots opposite to a trade of sign `sign` at `perShare` (net of
   * the trade's cost): a sale (sign −1) relieves long lots, a buy (+1) covers short lots.
   */
  private close(
    i: number,
    date: IsoDate,
    { sign, size, perShare }: { sign: number; size: number; perShare: number },
  ): void {
    const slices = relieveLots(this.lots[i]!, {
      account: ACCOUNT,
      symbol: this.assets[i]!,
      side: sign < 0 ? 'long' : 'short',
      quantity: size,
      method: this.tax.lotMethod,
      source: sourceRef,
    });
    for (const slice of slices) {
      const money = roundHalfAway(slice.quantity * perShare * 100);
      const gain = money - slice.basisCents;
      if (sign < 0 && holdingTerm(slice.lot.acquired, date) === 'long') this.longCents += gain;
      else this.shortCents += gain;
    }
  }

  /**
   * At the close of `row`, after its trades: on the last row of a calendar year, or when
   * `final`, estimates the year's tax and pays it from `book`'s cash; returns the tax paid.
   */
  endOfRow(book: Book, row: number, final: boolean): number {
    const date = this.dates[row]!;
    const next = this.dates[row + 1];
    if (!final && next !== undefined && next.slice(0, 4) === date.slice(0, 4)) return 0;
    const estimate = estimateTax(
      { shortTermCents: this.shortCents - this.carryCents, longTermCents: this.longCents },
      this.tax.rates,
    );
    const dividendTax = this.dividendTaxCents();
    const tax = (estimate.taxCents + dividendTax) / 100;
    book.moveCash(-tax);
    this.years.push({
      year: Number(date.slice(0, 4)),
      date,
      shortTerm: this.shortCents / 100,
      longTerm: this.longCents / 100,
      carryforwardIn: this.carryCents / 100,
      tax,
      carryforward: estimate.carryforwardCents / 100,
      ...(this.paysDividends
        ? { dividends: Math.max(0, this.dividendCents) / 100, dividendTax: dividendTax / 100 }
        : {}),
    });
    this.carryCents = estimate.carryforwardCents;
    this.dividendCents = 0;
    this.shortCents = 0;
    this.longCents = 0;
    return tax;
  }

  /** The years taxed so far and their total. */
  outcome(): TaxOutcome {
    const totalCents = this.years.reduce((s, y) => s + Math.round(y.tax * 100), 0);
    return { byYear: this.years, totalTax: totalCents / 100 };
  }
}
