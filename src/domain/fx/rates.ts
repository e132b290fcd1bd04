/**
 * FX rate lookup over stored rate series (docs/currencies.md).
 *
 * As-of rule: the rate of a pair for a date is the **last known rate on or before that date**
 * (a weekend or holiday takes the previous fixing; nothing is interpolated or taken from a later
 * day). No rate on or before the date is DATA_UNAVAILABLE naming the pair and the date.
 *
 * A conversion `from → to` uses, in this order: the identity (same currency, rate 1); the stored
 * pair `FROMTO`; the inverse of the stored pair `TOFROM` (1 / rate); a cross through a pivot
 * currency (USD, then EUR): `from → pivot → to`, each leg found directly or inverted. Cross
 * rates are computed on every lookup, never stored.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import { pairName, type CurrencyCode } from './currency.ts';

/** One observation of a rate series: quote units per base unit on `date`. */
export interface RatePoint {
  readonly date: IsoDate;
  readonly value: number;
}

/** A rate found for a date. */
export interface FxRate {
  /** Units of `to` per unit of `from`. */
  readonly rate: number;
  /**
   * The observation date used (on or before the asked date); for a cross rate, the older of
   * the two legs' dates.
   */
  readonly date: IsoDate;
  /** The stored observations used, in conversion order; `[]` for the identity. */
  readonly legs: readonly FxLeg[];
}

/** One stored observation a rate used. */
export interface FxLeg {
  /** The stored pair (`EURUSD`). */
  readonly pair: string;
  /** True when the conversion used 1 / the stored rate. */
  readonly inverted: boolean;
  /** The observation's date (the last on or before the asked date). */
  readonly date: IsoDate;
  /** The stored rate (quote per base of `pair`, before any inversion). */
  readonly value: number;
}

/** Pivot currencies tried for a cross rate, in order. */
export const FX_PIVOTS: readonly CurrencyCode[] = ['USD', 'EUR'];

/** Index of the last point on or before `date` in ascending `points`, or −1. */
function lastOnOrBefore(points: readonly RatePoint[], date: IsoDate): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A rate leg: direct or inverted stored pair, with the rate it gives. */
interface Leg extends FxLeg {
  readonly rate: number;
}

const legOf = ({ pair, inverted, date, value }: Leg): FxLeg => ({ pair, inverted, date, value });

/**
 * Stored rate series by pair name (`EURUSD` → points ascending by date), answering conversions
 * under the as-of rule of the module comment.
 */
export class FxRates {
  private readonly series: ReadonlyMap<string, readonly RatePoint[]>;

  /**
   * @param series points per pair name (`EURUSD`), ascending by date; rates must be positive
   *   and finite (a non-positive rate is INVALID_INPUT naming the pair and date).
   */
  constructor(series: ReadonlyMap<string, readonly RatePoint[]>) {
    for (const [pair, points] of series)
      for (const p of points)
        if (!(Number.isFinite(p.value) && p.value > 0))
          throw new BallastError(
            'INVALID_INPUT',
            `FX:${pair} on ${p.date}: a rate must be a positive number (got ${p.value})`,
            { pair, date: p.date, value: p.value },
          );
    this.series = series;
  }

  /** The pair names with at least one point. */
  pairs(): string[] {
    return [...this.series].filter(([, p]) => p.length > 0).map(([name]) => name);
  }

  private leg(from: CurrencyCode, to: CurrencyCode, date: IsoDate): Leg | undefined {
    const direct = pairName({ base: from, quote: to });
    const points = this.series.get(direct);
    const i = points ? lastOnOrBefore(points, date) : -1;
    if (i >= 0) {
      const { date: at, value } = points![i]!;
      return { rate: value, pair: direct, inverted: false, date: at, value };
    }
    const inverse = pairName({ base: to, quote: from });
    const back = this.series.get(inverse);
    const j = back ? lastOnOrBefore(back, date) : -1;
    if (j >= 0) {
      const { date: at, value } = back![j]!;
      return { rate: 1 / value, pair: inverse, inverted: true, date: at, value };
    }
    return undefined;
  }

  /** The rate `from → to` for `date`, or undefined when none is known on or before it. */
  find(from: CurrencyCode, to: CurrencyCode, date: IsoDate): FxRate | undefined {
    if (from === to) return { rate: 1, date, legs: [] };
    const leg = this.leg(from, to, date);
    if (leg) return { rate: leg.rate, date: leg.date, legs: [legOf(leg)] };
    for (const pivot of FX_PIVOTS) {
      if (pivot === from || pivot === to) continue;
      const a = this.leg(from, pivot, date);
      const b = a && this.leg(pivot, to, date);
      if (a && b)
        return {
          rate: a.rate * b.rate,
          date: a.date < b.date ? a.date : b.date,
          legs: [legOf(a), legOf(b)],
        };
    }
    return undefined;
  }

  /**
   * The rate `from → to` for `date` (units of `to` per unit of `from`).
   * @throws BallastError DATA_UNAVAILABLE naming the pair and the date when no rate is known
   *   on or before it, directly, inverted or through a pivot.
   */
  rate(from: CurrencyCode, to: CurrencyCode, date: IsoDate): FxRate {
    const found = this.find(from, to, date);
    if (found) return found;
    const pair = pairName({ base: from, quote: to });
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `no FX rate ${pair} on or before ${date} (stored FX:${pair}, FX:${pairName({ base: to, quote: from })} or a cross through ${FX_PIVOTS.join('/')}; import or fetch one: docs/currencies.md)`,
      { pair, date },
    );
  }
}

/** The stored pairs that can serve conversions between `currencies` and `base` (direct, inverse, via pivots). */
export function pairsNeeded(currencies: Iterable<CurrencyCode>, base: CurrencyCode): string[] {
  const out = new Set<string>();
  const both = (a: CurrencyCode, b: CurrencyCode): void => {
    if (a === b) return;
    out.add(`${a}${b}`);
    out.add(`${b}${a}`);
  };
  for (const c of currencies) {
    if (c === base) continue;
    both(c, base);
    for (const p of FX_PIVOTS) {
      both(c, p);
      both(p, base);
    }
  }
  return [...out].sort();
}
