import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseBacktestConfig } from './backtest-config.ts';

const config = (weighting: string, extra = ''): string => `
prices: prices.csv
strategies:
  - name: w
    weights: { a: 0.6, b: 0.4 }
    rebalance: monthly${extra}
    weighting: ${weighting}
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

describe('the weighting field', () => {
  it('reads a weighting with its defaults', () => {
    const c = parseBacktestConfig(config('{ method: inverse-vol }'), 'bt.yaml', '/cfg');
    expect(c.strategies[0]!.weighting).toEqual({
      method: 'inverse-vol',
      lookback: 252,
      covariance: 'sample',
      fallback: 'weights',
    });
    const o = parseBacktestConfig(
      config('{ method: optimize, objective: max-sharpe, targetVol: 0.1, maxLeverage: 1.5 }'),
      'bt.yaml',
      '/cfg',
    );
    expect(o.strategies[0]!.weighting).toMatchObject({
      objective: { kind: 'max-sharpe' },
      targetVol: 0.1,
      maxLeverage: 1.5,
    });
    const u = parseBacktestConfig(
      config('{ method: optimize, objective: { kind: risk-budget, budgets: { A: 0.7, b: 0.3 } } }'),
      'bt.yaml',
      '/cfg',
    );
    expect(u.strategies[0]!.weighting!.objective).toEqual({
      kind: 'risk-budget',
      budgets: { A: 0.7, b: 0.3 },
    });
  });

  it('names the field of every bad value', () => {
    const cases: [string, string][] = [
      ['{ method: momentum }', 'strategies[0].weighting.method'],
      ['{ method: inverse-vol, lookback: 1 }', 'strategies[0].weighting.lookback'],
      ['{ method: inverse-vol, lookback: 20.5 }', 'strategies[0].weighting.lookback'],
      ['{ method: equal, targetVol: -0.1 }', 'strategies[0].weighting.targetVol'],
      ['{ method: equal, targetVol: 0.1, maxLeverage: 0 }', 'strategies[0].weighting.maxLeverage'],
      ['{ method: equal, maxLeverage: 2 }', 'strategies[0].weighting.maxLeverage'],
      ['{ method: optimize }', 'strategies[0].weighting.objective'],
      ['{ method: equal, objective: max-sharpe }', 'strategies[0].weighting.objective'],
      ['{ method: optimize, objective: max-alpha }', 'strategies[0].weighting.objective.kind'],
      [
        '{ method: optimize, objective: { kind: efficient-return } }',
        'strategies[0].weighting.objective.targetReturnAnnual',
      ],
      [
        '{ method: optimize, objective: { kind: risk-budget, budgets: { A: 1, C: 1 } } }',
        'strategies[0].weighting.objective.budgets.C',
      ],
      [
        '{ method: optimize, objective: { kind: risk-budget, budgets: { A: 1 } } }',
        'strategies[0].weighting.objective.budgets',
      ],
      ['{ method: inverse-vol, maxWeight: 0.5 }', 'strategies[0].weighting.maxWeight'],
      [
        '{ method: risk-parity, minWeight: 0.6, maxWeight: 0.5 }',
        'strategies[0].weighting.maxWeight',
      ],
      ['{ method: equal, covariance: ewma }', 'strategies[0].weighting.covariance'],
      ['{ method: equal, fallback: cash }', 'strategies[0].weighting.fallback'],
      ['{ method: equal, lookbak: 20 }', 'strategies[0].weighting.lookbak'],
      ['{ tactical: { signal: trend } }', 'strategies[0].weighting.tactical.signal'],
      [
        '{ tactical: { signal: moving-average, window: 1 } }',
        'strategies[0].weighting.tactical.window',
      ],
      ['{ tactical: { signal: regime, window: 19 } }', 'strategies[0].weighting.tactical.window'],
      [
        '{ tactical: { signal: moving-average, riskOff: c } }',
        'strategies[0].weighting.tactical.riskOff',
      ],
      [
        '{ tactical: { signal: regime, signalAsset: spy } }',
        'strategies[0].weighting.tactical.signalAsset',
      ],
      [
        '{ tactical: { signal: dual-momentum, top: 2, riskOff: b } }',
        'strategies[0].weighting.tactical.top',
      ],
      [
        '{ tactical: { signal: regime, stressedScale: -0.5 } }',
        'strategies[0].weighting.tactical.stressedScale',
      ],
      ['{ tactical: { signal: moving-average, top: 1 } }', 'strategies[0].weighting.tactical.top'],
    ];
    for (const [weighting, field] of cases) {
      const e = error(config(weighting));
      expect(e.code, weighting).toBe('INVALID_INPUT');
      expect(e.message, weighting).toContain(`bt.yaml: ${field}:`);
    }
  });

  it('reads a tactical overlay with its defaults, symbols upper-cased', () => {
    const read = (tactical: string) =>
      parseBacktestConfig(config(`{ tactical: ${tactical} }`), 'bt.yaml', '/cfg').strategies[0]!
        .weighting!.tactical;
    expect(read('{ signal: moving-average, riskOff: b }')).toEqual({
      signal: 'moving-average',
      window: 200,
      riskOff: 'B',
    });
    expect(read('{ signal: dual-momentum }')).toEqual({
      signal: 'dual-momentum',
      window: 252,
      top: 1,
    });
    expect(read('{ signal: regime, signalAsset: a }')).toEqual({
      signal: 'regime',
      window: 504,
      signalAsset: 'A',
      calmScale: 1,
      stressedScale: 0.5,
    });
  });

  it('refuses costs that the largest scaled weight could not pay', () => {
    // 1000 bps × maxLeverage 10 = 100 % of the traded value: no net value exists.
    const e = error(
      config('{ method: equal, targetVol: 0.1, maxLeverage: 10 }', '\n    costBps: 1000'),
    );
    expect(e.message).toContain('strategies[0].weighting.maxLeverage: costs times the largest');
  });
});
