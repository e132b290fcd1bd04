import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { checkConfigSymbols, configSymbols, parseBacktestConfig } from './backtest-config.ts';

const GOOD = `
prices: prices.csv
start: 2019-01-02
end: 2023-12-29
initial: 10000
cash: { rate: 0.03, borrowSpread: 0.01 }
strategies:
  - name: 60-40
    weights: { a: 0.6, ' b ': 0.4 }
    rebalance: monthly
    bands: { absolute: 0.05 }
    costBps: 10
    flows: { amount: 1000, every: monthly }
  - name: levered
    weights: { A: 1.5 }
    bands: { relative: 0.25 }
    wholeShares: true
benchmark: spy
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

/** GOOD with one line replaced. */
const edit = (from: string, to: string): string => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

describe('parseBacktestConfig', () => {
  it('reads the contract, upper-cases symbols, resolves the prices path, applies defaults', () => {
    const c = parseBacktestConfig(GOOD, 'bt.yaml', '/cfg');
    expect(c.prices).toEqual({ kind: 'file', path: '/cfg/prices.csv' });
    expect(c).toMatchObject({
      start: '2019-01-02',
      end: '2023-12-29',
      initial: 10000,
      cash: { rate: 0.03, borrowSpread: 0.01 },
      benchmark: 'SPY',
    });
    const [a, b] = c.strategies;
    expect([...a!.weights]).toEqual([
      ['A', 0.6],
      ['B', 0.4],
    ]);
    expect(a).toMatchObject({
      name: '60-40',
      rebalance: 'monthly',
      bands: { kind: 'absolute', width: 0.05 },
      costBps: 10,
      flows: { amount: 1000, every: 'monthly' },
      wholeShares: false,
    });
    expect(b).toMatchObject({
      rebalance: 'never',
      bands: { kind: 'relative', width: 0.25 },
      costBps: 0,
      wholeShares: true,
    });
    expect(configSymbols(c)).toEqual(['A', 'B', 'SPY']);
  });

  it('defaults initial and cash, reads symbols and inline prices', () => {
    const c = parseBacktestConfig(
      'symbols: [spy, agg]\nstrategies: [{ name: x, weights: { SPY: 1 } }]',
      'j',
      '/',
    );
    expect(c.prices).toEqual({ kind: 'symbols', symbols: ['SPY', 'AGG'] });
    expect(c.initial).toBe(10000);
    expect(c.cash).toEqual({ rate: 0, borrowSpread: 0 });
    const inline = parseBacktestConfig(
      '{"prices": {"text": "date,A\\n2024-01-02,1"}, "strategies": [{"name": "x", "weights": {"A": 1}}]}',
      'j',
      '/',
    );
    expect(inline.prices).toEqual({ kind: 'text', text: 'date,A\n2024-01-02,1', name: 'prices' });
    expect(
      parseBacktestConfig(
        'prices: /abs/p.csv\nstrategies: [{ name: x, weights: { A: 1 } }]',
        'j',
        '/cfg',
      ).prices,
    ).toEqual({
      kind: 'file',
      path: '/abs/p.csv',
    });
  });

  it.each([
    ['a negative weight', edit("' b ': 0.4", "' b ': -0.4"), 'strategies[0].weights. b ', -0.4],
    ['a weight that is text', edit('A: 1.5', 'A: lots'), 'strategies[1].weights.A', 'lots'],
    ['no weights', edit('{ A: 1.5 }', '{}'), 'strategies[1].weights', {}],
    [
      'an unknown schedule',
      edit('rebalance: monthly', 'rebalance: fortnightly'),
      'strategies[0].rebalance',
      'fortnightly',
    ],
    [
      'both bands',
      edit('{ absolute: 0.05 }', '{ absolute: 0.05, relative: 0.2 }'),
      'strategies[0].bands',
      { absolute: 0.05, relative: 0.2 },
    ],
    ['a misspelt key', edit('costBps: 10', 'costBPS: 10'), 'strategies[0].costBPS', 10],
    ['a zero flow', edit('amount: 1000', 'amount: 0'), 'strategies[0].flows.amount', 0],
    ['a bad date', edit('start: 2019-01-02', 'start: 2019-02-30'), 'start', '2019-02-30'],
    ['end before start', edit('end: 2023-12-29', 'end: 2018-12-31'), 'end', '2018-12-31'],
    ['a negative initial', edit('initial: 10000', 'initial: -5'), 'initial', -5],
    [
      'a negative spread',
      edit('borrowSpread: 0.01', 'borrowSpread: -0.01'),
      'cash.borrowSpread',
      -0.01,
    ],
    ['two names alike', edit('name: levered', 'name: 60-40'), 'strategies[1].name', '60-40'],
    ['one symbol twice', edit("' b ': 0.4", 'A: 0.4'), 'strategies[0].weights.A', 0.4],
    [
      'both prices and symbols',
      edit('prices: prices.csv', 'prices: p.csv\nsymbols: [A]'),
      'symbols',
      ['A'],
    ],
    ['no strategies', 'prices: p.csv\nstrategies: []', 'strategies', []],
  ])('%s is INVALID_INPUT naming the field and the value', (_, text, field, value) => {
    const e = error(text);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details['field']).toBe(field);
    expect(e.details['value']).toEqual(value);
    expect(e.message).toContain(`bt.yaml: ${field}:`);
    expect(e.message).toContain(JSON.stringify(value));
  });

  it('refuses costs that leave nothing to trade with, and neither prices nor symbols', () => {
    const costly = error(edit('A: 1.5 }', 'A: 15 }').replace('wholeShares: true', 'costBps: 700'));
    expect(costly.details['field']).toBe('strategies[1].costBps');
    expect(error('strategies: [{ name: x, weights: { A: 1 } }]').details['field']).toBe('prices');
  });

  it('names the file and line of a YAML syntax error', () => {
    expect(error('prices: [unclosed\nstrategies: 3').message).toMatch(/^bt\.yaml:\d+:\d+: /);
  });
});

describe('checkConfigSymbols', () => {
  const config = parseBacktestConfig(GOOD, 'bt.yaml', '/cfg');

  it('names the weight as written when a symbol is not in the prices', () => {
    expect(() => checkConfigSymbols(config, { symbols: ['A', 'SPY'], name: 'p.csv' })).toThrow(
      /^strategies\[0\]\.weights\. b : B is not in the prices p\.csv \(it has A, SPY\)/,
    );
    expect(() => checkConfigSymbols(config, { symbols: ['A', 'B'], name: 'p.csv' })).toThrow(
      /^benchmark: not in the prices p\.csv/,
    );
    expect(() =>
      checkConfigSymbols(config, { symbols: ['B', 'A', 'SPY'], name: 'p' }),
    ).not.toThrow();
  });
});
