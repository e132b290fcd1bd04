/**
 * Benchmark total return over the same periods as the portfolio, from the benchmark's adjusted
 * closes (split- and dividend-adjusted, so no dividend is added again — docs/conventions.md "Returns"):
 * R = A(end) / A(start) − 1 with A taken at the close of the period's last day and of the day
 * before its first day (the portfolio's base), as of the last adjusted close on or before each
 * day (a carried close is flagged).
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError, invalidInput } from '../errors.ts';

/** One adjusted close of the benchmark. */
export interface AdjustedClose {
  readonly date: IsoDate;
  readonly adjClose: number;
}

/** A benchmark close carried to a day without its own close. */
export interface BenchmarkCarry {
  readonly date: IsoDate;
  readonly priceDate: IsoDate;
}

/** As-of lookups on an ascending adjusted-close series. */
export class BenchmarkSeries {
  readonly carried = new Map<IsoDate, BenchmarkCarry>();

  constructor(
    readonly symbol: string,
    private readonly closes: readonly AdjustedClose[],
  ) {
    closes.forEach((p, i) => {
      if (!(p.adjClose > 0 && Number.isFinite(p.adjClose)))
        throw invalidInput(
          `benchmark.${symbol}.adjClose`,
          p.adjClose,
          `on ${p.date} must be positive`,
        );
      if (i > 0 && !(p.date > closes[i - 1]!.date))
        throw invalidInput(`benchmark.${symbol}.date`, p.date, 'must be strictly ascending');
    });
  }

  /**
   * The adjusted close at `date` (the last one on or before it; carried ones are remembered in
   * {@link carried}). Throws DATA_UNAVAILABLE when the series starts after `date`.
   */
  at(date: IsoDate): number {
    let lo = 0;
    let hi = this.closes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.closes[mid]!.date <= date) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const point = this.closes[found];
    if (point === undefined)
      throw new BallastError(
        'DATA_UNAVAILABLE',
        `benchmark ${this.symbol}: no adjusted close on or before ${date}`,
        { field: 'benchmark', symbol: this.symbol, date },
      );
    if (point.date !== date) this.carried.set(date, { date, priceDate: point.date });
    return point.adjClose;
  }

  /** Total return from the close of `start` to the close of `end`: A(end)/A(start) − 1. */
  returnBetween(start: IsoDate, end: IsoDate): number {
    return this.at(end) / this.at(start) - 1;
  }
}
