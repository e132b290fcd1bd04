import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEcbCsv } from './ecb-csv.ts';
import { fredFxSeries } from './fred-fx.ts';
import { fredSeriesUnit } from '../providers/fred-series.ts';

// The ECB's eurofxref-hist.csv layout (test/fixtures/fx/README.md names the source).
const FIXTURE = readFileSync(
  new URL('../../../test/fixtures/fx/eurofxref-hist-sample.csv', import.meta.url),
  'utf8',
);

describe('ECB reference rates (eurofxref-hist.csv layout)', () => {
  it('reads every currency column, ascending, N/A left out, the trailing empty column ignored', () => {
    const rates = parseEcbCsv(FIXTURE, 'eurofxref-hist.csv');
    expect([...rates.keys()]).toEqual(['USD', 'JPY', 'CYP', 'GBP']);
    expect(rates.get('USD')).toEqual([
      { date: '2007-12-31', value: 1.4721 },
      { date: '2024-01-02', value: 1.1 },
      { date: '2024-01-03', value: 1.092 },
      { date: '2024-01-04', value: 1.094 },
    ]);
    // CYP is N/A after 2007: only its 2007 row is a rate.
    expect(rates.get('CYP')).toEqual([{ date: '2007-12-31', value: 0.5853 }]);
  });

  it('refuses a row out of order, a bad rate and a bad header, naming line and column', () => {
    const bad = (text: string): unknown => {
      try {
        parseEcbCsv(text, 'e.csv');
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(bad('Date,USD,\n2024-01-03,1.1,\n2024-01-02,1.2,\n2024-01-04,1.3,\n')).toMatchObject({
      code: 'INVALID_INPUT',
      details: { line: 4, column: 'date', value: '2024-01-04' },
    });
    expect(bad('Date,USD,\n2024-01-03,1.1,\n2024-01-03,1.2,\n')).toMatchObject({
      details: { line: 3, column: 'date' },
    });
    expect(bad('Date,USD\n2024-01-03,-1\n')).toMatchObject({
      details: { line: 2, column: 'usd', value: '-1' },
    });
    expect(bad('Date,US Dollar\n2024-01-03,1\n')).toMatchObject({
      details: { line: 1, column: 'us dollar' },
    });
    expect(bad('Day,USD\n2024-01-03,1\n')).toMatchObject({ details: { line: 1 } });
  });
});

describe('FRED FX series', () => {
  it('maps each pair to the FRED series quoting it, in FRED’s direction, as a level', () => {
    // DEXUSEU: "U.S. Dollars to One Euro" = EURUSD; asked either way it is the same series.
    expect(fredFxSeries({ base: 'EUR', quote: 'USD' })?.id).toBe('DEXUSEU');
    expect(fredFxSeries({ base: 'USD', quote: 'EUR' })?.pair).toEqual({
      base: 'EUR',
      quote: 'USD',
    });
    // DEXJPUS: "Japanese Yen to One U.S. Dollar" = USDJPY.
    expect(fredFxSeries({ base: 'JPY', quote: 'USD' })?.pair).toEqual({
      base: 'USD',
      quote: 'JPY',
    });
    expect(fredFxSeries({ base: 'EUR', quote: 'JPY' })).toBeUndefined();
    expect(fredSeriesUnit('DEXUSEU')).toBe('level');
  });
});
