/**
 * What Ballast knows about FRED series it reads: the unit each series is quoted in (so percent
 * is converted to decimal by table, never by magnitude — docs/conventions.md "Units") and, for monthly
 * price indexes, when an observation became public (docs/conventions.md "Inflation": use the CPI that was
 * available at the time).
 *
 * Units come from each series' FRED page ("Units: Percent", "Units: Index 1982-1984=100", …).
 */

import { daysInMonth, parseIsoDate, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { invalidInput } from '../../domain/errors.ts';
import { FRED_FX_SERIES } from '../fx/fred-fx.ts';

/** How a FRED series quotes its values: `percent` (divided by 100 on read) or a `level` (kept). */
export type FredUnit = 'percent' | 'level';

/**
 * Release-lag rule of a monthly index: `cpi` — BLS publishes CPI for month M around mid-M+1, so
 * it is available from the 15th of M+1; `pce` — BEA publishes the PCE price index in the last
 * days of M+1, so it is available from the last calendar day of M+1.
 */
export type FredReleaseRule = 'cpi' | 'pce';

const PERCENT_SERIES = [
  // Treasury constant-maturity yields (H.15), daily and monthly averages.
  ...[
    'DGS1MO',
    'DGS3MO',
    'DGS6MO',
    'DGS1',
    'DGS2',
    'DGS3',
    'DGS5',
    'DGS7',
    'DGS10',
    'DGS20',
    'DGS30',
  ],
  ...['GS1M', 'GS3M', 'GS6M', 'GS1', 'GS2', 'GS3', 'GS5', 'GS7', 'GS10', 'GS20', 'GS30'],
  // TIPS real yields, daily and monthly.
  ...['DFII5', 'DFII7', 'DFII10', 'DFII20', 'DFII30', 'FII5', 'FII7', 'FII10', 'FII20', 'FII30'],
  // Treasury bills, secondary market, discount basis.
  ...['DTB4WK', 'DTB3', 'DTB6', 'DTB1YR', 'TB4WK', 'TB3MS', 'TB6MS', 'TB1YR'],
  // Overnight, policy and prime rates.
  ...[
    'FEDFUNDS',
    'DFF',
    'EFFR',
    'SOFR',
    'OBFR',
    'IORB',
    'DFEDTARU',
    'DFEDTARL',
    'DPRIME',
    'MPRIME',
  ],
  // Spreads and breakevens (percentage points).
  ...['T10Y2Y', 'T10Y3M', 'T10YIE', 'T5YIE', 'T5YIFR', 'BAMLH0A0HYM2', 'BAMLC0A0CM'],
  // Corporate and mortgage yields; the unemployment rate.
  ...['DAAA', 'DBAA', 'AAA', 'BAA', 'MORTGAGE30US', 'MORTGAGE15US', 'UNRATE'],
];

/** Monthly price indexes (levels) and the release rule each follows. */
export const FRED_RELEASE_RULES: Readonly<Record<string, FredReleaseRule>> = {
  CPIAUCSL: 'cpi',
  CPIAUCNS: 'cpi',
  CPILFESL: 'cpi',
  CPILFENS: 'cpi',
  PCEPI: 'pce',
  PCEPILFE: 'pce',
};

/**
 * The unit table: every series id Ballast reads from FRED without being told its unit.
 * Yields and rates are `percent`; the price indexes of {@link FRED_RELEASE_RULES} and the daily
 * exchange rates of `FRED_FX_SERIES` (units of currency per unit, data/fx/fred-fx.ts) are `level`.
 */
export const FRED_SERIES_UNITS: Readonly<Record<string, FredUnit>> = {
  ...Object.fromEntries(PERCENT_SERIES.map((id) => [id, 'percent' as const])),
  ...Object.fromEntries(Object.keys(FRED_RELEASE_RULES).map((id) => [id, 'level' as const])),
  ...Object.fromEntries(FRED_FX_SERIES.map((s) => [s.id, 'level' as const])),
};

/**
 * The unit of `seriesId` (upper-case FRED id): `overrides` first, then {@link FRED_SERIES_UNITS}.
 * An id in neither is INVALID_INPUT — Ballast does not guess a unit from the numbers.
 */
export function fredSeriesUnit(
  seriesId: string,
  overrides: Readonly<Record<string, FredUnit>> = {},
): FredUnit {
  const unit = overrides[seriesId] ?? FRED_SERIES_UNITS[seriesId];
  if (unit === undefined) {
    throw invalidInput(
      'seriesId',
      seriesId,
      'is not in the FRED unit table; pass its unit (percent or level) in the seriesUnits option',
    );
  }
  return unit;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The date an observation of month M (dated on any day of M, FRED uses the 1st) is taken to be
 * public under `rule`: CPI the 15th of M+1, PCE the last day of M+1.
 */
export function releaseRuleDate(rule: FredReleaseRule, observationDate: IsoDate): IsoDate {
  const p = parseIsoDate(observationDate);
  if (!p) throw invalidInput('date', observationDate, 'must be a date written YYYY-MM-DD');
  const year = p.month === 12 ? p.year + 1 : p.year;
  const month = p.month === 12 ? 1 : p.month + 1;
  const day = rule === 'cpi' ? 15 : daysInMonth(year, month);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Longest plausible gap, in days, between an observation date and its first publication
 * (a monthly index dated the 1st of M, released late in M+1 or delayed by a government
 * shutdown). A first ALFRED vintage further away than this is the start of ALFRED's archive,
 * not the publication date, and the release rule is used instead.
 */
export const MAX_RELEASE_DELAY_DAYS = 120;

/**
 * When an observation became public: its ALFRED first-release date (`realtime_start` of the
 * first vintage) when known and within {@link MAX_RELEASE_DELAY_DAYS}, else the release rule.
 */
export function availableFrom(
  rule: FredReleaseRule,
  observationDate: IsoDate,
  firstRelease?: IsoDate,
): IsoDate {
  const delay = firstRelease === undefined ? undefined : daysBetween(observationDate, firstRelease);
  if (
    firstRelease !== undefined &&
    delay !== undefined &&
    delay >= 0 &&
    delay <= MAX_RELEASE_DELAY_DAYS
  ) {
    return firstRelease;
  }
  return releaseRuleDate(rule, observationDate);
}
