import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { BallastError } from '../../domain/errors.ts';
import type { PriceBar } from '../../domain/market/types.ts';

/** The parts of yahoo-finance2's `chart(..., { return: 'array' })` result this module reads. */
export interface YahooChart {
  readonly meta: { readonly exchangeTimezoneName: string; readonly gmtoffset: number };
  readonly quotes: readonly {
    readonly date: Date;
    readonly open: number | null;
    readonly high: number | null;
    readonly low: number | null;
    readonly close: number | null;
    readonly volume: number | null;
    readonly adjclose?: number | null | undefined;
  }[];
  readonly events?:
    | {
        readonly dividends?:
          readonly { readonly date: Date; readonly amount: number }[] | undefined;
        readonly splits?:
          | readonly {
              readonly date: Date;
              readonly numerator: number;
              readonly denominator: number;
            }[]
          | undefined;
      }
    | undefined;
}

/** A split as a ratio on its exchange-local effective date (4 for 4-for-1). */
export interface YahooSplit {
  readonly date: IsoDate;
  readonly ratio: number;
}

/** A DATA_UNAVAILABLE error for a Yahoo payload that does not make sense. */
export function malformedYahoo(why: string, details: Record<string, unknown> = {}): BallastError {
  return new BallastError('DATA_UNAVAILABLE', `yahoo: malformed response: ${why}`, {
    provider: 'yahoo',
    reason: 'malformed',
    ...details,
  });
}

/**
 * A function mapping an instant to its calendar date on the exchange: Yahoo stamps a daily bar
 * (and its dividend and split events) with the session's opening instant, so the bar's trading
 * day is the exchange-local date of that instant (a Sydney session opening 23:00 UTC belongs to
 * the next calendar day). Uses the IANA zone `timeZone`; if the runtime does not know it, the
 * fixed offset `gmtoffsetSeconds` (the zone's current offset) is used instead.
 */
export function exchangeDateOf(
  timeZone: string,
  gmtoffsetSeconds: number,
): (instant: Date) => IsoDate {
  let format: Intl.DateTimeFormat | undefined;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch {
    format = undefined;
  }
  return (instant) => {
    if (!format)
      return new Date(instant.getTime() + gmtoffsetSeconds * 1000).toISOString().slice(0, 10);
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    return `${parts['year']}-${parts['month']}-${parts['day']}`;
  };
}

/** Split events of a chart as ratios (numerator / denominator) on exchange-local dates. */
export function chartSplits(chart: YahooChart): YahooSplit[] {
  const dateOf = exchangeDateOf(chart.meta.exchangeTimezoneName, chart.meta.gmtoffset);
  return (chart.events?.splits ?? []).map((s) => {
    const ratio = s.numerator / s.denominator;
    if (!(Number.isFinite(ratio) && ratio > 0))
      throw malformedYahoo(`split ratio ${s.numerator}:${s.denominator}`);
    return { date: dateOf(s.date), ratio };
  });
}

function positive(
  value: number | null | undefined,
  field: string,
  date: IsoDate,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!(Number.isFinite(value) && value >= 0))
    throw malformedYahoo(`${field} ${value} on ${date}`, { date, field });
  return value;
}

/** The first date in ascending `dates` on or after `date`, if any. */
function onOrAfter(dates: readonly IsoDate[], date: IsoDate): IsoDate | undefined {
  return dates.find((d) => d >= date);
}

/**
 * Converts a Yahoo daily chart into unadjusted {@link PriceBar}s within [from, to].
 *
 * Yahoo's chart OHLC, volume and dividend amounts are **split-adjusted** to today (NVDA's
 * 2021-02-01 open shows 13.05, the traded price 522.13 divided by the 4:1 split of 2021-07-20
 * and the 10:1 split of 2024-06-10); only `adjclose` also folds in dividends. Prices and
 * dividends are un-adjusted here by F(t), the product of the ratios of every split strictly
 * after t — those in the chart plus `laterSplits` (splits after the chart's window, which the
 * caller fetches separately); volume is divided by F(t). `adjClose` is kept as Yahoo gives it.
 *
 * Bars without a close (Yahoo's placeholders for halted or unfinished sessions) are skipped;
 * two bars on one exchange date keep the later one. A dividend or split dated on a day without
 * a bar is put on the next bar (the first session that trades ex-dividend / post-split); one
 * after the last bar in range is left out. Nothing is filled or invented.
 *
 * @throws BallastError DATA_UNAVAILABLE (`reason: 'malformed'`) for non-finite or negative values.
 */
export function chartToPriceBars(
  chart: YahooChart,
  laterSplits: readonly YahooSplit[],
  range: { readonly from: IsoDate; readonly to: IsoDate },
): PriceBar[] {
  const dateOf = exchangeDateOf(chart.meta.exchangeTimezoneName, chart.meta.gmtoffset);
  const splits = [...chartSplits(chart), ...laterSplits];
  const uniqueSplits = [...new Map(splits.map((s) => [s.date, s])).values()];
  const factorAfter = (date: IsoDate): number =>
    uniqueSplits.filter((s) => s.date > date).reduce((f, s) => f * s.ratio, 1);

  const byDate = new Map<IsoDate, YahooChart['quotes'][number]>();
  for (const q of chart.quotes) {
    const date = dateOf(q.date);
    if (q.close === null || date < range.from || date > range.to) continue;
    byDate.set(date, q);
  }
  const dates = [...byDate.keys()].sort();

  const dividends = new Map<IsoDate, number>();
  for (const d of chart.events?.dividends ?? []) {
    const exDate = dateOf(d.date);
    const amount = positive(d.amount, 'dividend', exDate);
    const target =
      exDate >= range.from && exDate <= range.to ? onOrAfter(dates, exDate) : undefined;
    if (target === undefined || amount === undefined) continue;
    dividends.set(target, (dividends.get(target) ?? 0) + amount * factorAfter(exDate));
  }
  const splitOn = new Map<IsoDate, number>();
  for (const s of uniqueSplits) {
    const target =
      s.date >= range.from && s.date <= range.to ? onOrAfter(dates, s.date) : undefined;
    if (target !== undefined) splitOn.set(target, (splitOn.get(target) ?? 1) * s.ratio);
  }

  return dates.map((date) => {
    const q = byDate.get(date)!;
    const f = factorAfter(date);
    const close = positive(q.close, 'close', date);
    if (close === undefined || close === 0)
      throw malformedYahoo(`close ${q.close} on ${date}`, { date });
    const scaled = (v: number | null, field: string): number | undefined => {
      const x = positive(v, field, date);
      return x === undefined ? undefined : x * f;
    };
    const open = scaled(q.open, 'open');
    const high = scaled(q.high, 'high');
    const low = scaled(q.low, 'low');
    const adjClose = positive(q.adjclose, 'adjclose', date);
    const volume = positive(q.volume, 'volume', date);
    return {
      date,
      ...(open === undefined ? {} : { open }),
      ...(high === undefined ? {} : { high }),
      ...(low === undefined ? {} : { low }),
      close: close * f,
      ...(adjClose === undefined ? {} : { adjClose }),
      ...(volume === undefined ? {} : { volume: Math.round(volume / f) }),
      dividend: dividends.get(date) ?? 0,
      split: splitOn.get(date) ?? 1,
    };
  });
}
