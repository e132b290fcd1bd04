import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../core/solvers/highs.ts';
import { financeExample, thrown } from '../../../test/helpers/optimize.ts';
import {
  accepts,
  cardinalityMethodOf,
  featuresOf,
  objectivesAccepting,
  refusal,
} from './capabilities.ts';
import type { PortfolioConstraints } from './constraints.ts';
import type { Objective } from './objectives.ts';
import { OBJECTIVE_KINDS } from './objectives.ts';
import { optimize } from './optimize.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

const scenarios = {
  returns: { rows: 3, cols: 2, data: Float64Array.from([0.01, -0.02, 0.03, 0.01, -0.01, 0.02]) },
  periodsPerYear: 12,
};

describe('the capability table', () => {
  it('gives the tracking-error limit to the five objectives whose Hessian is a multiple of Σ', () => {
    expect(objectivesAccepting('trackingError')).toEqual([
      'minVariance',
      'efficientReturn',
      'utility',
      'maxReturn',
      'minTrackingError',
    ]);
  });

  it('meets cardinality exactly for the LP objectives, by the heuristic for the QPs, never for allocators', () => {
    expect(cardinalityMethodOf('minCvar')).toBe('exact-milp');
    expect(cardinalityMethodOf('maxReturnDrawdown')).toBe('exact-milp');
    expect(cardinalityMethodOf('minVariance')).toBe('heuristic');
    expect(cardinalityMethodOf('minSemivariance')).toBe('heuristic');
    for (const kind of ['riskParity', 'riskBudget', 'hrp', 'herc'] as const) {
      expect(cardinalityMethodOf(kind)).toBeUndefined();
      expect(refusal(kind, 'groups')).toMatch(/per-asset weight bounds only/);
    }
  });

  it('lets every objective but semivariance and the allocators take fixed costs', () => {
    const refused = OBJECTIVE_KINDS.filter((k) => !accepts(k, 'fixedCosts'));
    expect(refused).toEqual(['minSemivariance', 'riskParity', 'riskBudget', 'hrp', 'herc']);
  });

  it('lists what a problem uses, weight bounds aside', () => {
    const constraints: PortfolioConstraints = {
      maxWeight: 0.5,
      budget: { kind: 'cashLine', borrowSpreadAnnual: 0 },
      groups: [],
      turnover: { currentWeights: [0, 1], fixedCost: 0.001 },
    };
    expect(featuresOf({ constraints, cardinality: { maxAssets: 1 } })).toEqual([
      'cashLine',
      'turnover',
      'fixedCosts',
      'cardinality',
    ]);
    expect(featuresOf({ constraints: { budget: { kind: 'fullyInvested' } } })).toEqual([]);
  });
});

describe('optimize refuses what the objective cannot honour, naming the field', () => {
  const cases: [string, Objective, Record<string, unknown>, string][] = [
    [
      'a tracking-error limit on min CVaR',
      { kind: 'minCvar', scenarios },
      { constraints: { trackingError: { benchmarkWeights: [0.5, 0.5], maxAnnual: 0.1 } } },
      'constraints.trackingError',
    ],
    [
      'a tracking-error limit on max Sharpe',
      { kind: 'maxSharpe' },
      { constraints: { trackingError: { benchmarkWeights: [0.5, 0.5], maxAnnual: 0.1 } } },
      'constraints.trackingError',
    ],
    [
      'fixed costs on min semivariance',
      { kind: 'minSemivariance', scenarios },
      { constraints: { turnover: { currentWeights: [1, 0], fixedCost: 0.001 } } },
      'constraints.turnover.fixedCost',
    ],
    ['cardinality on HRP', { kind: 'hrp' }, { cardinality: { maxAssets: 1 } }, 'cardinality'],
    [
      'a cash line on risk parity',
      { kind: 'riskParity' },
      { constraints: { budget: { kind: 'cashLine', borrowSpreadAnnual: 0 } } },
      'constraints.budget',
    ],
    [
      'a target volatility on min CVaR',
      { kind: 'minCvar', scenarios },
      { targetVolatilityAnnual: 0.1 },
      'targetVolatilityAnnual',
    ],
  ];
  it.each(cases)('%s', (_, objective, rest, field) => {
    const e = thrown(() => optimize(highs, { inputs: financeExample(), objective, ...rest }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details).toMatchObject({ field, value: objective.kind });
    expect(e.message.startsWith(`${field}: `)).toBe(true);
  });
});
