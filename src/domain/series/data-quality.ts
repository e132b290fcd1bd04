/**
 * Data-quality report of one instrument's price bars: an itemised list of findings
 * (`quality-types.ts`) and a score. Findings are reported, never acted on: no bar is deleted,
 * moved or corrected (a −20 % crash day stays in the series and appears as a `jump`).
 *
 * Score (0–100, integer):
 *
 *   score = clamp(round(100 × coverage − Σ penalty(issue)), 0, 100)
 *   coverage = (expected − missing) / expected   (1 when no trading day is expected)
 *
 * where `expected` counts the exchange's trading days from the first to the last observation
 * and `missing` those without a bar. Gaps cost through coverage only; other issues cost per
 * item as in {@link QUALITY_PENALTIES}.
 */

import type { IsoDate } from '../calendar/iso-date.ts';
import type { PriceBar } from '../market/types.ts';
import {
  calendarIssues,
  hasUsablePrice,
  staleIssues,
  stepIssues,
  zeroReturnIssues,
} from './quality-checks.ts';
import {
  resolveQualityOptions,
  type QualityIssue,
  type QualityIssueKind,
  type QualityOptions,
} from './quality-types.ts';

/** Score points deducted per issue of each kind (gaps are charged through coverage). */
export const QUALITY_PENALTIES: Readonly<Record<QualityIssueKind, number>> = {
  gap: 0,
  non_trading_day: 1,
  duplicate_date: 10,
  non_positive_price: 20,
  stale: 5,
  zero_return_run: 2,
  jump: 1,
  split_anomaly: 10,
  dividend_anomaly: 5,
};

/** The report: range, counts, itemised issues (sorted by date) and the score. */
export interface QualityReport {
  /** First and last observation date, `null` for an empty series. */
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly observations: number;
  readonly expectedTradingDays: number;
  readonly missingTradingDays: number;
  readonly issues: readonly QualityIssue[];
  readonly score: number;
}

/** The score formula of the module comment. */
export function qualityScore(input: {
  readonly expectedTradingDays: number;
  readonly missingTradingDays: number;
  readonly issues: readonly QualityIssue[];
}): number {
  const { expectedTradingDays: expected, missingTradingDays: missing } = input;
  const coverage = expected > 0 ? (expected - missing) / expected : 1;
  const penalty = input.issues.reduce((sum, issue) => sum + QUALITY_PENALTIES[issue.kind], 0);
  return Math.min(100, Math.max(0, Math.round(100 * coverage - penalty)));
}

function dedupe(bars: readonly PriceBar[]): { unique: PriceBar[]; issues: QualityIssue[] } {
  const sorted = [...bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const unique: PriceBar[] = [];
  const issues: QualityIssue[] = [];
  for (const bar of sorted) {
    if (unique.at(-1)?.date === bar.date) {
      issues.push({
        date: bar.date,
        kind: 'duplicate_date',
        detail: `more than one bar on ${bar.date}`,
      });
    } else unique.push(bar);
  }
  return { unique, issues };
}

/**
 * Quality report of `bars` (any order; sorted internally) against `options.calendar`, with the
 * thresholds of {@link QualityOptions}. Never throws on bad data.
 */
export function priceQualityReport(
  bars: readonly PriceBar[],
  options: QualityOptions,
): QualityReport {
  const resolved = resolveQualityOptions(options);
  const { unique, issues } = dedupe(bars);
  for (const bar of unique) {
    if (!hasUsablePrice(bar)) {
      const detail = `close ${bar.close}${bar.adjClose === undefined ? '' : `, adjusted ${bar.adjClose}`}`;
      issues.push({ date: bar.date, kind: 'non_positive_price', detail });
    }
  }
  const calendar = calendarIssues(unique, resolved);
  issues.push(
    ...calendar.issues,
    ...staleIssues(unique, resolved),
    ...zeroReturnIssues(unique, resolved),
    ...stepIssues(unique, resolved),
  );
  issues.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind),
  );
  const counts = { expectedTradingDays: calendar.expected, missingTradingDays: calendar.missing };
  return {
    from: unique[0]?.date ?? null,
    to: unique.at(-1)?.date ?? null,
    observations: unique.length,
    ...counts,
    issues,
    score: qualityScore({ ...counts, issues }),
  };
}
