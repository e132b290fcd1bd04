import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import {
  createCsvProvider,
  parsePriceFileCsv,
  parseReturnsFileCsv,
  parseSeriesFileCsv,
} from './csv-file.ts';

const path = (name: string): string =>
  fileURLToPath(new URL(`../../../test/fixtures/providers/csv/${name}`, import.meta.url));
const fixture = (name: string): string => readFileSync(path(name), 'utf8');

function failure(run: () => unknown): BallastError {
  try {
    run();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

describe('parsePriceFileCsv', () => {
  it('reads every column, with the dividend on its ex-date', () => {
    const bars = parsePriceFileCsv(fixture('spy-prices.csv'), 'spy-prices.csv');
    expect(bars).toHaveLength(4);
    expect(bars[2]).toEqual({
      date: '2024-06-21',
      open: 544.4,
      high: 545.65,
      low: 543.02,
      close: 544.51,
      adjClose: 536.2,
      volume: 64513900,
      dividend: 1.759,
      split: 1,
    });
  });

  it('defaults dividend to 0 and split to 1 when the file has only date and close', () => {
    expect(parsePriceFileCsv(fixture('prices-minimal.csv'), 'p.csv')).toEqual([
      { date: '2024-01-02', close: 100, dividend: 0, split: 1 },
      { date: '2024-01-03', close: 50, dividend: 0, split: 1 },
    ]);
  });

  it('reads a split ratio on its date', () => {
    const bars = parsePriceFileCsv(
      'date,close,split\n2024-01-02,100,\n2024-01-03,50.5,2\n',
      'p.csv',
    );
    expect(bars.map((b) => b.split)).toEqual([1, 2]);
  });

  it('names file, line, column and value of a bad number', () => {
    const e = failure(() =>
      parsePriceFileCsv('date,close\n2024-01-02,100\n2024-01-03,1O1\n', 'my.csv'),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('my.csv:3: column "close": not a number (got "1O1")');
    expect(e.details).toEqual({ file: 'my.csv', line: 3, column: 'close', value: '1O1' });
  });

  it('rejects dates that are not ascending and unique', () => {
    const repeated = failure(() =>
      parsePriceFileCsv('date,close\n2024-01-02,100\n2024-01-02,101\n', 'p.csv'),
    );
    expect(repeated.message).toContain(
      'p.csv:3: column "date": dates must be ascending and unique',
    );
    const backwards = failure(() =>
      parsePriceFileCsv('date,close\n2024-01-03,100\n2024-01-02,101\n', 'p.csv'),
    );
    expect(backwards.details).toMatchObject({ line: 3, column: 'date', value: '2024-01-02' });
  });

  it('rejects a zero close, a negative dividend, an unknown column and a high below the low', () => {
    expect(
      failure(() => parsePriceFileCsv('date,close\n2024-01-02,0\n', 'p.csv')).message,
    ).toContain('greater than zero');
    expect(
      failure(() => parsePriceFileCsv('date,close,dividend\n2024-01-02,1,-0.5\n', 'p.csv')).details,
    ).toMatchObject({
      column: 'dividend',
    });
    expect(
      failure(() => parsePriceFileCsv('date,close,px\n2024-01-02,1,1\n', 'p.csv')).message,
    ).toContain('unknown column "px"');
    expect(
      failure(() => parsePriceFileCsv('date,close,high,low\n2024-01-02,1,1,2\n', 'p.csv')).details,
    ).toMatchObject({
      column: 'high',
    });
  });
});

describe('parseReturnsFileCsv', () => {
  it('reads a pandas-written file (unnamed date column) and leaves an empty cell missing', () => {
    const file = parseReturnsFileCsv(fixture('exposure-returns-monthly.csv'), 'r.csv', {
      columnCase: 'lower',
    });
    expect(file.columns).toEqual([
      'us_large_equity',
      'us_small_equity',
      'intl_developed_large_equity',
    ]);
    expect(file.seriesByColumn.get('us_large_equity')).toHaveLength(3);
    // 2020-10-31 is blank for us_small_equity: two observations, no zero in between.
    expect(file.seriesByColumn.get('us_small_equity')).toEqual([
      { date: '2020-09-30', value: -0.03754773422641566 },
      { date: '2020-11-30', value: 0.17146947640449706 },
    ]);
  });

  it('upper-cases symbol columns by default and reads exponents', () => {
    const file = parseReturnsFileCsv(
      'Date,spy,agg\n2024-01-31,0.0159,-2.7e-03\n2024-02-29,0.0522,\n',
      'r.csv',
    );
    expect(file.columns).toEqual(['SPY', 'AGG']);
    expect(file.seriesByColumn.get('AGG')).toEqual([{ date: '2024-01-31', value: -0.0027 }]);
  });

  it('refuses percent signs instead of guessing the unit', () => {
    const e = failure(() => parseReturnsFileCsv('date,SPY\n2024-01-31,1.5%\n', 'r.csv'));
    expect(e.message).toBe(
      'r.csv:2: column "spy": not a number (write decimals: 0.05, not 5%) (got "1.5%")',
    );
  });

  it('rejects a return below −100 %, a duplicate column and a missing date column', () => {
    expect(
      failure(() => parseReturnsFileCsv('date,SPY\n2024-01-31,-1.2\n', 'r.csv')).message,
    ).toContain('at least -1');
    expect(
      failure(() => parseReturnsFileCsv('date,SPY,spy\n2024-01-31,0,0\n', 'r.csv')).message,
    ).toContain('appears twice');
    expect(failure(() => parseReturnsFileCsv('SPY,AGG\n0.1,0.2\n', 'r.csv')).message).toContain(
      'first column must be the date',
    );
  });
});

describe('parseSeriesFileCsv', () => {
  it('reads values with their release dates and skips a missing observation', () => {
    expect(parseSeriesFileCsv(fixture('dgs3mo.csv'), 'dgs3mo.csv')).toEqual([
      { date: '2024-06-03', value: 0.0546, availableFrom: '2024-06-04' },
      { date: '2024-06-04', value: 0.0546, availableFrom: '2024-06-05' },
      { date: '2024-06-06', value: 0.0545, availableFrom: '2024-06-07' },
    ]);
  });

  it('rejects a release date before the observation date', () => {
    const e = failure(() =>
      parseSeriesFileCsv('date,value,available_from\n2024-02-01,310.3,2024-01-15\n', 's.csv'),
    );
    expect(e.details).toMatchObject({ line: 2, column: 'available_from' });
  });
});

describe('csv provider', () => {
  const provider = createCsvProvider({
    files: { spy: path('spy-prices.csv'), bad: path('dgs3mo.csv'), gone: path('nope.csv') },
  });

  it('serves the bars of a symbol within the inclusive range', async () => {
    const bars = await provider.fetchPrices!({
      symbol: 'SPY',
      from: '2024-06-20',
      to: '2024-06-21',
    });
    expect(bars.map((b) => [b.date, b.dividend])).toEqual([
      ['2024-06-20', 0],
      ['2024-06-21', 1.759],
    ]);
    expect(
      await provider.fetchPrices!({ symbol: 'SPY', from: '2024-06-22', to: '2024-06-23' }),
    ).toEqual([]);
  });

  it('reports an unconfigured symbol and a missing file as NOT_FOUND', async () => {
    await expect(
      provider.fetchPrices!({ symbol: 'QQQ', from: '2024-01-01', to: '2024-12-31' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { provider: 'csv', symbol: 'QQQ' },
    });
    await expect(
      provider.fetchPrices!({ symbol: 'gone', from: '2024-01-01', to: '2024-12-31' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { provider: 'csv', symbol: 'GONE' },
    });
  });

  it('reports a file that does not parse as malformed, keeping file and line', async () => {
    await expect(
      provider.fetchPrices!({ symbol: 'BAD', from: '2024-01-01', to: '2024-12-31' }),
    ).rejects.toMatchObject({
      code: 'DATA_UNAVAILABLE',
      details: { provider: 'csv', reason: 'malformed', file: path('dgs3mo.csv'), line: 1 },
    });
  });

  it('reads through an injected readFile', async () => {
    const reader = createCsvProvider({
      files: { X: 'x.csv' },
      readFile: () => Promise.resolve('date,close\n2024-01-02,9\n'),
    });
    expect(
      await reader.fetchPrices!({ symbol: 'x', from: '2024-01-01', to: '2024-01-31' }),
    ).toEqual([{ date: '2024-01-02', close: 9, dividend: 0, split: 1 }]);
  });
});
