/**
 * The individual checks of the data-quality report. Each takes bars sorted by date with
 * unique dates and returns issues; none throws on bad data.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import { tradingDaysBetween } from '../calendar/trading-days.ts';
import type { PriceBar } from '../market/types.ts';
import type { QualityIssue, ResolvedQualityOptions } from './quality-types.ts';
import { unadjustedTotalReturn } from './total-returns.ts';

/** True when the bar's prices can enter a return (finite, positive close and adjClose). */
export function hasUsablePrice(bar: PriceBar): boolean {
  const adjOk = bar.adjClose === undefined || (Number.isFinite(bar.adjClose) && bar.adjClose > 0);
  return Number.isFinite(bar.close) && bar.close > 0 && adjOk;
}

/** Missing trading days as one `gap` issue per run, plus closed-day observations. */
export function calendarIssues(
  bars: readonly PriceBar[],
  options: ResolvedQualityOptions,
): { issues: QualityIssue[]; expected: number; missing: number } {
  const first = bars[0]?.date;
  const last = bars.at(-1)?.date;
  if (first === undefined || last === undefined) return { issues: [], expected: 0, missing: 0 };
  const observed = new Set(bars.map((b) => b.date));
  const expected = tradingDaysBetween(options.calendar, { from: first, to: last });
  const issues: QualityIssue[] = bars
    .filter((b) => !options.calendar.isTradingDay(b.date))
    .map((b) => ({
      date: b.date,
      kind: 'non_trading_day',
      detail: `observation on ${b.date}, a day ${options.calendar.name} is closed`,
    }));
  let run: IsoDate[] = [];
  let missing = 0;
  const flush = (): void => {
    if (run.length === 0) return;
    const span = run.length === 1 ? run[0] : `${run[0]}..${run.at(-1)}`;
    issues.push({
      date: run[0] ?? '',
      kind: 'gap',
      detail: `${run.length} trading day(s) missing: ${span}`,
    });
    run = [];
  };
  for (const day of expected) {
    if (observed.has(day)) flush();
    else {
      run.push(day);
      missing += 1;
    }
  }
  flush();
  return { issues, expected: expected.length, missing };
}

/** Runs of identical closes (`stale`), reported at the run's first date. */
export function staleIssues(
  bars: readonly PriceBar[],
  options: ResolvedQualityOptions,
): QualityIssue[] {
  const issues: QualityIssue[] = [];
  let start = 0;
  for (let i = 1; i <= bars.length; i += 1) {
    if (i < bars.length && bars[i]?.close === bars[start]?.close) continue;
    const length = i - start;
    const head = bars[start];
    if (head && length >= options.staleDays) {
      const detail = `close ${head.close} repeated on ${length} consecutive bars through ${bars[i - 1]?.date ?? ''}`;
      issues.push({ date: head.date, kind: 'stale', detail });
    }
    start = i;
  }
  return issues;
}

function matchesSplit(ratio: number, options: ResolvedQualityOptions): string | undefined {
  for (const k of options.splitRatios) {
    if (Math.abs(ratio * k - 1) <= options.splitTolerance) return `${k}-for-1 split`;
    if (Math.abs(ratio / k - 1) <= options.splitTolerance) return `1-for-${k} reverse split`;
  }
  return undefined;
}

/** Per-step checks between consecutive usable bars: jumps, split and dividend anomalies. */
export function stepIssues(
  bars: readonly PriceBar[],
  options: ResolvedQualityOptions,
): QualityIssue[] {
  const issues: QualityIssue[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const prev = bars[i - 1];
    const bar = bars[i];
    if (!prev || !bar || !hasUsablePrice(prev) || !hasUsablePrice(bar)) continue;
    const rawRatio = bar.close / prev.close;
    const validSplit = Number.isFinite(bar.split) && bar.split > 0;
    const validDividend = Number.isFinite(bar.dividend) && bar.dividend >= 0;
    if (!validDividend || bar.dividend > options.largeDividendRatio * prev.close) {
      const detail = `dividend ${bar.dividend} vs previous close ${prev.close}`;
      issues.push({ date: bar.date, kind: 'dividend_anomaly', detail });
    }
    if (!validSplit) {
      issues.push({
        date: bar.date,
        kind: 'split_anomaly',
        detail: `split ratio ${bar.split} is not positive`,
      });
      continue;
    }
    const split = matchesSplit(rawRatio, options);
    if (bar.split === 1 && split !== undefined) {
      const detail = `close ${prev.close} → ${bar.close} matches a ${split} but none is recorded`;
      issues.push({ date: bar.date, kind: 'split_anomaly', detail });
    }
    if (bar.split !== 1 && Math.abs(rawRatio - 1) <= options.jumpThreshold) {
      const detail = `split ${bar.split} recorded but close ${prev.close} → ${bar.close} did not follow`;
      issues.push({ date: bar.date, kind: 'split_anomaly', detail });
    }
    const r = unadjustedTotalReturn(prev, { ...bar, dividend: validDividend ? bar.dividend : 0 });
    if (Math.abs(r) > options.jumpThreshold) {
      const detail = `total return ${(r * 100).toFixed(2)} % (close ${prev.close} → ${bar.close})`;
      issues.push({ date: bar.date, kind: 'jump', detail });
    }
  }
  return issues;
}

/**
 * Runs of exactly-zero total returns (|r| < 1e-12) of at least `zeroReturnRun` steps, at the
 * run's first zero-return date; runs of identical closes long enough to be `stale` are skipped
 * (already reported).
 */
export function zeroReturnIssues(
  bars: readonly PriceBar[],
  options: ResolvedQualityOptions,
): QualityIssue[] {
  const zero = bars.map((bar, i) => {
    const prev = bars[i - 1];
    if (!prev || !hasUsablePrice(prev) || !hasUsablePrice(bar) || !(bar.split > 0)) return false;
    return Math.abs(unadjustedTotalReturn(prev, bar)) < 1e-12;
  });
  const issues: QualityIssue[] = [];
  let start = -1;
  for (let i = 0; i <= bars.length; i += 1) {
    if (i < bars.length && zero[i]) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const steps = i - start;
      const span = bars.slice(start - 1, i);
      const stale =
        span.length >= options.staleDays && span.every((b) => b.close === span[0]?.close);
      if (steps >= options.zeroReturnRun && !stale) {
        const detail = `${steps} consecutive zero returns through ${bars[i - 1]?.date ?? ''}`;
        issues.push({ date: bars[start]?.date ?? '', kind: 'zero_return_run', detail });
      }
    }
    start = -1;
  }
  return issues;
}
