import { describe, expect, it } from 'vitest';
import {
  availableFrom,
  daysBetween,
  FRED_SERIES_UNITS,
  fredSeriesUnit,
  MAX_RELEASE_DELAY_DAYS,
  releaseRuleDate,
} from './fred-series.ts';

describe('FRED unit table', () => {
  it('lists yields and rates as percent and price indexes as levels', () => {
    for (const id of ['DGS3MO', 'DGS10', 'DFII10', 'FEDFUNDS', 'SOFR', 'DTB3']) {
      expect(FRED_SERIES_UNITS[id]).toBe('percent');
    }
    for (const id of ['CPIAUCSL', 'CPILFESL', 'PCEPI']) expect(FRED_SERIES_UNITS[id]).toBe('level');
  });

  it('lets the caller add or override a unit, and refuses an unknown series', () => {
    expect(fredSeriesUnit('VIXCLS', { VIXCLS: 'level' })).toBe('level');
    expect(fredSeriesUnit('DGS10', { DGS10: 'level' })).toBe('level');
    expect(() => fredSeriesUnit('VIXCLS')).toThrow(/unit table/);
  });
});

describe('FRED release dates', () => {
  it('makes CPI of month M public on the 15th of M+1, across a year end', () => {
    expect(releaseRuleDate('cpi', '2023-10-01')).toBe('2023-11-15');
    expect(releaseRuleDate('cpi', '2023-12-01')).toBe('2024-01-15');
  });

  it('makes PCE of month M public on the last day of M+1, leap years included', () => {
    expect(releaseRuleDate('pce', '2024-01-01')).toBe('2024-02-29');
    expect(releaseRuleDate('pce', '2023-01-01')).toBe('2023-02-28');
    expect(releaseRuleDate('pce', '2023-11-01')).toBe('2023-12-31');
  });

  it('prefers the ALFRED first release while it is a plausible publication date', () => {
    // 2023-10-01 → 2023-11-14 is 44 days: the BLS release of October's CPI.
    expect(daysBetween('2023-10-01', '2023-11-14')).toBe(44);
    expect(availableFrom('cpi', '2023-10-01', '2023-11-14')).toBe('2023-11-14');
    // September 2013 CPI, delayed by the shutdown to 2013-10-30 (59 days): still a release.
    expect(availableFrom('cpi', '2013-09-01', '2013-10-30')).toBe('2013-10-30');
  });

  it('uses the rule when ALFRED has no vintage or only its archive start', () => {
    expect(availableFrom('cpi', '2023-10-01')).toBe('2023-11-15');
    expect(daysBetween('2023-10-01', '2024-01-30')).toBe(MAX_RELEASE_DELAY_DAYS + 1);
    expect(availableFrom('cpi', '2023-10-01', '2024-01-30')).toBe('2023-11-15');
    expect(availableFrom('pce', '1990-01-01', '1996-03-19')).toBe('1990-02-28');
  });
});
