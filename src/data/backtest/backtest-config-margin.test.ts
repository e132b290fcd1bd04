import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseBacktestConfig } from './backtest-config.ts';

/** The margin rule and the leverage mode in the config (docs/backtest.md, "Margin and leverage modes"). */

const config = (strategy: string): string =>
  ['prices: p.csv', 'strategies:', '  - name: lev', '    weights: { A: 2 }', strategy].join('\n');

function message(text: string): string {
  try {
    parseBacktestConfig(text, 'bt.yaml', '/cfg');
  } catch (e) {
    if (e instanceof BallastError && e.code === 'INVALID_INPUT') return e.message;
    throw e;
  }
  throw new Error('expected an error');
}

describe('margin and leverageMode in the config', () => {
  it('reads them; initial defaults to the maintenance, the mode to fixed-ratio', () => {
    const [a] = parseBacktestConfig(
      config('    margin: { maintenance: 0.25 }'),
      'bt.yaml',
      '/',
    ).strategies;
    expect(a).toMatchObject({
      margin: { maintenance: 0.25, initial: 0.25 },
      leverageMode: 'fixed-ratio',
    });
    const [b] = parseBacktestConfig(
      config('    margin: { maintenance: 0.25, initial: 0.5 }\n    leverageMode: fixed-debt'),
      'bt.yaml',
      '/',
    ).strategies;
    expect(b).toMatchObject({
      margin: { maintenance: 0.25, initial: 0.5 },
      leverageMode: 'fixed-debt',
    });
    const [c] = parseBacktestConfig(config(''), 'bt.yaml', '/').strategies;
    expect(c!.margin).toBeUndefined();
  });

  it('names every bad field and its value', () => {
    expect(message(config('    margin: { maintenance: 0 }'))).toMatch(
      /strategies\[0\]\.margin\.maintenance: .*\(got 0\)/,
    );
    expect(message(config('    margin: { maintenance: 0.3, initial: 0.2 }'))).toMatch(
      /strategies\[0\]\.margin\.initial: must be at least the maintenance \(got 0\.2\)/,
    );
    expect(message(config('    margin: { maintenance: 0.3, initial: 1.2 }'))).toMatch(
      /strategies\[0\]\.margin\.initial: .*\(got 1\.2\)/,
    );
    expect(message(config('    margin: { maintenance: 0.25, call: 0.3 }'))).toMatch(
      /strategies\[0\]\.margin\.call: Unrecognized key: "call" \(got 0\.3\)/,
    );
    // 2 × 0.6 > 1: the first purchase's equity / gross 1/2 is already below 0.6.
    expect(message(config('    margin: { maintenance: 0.6 }'))).toMatch(
      /strategies\[0\]\.margin\.maintenance: the weights \(gross 2\) start at equity \/ gross 0\.5, below it \(got 0\.6\)/,
    );
    expect(message(config('    leverageMode: fixed'))).toMatch(
      /strategies\[0\]\.leverageMode: .*\(got "fixed"\)/,
    );
    expect(
      message(config('    leverageMode: fixed-debt').replace('{ A: 2 }', '{ A: 0.5, B: 0.5 }')),
    ).toMatch(
      /strategies\[0\]\.leverageMode: fixed-debt needs weights summing above 1 .*they sum to 1/,
    );
  });
});
