import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseBacktestConfig } from './backtest-config.ts';

/** The `tax` field of a strategy (docs/backtest.md, "Taxes"). */

const config = (strategy: string): string =>
  ['prices: p.csv', 'strategies:', '  - name: t', '    weights: { A: 1 }', strategy].join('\n');

function message(text: string): string {
  try {
    parseBacktestConfig(text, 'bt.yaml', '/cfg');
  } catch (e) {
    if (e instanceof BallastError && e.code === 'INVALID_INPUT') return e.message;
    throw e;
  }
  throw new Error('expected an error');
}

describe('tax in the config', () => {
  it('reads it with its defaults: taxable, hifo, paid from the portfolio, state and NIIT 0, qualified dividends', () => {
    const [a] = parseBacktestConfig(
      config('    tax: { rates: { shortTerm: 0.35, longTerm: 0.15 } }'),
      'bt.yaml',
      '/',
    ).strategies;
    expect(a!.tax).toEqual({
      account: 'taxable',
      rates: { shortTerm: 0.35, longTerm: 0.15, state: 0, niit: 0 },
      lotMethod: 'hifo',
      payFrom: 'portfolio',
      dividends: 'qualified',
    });
    const [b] = parseBacktestConfig(
      config(
        '    tax: { account: taxable, rates: { shortTerm: 0.3, longTerm: 0.2, state: 0.05, niit: 0.038 }, lotMethod: fifo, payFrom: portfolio, dividends: ordinary }',
      ),
      'bt.yaml',
      '/',
    ).strategies;
    expect(b!.tax).toEqual({
      account: 'taxable',
      rates: { shortTerm: 0.3, longTerm: 0.2, state: 0.05, niit: 0.038 },
      lotMethod: 'fifo',
      payFrom: 'portfolio',
      dividends: 'ordinary',
    });
    expect(parseBacktestConfig(config(''), 'bt.yaml', '/').strategies[0]!.tax).toBeUndefined();
  });

  it('names every bad field and its value', () => {
    const rates = 'rates: { shortTerm: 0.35, longTerm: 0.15 }';
    expect(message(config(`    tax: { dividends: qualifed, ${rates} }`))).toMatch(
      /strategies\[0\]\.tax\.dividends: .*\(got "qualifed"\)/,
    );
    expect(message(config('    tax: { rates: { shortTerm: 1, longTerm: 0.15 } }'))).toMatch(
      /strategies\[0\]\.tax\.rates\.shortTerm: a tax rate is a decimal in \[0, 1\) \(got 1\)/,
    );
    expect(message(config('    tax: { rates: { shortTerm: 0.3, longTerm: -0.1 } }'))).toMatch(
      /strategies\[0\]\.tax\.rates\.longTerm: .*\(got -0\.1\)/,
    );
    expect(message(config('    tax: { rates: { shortTerm: 0.3 } }'))).toMatch(
      /strategies\[0\]\.tax\.rates\.longTerm: /,
    );
    expect(message(config(`    tax: { account: roth_ira, ${rates} }`))).toMatch(
      /strategies\[0\]\.tax\.account: only a taxable account is taxed; .*\(got "roth_ira"\)/,
    );
    expect(message(config(`    tax: { lotMethod: lifo, ${rates} }`))).toMatch(
      /strategies\[0\]\.tax\.lotMethod: .*\(got "lifo"\)/,
    );
    expect(message(config(`    tax: { payFrom: outside, ${rates} }`))).toMatch(
      /strategies\[0\]\.tax\.payFrom: taxes are paid from the portfolio .*\(got "outside"\)/,
    );
    expect(message(config(`    tax: { wash: true, ${rates} }`))).toMatch(
      /strategies\[0\]\.tax\.wash: Unrecognized key/,
    );
  });
});
