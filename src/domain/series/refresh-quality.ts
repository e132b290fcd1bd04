/**
 * Quality rules run after a refresh over the newly stored bars plus some stored context: gaps
 * (NYSE trading days missing), stale closes (the same close repeated), jumps beyond N σ of the
 * trailing returns, and split-like jumps (a close ratio near a common split ratio) with no split
 * recorded. Only findings that touch a new bar (dated after `after`, the last date stored
 * before the refresh) are returned: a finding inside the context was reported by an earlier
 * refresh. Nothing is deleted or corrected; the findings become alerts.
 *
 * @example
 * ```ts
 * const findings = refreshFindings(bars, '2024-06-05', { calendar: createNyseCalendar() });
 * findings[0]; // { date: '2024-06-07', code: 'JUMP', message: '…', details: { z: 7.1, … } }
 * ```
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { TradingCalendar } from '../calendar/trading-calendar.ts';
import type { PriceBar } from '../market/types.ts';
import { calendarIssues, hasUsablePrice } from './quality-checks.ts';
import { resolveQualityOptions } from './quality-types.ts';
import { unadjustedTotalReturn } from './total-returns.ts';

/** Codes of the refresh findings (also the alerts' codes). */
export type RefreshFindingCode = 'GAP' | 'STALE_CLOSE' | 'JUMP' | 'SPLIT_LIKE_JUMP';

/** One finding: the (first) date concerned, a code, a sentence and the facts behind it. */
export interface RefreshFinding {
  readonly date: IsoDate;
  readonly code: RefreshFindingCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Options of {@link refreshFindings}; every threshold has a documented default. */
export interface RefreshQualityOptions {
  /** Exchange calendar the gaps are measured against (NYSE for US listings). */
  readonly calendar: TradingCalendar;
  /** The same close on at least this many consecutive bars is `STALE_CLOSE` (default 5). */
  readonly staleDays?: number;
  /** |z| of a daily return above this is a `JUMP` (default 5). */
  readonly sigmas?: number;
  /** Trailing returns the mean and σ of a `JUMP` are measured on (default 60). */
  readonly window?: number;
  /** Fewer trailing returns than this: no σ test (default 20). */
  readonly minReturns?: number;
  /** Split ratios considered (default 1.5, 2, 3, 4, 5, 8, 10, 20 and their reverses). */
  readonly splitRatios?: readonly number[];
  /** Relative tolerance when matching a close ratio to a split ratio (default 0.02). */
  readonly splitTolerance?: number;
}

type Resolved = Required<RefreshQualityOptions>;

function resolve(options: RefreshQualityOptions): Resolved {
  const base = resolveQualityOptions({ calendar: options.calendar });
  return {
    calendar: options.calendar,
    staleDays: options.staleDays ?? 5,
    sigmas: options.sigmas ?? 5,
    window: options.window ?? 60,
    minReturns: options.minReturns ?? 20,
    splitRatios: options.splitRatios ?? base.splitRatios,
    splitTolerance: options.splitTolerance ?? base.splitTolerance,
  };
}

/**
 * Findings on the bars dated after `after` (bars: context then new bars, ascending by date,
 * unique dates). Convention for `JUMP`: the simple daily total return r = (close + dividend) /
 * (previous close / split) − 1, against the mean and the sample standard deviation (n − 1) of
 * the `window` returns before it (context and earlier new bars); z = (r − mean) / σ. A step
 * that is a `SPLIT_LIKE_JUMP` is not also reported as a `JUMP`.
 */
export function refreshFindings(
  bars: readonly PriceBar[],
  after: IsoDate,
  options: RefreshQualityOptions,
): RefreshFinding[] {
  const o = resolve(options);
  const findings = [...gapFindings(bars, after, o), ...staleFindings(bars, after, o)];
  findings.push(...stepFindings(bars, after, o));
  return findings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function gapFindings(bars: readonly PriceBar[], after: IsoDate, o: Resolved): RefreshFinding[] {
  const { issues } = calendarIssues(bars, resolveQualityOptions({ calendar: o.calendar }));
  return issues
    .filter((i) => i.kind === 'gap' && i.date > after)
    .map((i) => ({
      date: i.date,
      code: 'GAP' as const,
      message: i.detail,
      details: { from: i.date },
    }));
}

/** Runs of identical closes of at least `staleDays` bars that end on a new bar. */
function staleFindings(bars: readonly PriceBar[], after: IsoDate, o: Resolved): RefreshFinding[] {
  const findings: RefreshFinding[] = [];
  let start = 0;
  for (let i = 1; i <= bars.length; i += 1) {
    if (i < bars.length && bars[i]?.close === bars[start]?.close) continue;
    const head = bars[start];
    const last = bars[i - 1];
    if (head && last && i - start >= o.staleDays && last.date > after) {
      findings.push({
        date: head.date,
        code: 'STALE_CLOSE',
        message: `close ${head.close} repeated on ${i - start} consecutive bars ${head.date}..${last.date}`,
        details: { close: head.close, bars: i - start, from: head.date, to: last.date },
      });
    }
    start = i;
  }
  return findings;
}

function splitLike(ratio: number, o: Resolved): string | undefined {
  for (const k of o.splitRatios) {
    if (Math.abs(ratio * k - 1) <= o.splitTolerance) return `${k}-for-1 split`;
    if (Math.abs(ratio / k - 1) <= o.splitTolerance) return `1-for-${k} reverse split`;
  }
  return undefined;
}

/** Mean and sample standard deviation of `xs` (n ≥ 2). */
function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (xs.length - 1)) };
}

function stepFindings(bars: readonly PriceBar[], after: IsoDate, o: Resolved): RefreshFinding[] {
  const findings: RefreshFinding[] = [];
  const returns: number[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const prev = bars[i - 1];
    const bar = bars[i];
    if (!prev || !bar || !hasUsablePrice(prev) || !hasUsablePrice(bar) || !(bar.split > 0))
      continue;
    const r = unadjustedTotalReturn(prev, bar);
    const split = bar.split === 1 ? splitLike(bar.close / prev.close, o) : undefined;
    if (bar.date > after && split !== undefined) {
      findings.push({
        date: bar.date,
        code: 'SPLIT_LIKE_JUMP',
        message: `close ${prev.close} → ${bar.close} looks like a ${split} but no split is stored`,
        details: { previousClose: prev.close, close: bar.close, ratio: bar.close / prev.close },
      });
    } else if (bar.date > after && returns.length >= o.minReturns) {
      const trailing = returns.slice(-o.window);
      const { mean, sd } = meanSd(trailing);
      const z = sd > 0 ? (r - mean) / sd : 0;
      if (Math.abs(z) > o.sigmas) {
        findings.push({
          date: bar.date,
          code: 'JUMP',
          message: `return ${(r * 100).toFixed(2)} % is ${z.toFixed(1)} σ from the trailing ${trailing.length} returns`,
          details: { return: r, z, mean, sd, window: trailing.length },
        });
      }
    }
    if (split === undefined) returns.push(r);
  }
  return findings;
}
