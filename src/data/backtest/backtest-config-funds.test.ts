import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseBacktestConfig } from './backtest-config.ts';
import { parseDividendsCsv } from './dividends-file.ts';

/** The config's simulated-fund and dividend fields (docs/backtest.md) and the dividends file. */

const SIMULATE = `
prices: prices.csv
cash: { rate: 0.03 }
simulate:
  upro: { expenseRatio: 0.0091, financingSpread: 0.004 }
  TMF: { expenseRatio: 0.0106, financingSpread: 0.004, exposures: { broad_ust: 3 } }
proxies: { us_large_equity: spy, broad_ust: IEF }
funds: my-funds.yaml
strategies:
  - { name: 3x, weights: { UPRO: 1 } }
`;

const DIVIDENDS = `
prices: closes.csv
unadjusted: true
dividends: dividends.csv
strategies:
  - { name: cash, weights: { A: 1 }, dividends: cash }
  - { name: default, weights: { A: 1 } }
`;

function error(text: string): BallastError {
  try {
    parseBacktestConfig(text, 'bt.yaml', '/cfg');
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('simulate, proxies and funds', () => {
  it('reads them: symbols upper-cased, paths resolved', () => {
    const c = parseBacktestConfig(SIMULATE, 'bt.yaml', '/cfg');
    expect([...c.simulate!]).toEqual([
      ['UPRO', { key: 'upro', expenseRatio: 0.0091, financingSpread: 0.004 }],
      [
        'TMF',
        { key: 'TMF', expenseRatio: 0.0106, financingSpread: 0.004, exposures: { broad_ust: 3 } },
      ],
    ]);
    expect([...c.proxies!]).toEqual([
      ['us_large_equity', 'SPY'],
      ['broad_ust', 'IEF'],
    ]);
    expect(c.funds).toEqual({ path: '/cfg/my-funds.yaml' });
    expect(c.unadjusted).toBe(false);
    const stored = parseBacktestConfig(
      SIMULATE.replace('funds: my-funds.yaml', 'funds: { stored: mine }'),
      'bt.yaml',
      '/cfg',
    );
    expect(stored.funds).toEqual({ stored: 'mine' });
  });

  it('names each bad field', () => {
    const cases: [string, string, RegExp][] = [
      ['expenseRatio: 0.0091', 'expenseRatio: -1', /simulate\.upro\.expenseRatio/],
      ['financingSpread: 0.004 }\n  TMF', 'financingSpread: 0.004, fee: 1 }\n  TMF', /fee/],
      [
        'proxies: { us_large_equity: spy, broad_ust: IEF }\n',
        '',
        /proxies: simulate needs proxies/,
      ],
      ['broad_ust: IEF', 'broad_ust: TMF', /proxies\.broad_ust: TMF is simulated itself/],
      ['funds: my-funds.yaml', 'funds: { stored: "bad name" }', /funds/],
      [
        'cash: { rate: 0.03 }',
        'unadjusted: true\ndividends: d.csv',
        /simulate: simulated funds need total-return closes/,
      ],
    ];
    for (const [from, to, message] of cases) {
      expect(SIMULATE).toContain(from);
      const e = error(SIMULATE.replace(from, to));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(message);
    }
    expect(error(SIMULATE.replace('TMF:', 'Upro:')).message).toMatch(
      /simulate\.Upro: the same symbol as upro/,
    );
    const noSimulate = SIMULATE.replace(/simulate:\n.*\n.*\n/, '');
    expect(error(noSimulate).message).toMatch(/proxies: proxies are used only to simulate funds/);
    expect(
      error(noSimulate.replace('proxies: { us_large_equity: spy, broad_ust: IEF }\n', '')).message,
    ).toMatch(/funds: fund definitions are read only to simulate funds/);
  });
});

describe('unadjusted closes and dividends', () => {
  it('reads them; a strategy without a policy leaves it to the default', () => {
    const c = parseBacktestConfig(DIVIDENDS, 'bt.yaml', '/cfg');
    expect(c.unadjusted).toBe(true);
    expect(c.dividends).toEqual({ path: '/cfg/dividends.csv' });
    expect(c.strategies.map((s) => s.dividends)).toEqual(['cash', undefined]);
  });

  it('names each inconsistent field', () => {
    const cases: [string, string, RegExp][] = [
      [
        'dividends: dividends.csv\n',
        '',
        /^bt\.yaml: dividends: unadjusted closes need the dividends file/,
      ],
      ['unadjusted: true\n', '', /dividends: dividends are paid only with unadjusted: true/],
      ['dividends: cash }', 'dividends: spend }', /strategies\[0\]\.dividends/],
      [
        'prices: closes.csv',
        'symbols: [A]',
        /unadjusted: unadjusted closes come from a prices file/,
      ],
    ];
    for (const [from, to, message] of cases) {
      expect(DIVIDENDS).toContain(from);
      expect(error(DIVIDENDS.replace(from, to)).message).toMatch(message);
    }
    const adjusted = DIVIDENDS.replace('unadjusted: true\ndividends: dividends.csv\n', '');
    expect(error(adjusted).message).toMatch(
      /strategies\[0\]\.dividends: a dividend policy needs unadjusted: true/,
    );
  });
});

describe('the dividends file', () => {
  it('reads date,symbol,amount in any column order, sorted by date', () => {
    const text = ['Symbol,date,amount', 'spy,2024-03-15,1.6', 'agg, 2024-03-01 ,0.25'].join('\n');
    expect(parseDividendsCsv(text, 'd.csv')).toEqual([
      { date: '2024-03-01', symbol: 'AGG', amount: 0.25 },
      { date: '2024-03-15', symbol: 'SPY', amount: 1.6 },
    ]);
    expect(parseDividendsCsv('date,symbol,amount\n', 'd.csv')).toEqual([]);
  });

  it('names the file, line, column and value of a bad cell', () => {
    const bad = (row: string) => () => parseDividendsCsv(`date,symbol,amount\n${row}`, 'd.csv');
    expect(bad('2024-03-01,A,0')).toThrow(
      'd.csv:2: column "amount": must be greater than zero (got "0")',
    );
    expect(bad('2024-03-01,A,')).toThrow('d.csv:2: column "amount": a value is required');
    expect(bad('2024-13-01,A,1')).toThrow('d.csv:2: column "date": not a calendar date');
    expect(bad(',A,1')).toThrow('d.csv:2: column "date": a date is required');
    expect(bad('2024-03-01,,1')).toThrow('d.csv:2: column "symbol": a symbol is required');
    expect(() => parseDividendsCsv('date,symbol\n', 'd.csv')).toThrow('missing column "amount"');
  });
});
