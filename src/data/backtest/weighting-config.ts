/**
 * The `weighting` field of a backtest strategy (docs/backtest.md, "Weightings"): which
 * method sets the targets on each rebalance, its trailing window, the optimiser objective,
 * the target volatility and the fallback. `weights` stays the strategy's universe, the
 * targets of `fixed` and the default fallback. A bad field is INVALID_INPUT naming
 * `strategies[i].weighting.FIELD`.
 *
 * Objective names are those of `ballast optimize --objective` (`src/app/optimize-input.ts`,
 * `OBJECTIVE_NAMES`; a test keeps the two lists equal): a name, or `{ kind, …parameters }`.
 */

import * as z from 'zod';

/** The weighting methods. */
export const WEIGHTING_METHODS = [
  'fixed',
  'equal',
  'inverse-vol',
  'risk-parity',
  'optimize',
  'multi-period',
] as const;

/** Covariance models of the trailing window. */
export const WINDOW_COVARIANCES = ['sample', 'ledoit-wolf', 'oas'] as const;

const rate = z.number().finite();
const probability = z.number().finite().gt(0).lt(1);
const linkage = z.enum(['single', 'average', 'complete', 'ward']);

const objectiveObject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('min-variance') }),
  z.strictObject({ kind: z.literal('max-sharpe') }),
  z.strictObject({ kind: z.literal('efficient-return'), targetReturnAnnual: rate }),
  z.strictObject({
    kind: z.literal('efficient-risk'),
    targetVolatilityAnnual: z.number().finite().positive(),
  }),
  z.strictObject({
    kind: z.literal('utility'),
    riskAversion: z.number().finite().positive().default(1),
  }),
  z.strictObject({ kind: z.literal('max-return') }),
  z.strictObject({ kind: z.literal('max-diversification') }),
  z.strictObject({ kind: z.literal('risk-parity') }),
  z.strictObject({
    kind: z.literal('risk-budget'),
    budgets: z.record(z.string(), z.number().finite().positive()),
  }),
  z.strictObject({ kind: z.literal('hrp'), linkage: linkage.optional() }),
  z.strictObject({ kind: z.literal('herc'), linkage: linkage.optional() }),
  z.strictObject({
    kind: z.literal('min-cvar'),
    confidence: probability.default(0.95),
    targetReturnAnnual: rate.optional(),
  }),
  z.strictObject({
    kind: z.literal('min-cdar'),
    confidence: probability.default(0.95),
    targetReturnAnnual: rate.optional(),
  }),
  z.strictObject({ kind: z.literal('min-semivariance'), targetReturnAnnual: rate.optional() }),
]);

/** An objective: a name (`max-sharpe`) or `{ kind, …parameters }`. */
export const weightingObjectiveSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { kind: v } : v),
  objectiveObject,
);

/** An objective as validated (kebab-case kind, parameters defaulted). */
export type WeightingObjectiveConfig = z.output<typeof objectiveObject>;

/** The objective kinds a weighting accepts (the same as `optimize`'s). */
export const WEIGHTING_OBJECTIVES = objectiveObject.options.map((o) => o.shape.kind.value);

const symbol = z
  .string()
  .trim()
  .min(1)
  .transform((v) => v.toUpperCase());
const window = z.number().int().min(2);

/** A tactical overlay (docs/backtest.md, "Tactical signals"). */
export const tacticalSchema = z.discriminatedUnion('signal', [
  z.strictObject({
    signal: z.literal('moving-average'),
    /** Closes in the average (rows), e.g. 200 (about 10 months). */
    window: window.default(200),
    riskOff: symbol.optional(),
    /** One asset's signal switches every asset. */
    signalAsset: symbol.optional(),
  }),
  z.strictObject({
    signal: z.literal('dual-momentum'),
    /** Rows of the momentum, e.g. 252 (12 months). */
    window: window.default(252),
    riskOff: symbol.optional(),
    /** Assets held (the best by momentum). */
    top: z.number().int().min(1).default(1),
  }),
  z.strictObject({
    signal: z.literal('regime'),
    /** Daily returns the regime model is fitted on (≥ 20). */
    window: z.number().int().min(20).default(504),
    riskOff: symbol.optional(),
    signalAsset: symbol.optional(),
    calmScale: z.number().finite().min(0).default(1),
    stressedScale: z.number().finite().min(0).default(0.5),
  }),
]);

/** The `weighting` field of a strategy. */
export const weightingSchema = z.strictObject({
  method: z.enum(WEIGHTING_METHODS).default('fixed'),
  /** Trailing daily returns strictly before the rebalance row. */
  lookback: z.number().int().min(2).default(252),
  covariance: z.enum(WINDOW_COVARIANCES).default('sample'),
  /** `optimize` only. */
  objective: weightingObjectiveSchema.optional(),
  /** `risk-parity` and `optimize` only: bounds on every weight. */
  minWeight: z.number().finite().min(0).max(1).optional(),
  maxWeight: z.number().finite().positive().optional(),
  /** Annual volatility to scale to; the rest is cash (or borrowing, up to `maxLeverage`). */
  targetVol: z.number().finite().positive().optional(),
  /** Cap on Σ|w| after the scaling (with `targetVol` only); default 1. */
  maxLeverage: z.number().finite().positive().optional(),
  /** Used before the window exists and when the method fails: the `weights`, or 1/n each. */
  fallback: z.enum(['weights', 'equal']).default('weights'),
  /** `multi-period`: periods solved together (1: single-period with costs). */
  horizon: z.number().int().min(1).max(60).optional(),
  /** `multi-period`: γ of μᵀw − (γ/2)wᵀΣw per period (default 1). */
  riskAversion: z.number().finite().positive().optional(),
  /** `multi-period`: cost per unit of weight traded (default the strategy's costBps / 10,000). */
  tradeCost: z.number().finite().min(0).max(0.1).optional(),
  /** A tactical overlay on the method's weights (moving average, dual momentum, regime). */
  tactical: tacticalSchema.optional(),
});

/** The field as validated. */
export type WeightingConfig = z.output<typeof weightingSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/**
 * The checks of a `weighting` that need the rest of its strategy (`symbols`: the weight keys
 * upper-cased; `costBps`): every `issue` path is relative to the strategy.
 */
export function checkWeighting(
  w: WeightingConfig,
  strategy: {
    readonly symbols: readonly string[];
    readonly costBps: number;
    readonly rebalance?: string;
  },
  issue: Issue,
): void {
  const multi = w.method === 'multi-period';
  for (const field of ['horizon', 'riskAversion', 'tradeCost'] as const)
    if (w[field] !== undefined && !multi)
      issue(['weighting', field], `only the multi-period method takes ${field}`);
  if (multi && strategy.rebalance === 'never')
    issue(
      ['weighting', 'method'],
      'multi-period plans over rebalance periods: give the strategy a rebalance schedule',
    );
  if ((w.method === 'optimize') !== (w.objective !== undefined))
    issue(
      ['weighting', 'objective'],
      w.method === 'optimize'
        ? 'the optimize method needs an objective'
        : `only the optimize method takes an objective (method is ${w.method})`,
    );
  const optimizes = w.method === 'optimize' || w.method === 'risk-parity' || multi;
  for (const bound of ['minWeight', 'maxWeight'] as const)
    if (w[bound] !== undefined && !optimizes)
      issue(['weighting', bound], `only risk-parity, optimize and multi-period take weight bounds`);
  if (w.minWeight !== undefined && w.maxWeight !== undefined && w.minWeight > w.maxWeight)
    issue(['weighting', 'maxWeight'], `is below minWeight (${w.minWeight})`);
  if (w.maxLeverage !== undefined && w.targetVol === undefined)
    issue(['weighting', 'maxLeverage'], 'caps the target-volatility scaling: give targetVol too');
  if (w.targetVol !== undefined && (strategy.costBps / 10_000) * (w.maxLeverage ?? 1) >= 1)
    issue(
      ['weighting', 'maxLeverage'],
      `costs times the largest gross weight (${w.maxLeverage ?? 1}) must stay below 100 %`,
    );
  checkTacticalConfig(w, strategy, issue);
  if (w.objective?.kind === 'risk-budget') {
    const have = new Set(strategy.symbols);
    const named = new Set<string>();
    for (const key of Object.keys(w.objective.budgets)) {
      const sym = key.trim().toUpperCase();
      named.add(sym);
      if (!have.has(sym))
        issue(
          ['weighting', 'objective', 'budgets', key],
          `${sym} is not one of the strategy's weights (${strategy.symbols.join(', ')})`,
        );
    }
    for (const sym of strategy.symbols)
      if (!named.has(sym))
        issue(
          ['weighting', 'objective', 'budgets'],
          `every symbol needs a budget: ${sym} has none`,
        );
  }
}

/** The symbols a tactical overlay names must be the strategy's; `top` at most its risky assets. */
function checkTacticalConfig(
  w: WeightingConfig,
  strategy: { readonly symbols: readonly string[]; readonly costBps: number },
  issue: Issue,
): void {
  const t = w.tactical;
  if (t === undefined) return;
  const named: ['riskOff' | 'signalAsset', string | undefined][] = [
    ['riskOff', t.riskOff],
    ['signalAsset', 'signalAsset' in t ? t.signalAsset : undefined],
  ];
  for (const [field, sym] of named)
    if (sym !== undefined && !strategy.symbols.includes(sym))
      issue(
        ['weighting', 'tactical', field],
        `${sym} is not one of the strategy's weights (${strategy.symbols.join(', ')}); give it weight 0 to hold it only as ${field}`,
      );
  const risky = strategy.symbols.length - (t.riskOff === undefined ? 0 : 1);
  if (t.signal === 'dual-momentum' && t.top > risky)
    issue(['weighting', 'tactical', 'top'], `is more than the ${risky} assets it can choose from`);
  if (t.signal === 'regime' && (strategy.costBps / 10_000) * t.calmScale >= 1)
    issue(['weighting', 'tactical', 'calmScale'], 'costs times the scale must stay below 100 %');
}
