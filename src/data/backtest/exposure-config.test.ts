import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseBacktestConfig } from './backtest-config.ts';

/** The strategy fields `exposures` and `funds` (docs/backtest.md, "Exposure targets"). */

const strategy = (fields: string) => `
prices: prices.csv
funds: my-funds.yaml
strategies:
  - { name: s, ${fields} }
`;

function error(text: string): BallastError {
  try {
    parseBacktestConfig(text, 'bt.yaml', '/cfg');
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an INVALID_INPUT');
}

describe('exposure targets in the backtest config', () => {
  it('reads targets and upper-cased candidates, with no weights and the funds source kept', () => {
    const c = parseBacktestConfig(
      strategy('exposures: { us_large_equity: 1.5, " broad_ust": 1 }, funds: [rssb, SPY]'),
      'bt.yaml',
      '/cfg',
    );
    const s = c.strategies[0]!;
    expect(s.exposures).toEqual({
      targets: { us_large_equity: 1.5, broad_ust: 1 },
      keys: { us_large_equity: 'us_large_equity', broad_ust: ' broad_ust' },
      funds: ['RSSB', 'SPY'],
    });
    expect(s.weights.size).toBe(0);
    expect(c.funds).toEqual({ path: '/cfg/my-funds.yaml' });
  });

  it('names the field of each bad combination', () => {
    const cases: [string, RegExp][] = [
      [
        'weights: { A: 1 }, exposures: { broad_ust: 1 }, funds: [A]',
        /strategies\[0\]\.exposures: give either weights or exposures/,
      ],
      ['rebalance: monthly', /strategies\[0\]\.weights: give weights, or exposures/],
      ['exposures: { broad_ust: 1 }', /strategies\[0\]\.funds: exposures need the candidate/],
      ['weights: { A: 1 }, funds: [A]', /strategies\[0\]\.funds: funds are the candidates/],
      ['exposures: {}, funds: [A]', /strategies\[0\]\.exposures: needs at least one/],
      [
        'exposures: { broad_ust: 1 }, funds: [A, a]',
        /strategies\[0\]\.funds\[1\]: A is listed twice/,
      ],
      [
        'exposures: { broad_ust: 1 }, funds: [A], weighting: { method: equal }',
        /strategies\[0\]\.weighting: exposures map to fixed weights/,
      ],
    ];
    for (const [fields, message] of cases) {
      const e = error(strategy(fields));
      expect(e.code, fields).toBe('INVALID_INPUT');
      expect(e.message, fields).toMatch(message);
    }
  });
});
