/**
 * A weighting rule as a {@link Weighting} for the engine (docs/backtest.md, "Weightings").
 * On each row it is asked for targets:
 *
 * 1. The method's weights ("methods.ts") on the trailing window of `lookback` returns
 *    strictly before the row ("window.ts"); `fixed` and `equal` need no window unless a
 *    target volatility is set.
 * 2. When the window is not there yet (`INSUFFICIENT_HISTORY`) or the method fails (an
 *    infeasible optimisation, an asset that did not move…), the fallback is used: the
 *    config's `weights` (default) or equal weights — and recorded with the reason.
 * 3. With `tactical`, a signal from closes before the row decides how much of the weights is
 *    held; the rest goes to the `riskOff` asset or cash ("tactical.ts").
 * 4. With `targetVol`, the weights are scaled by s = targetVol / √(wᵀΣw) (Σ the window's
 *    annual covariance), capped so that Σ|s·wᵢ| ≤ `maxLeverage` (default 1: never borrow);
 *    the rest is cash (borrowed when the sum exceeds 1). Without a window nothing is scaled.
 *
 * Every set of targets but those of a plain `fixed` rule is reported to the engine
 * (`ctx.report`) as a {@link WeightingRecord}. The rule reads the closes of rows before
 * `ctx.row` only, so the targets of a row never depend on its own close or a later one.
 */

import { BallastError } from '../../errors.ts';
import { invalidInput } from '../../errors.ts';
import type { Weighting, WeightingContext } from '../types.ts';
import { fixedWeights } from '../weighting.ts';
import {
  equalWeights,
  inverseVolWeights,
  optimizerWeights,
  type MethodOutcome,
  type OptimizerSetup,
} from './methods.ts';
import type {
  FallbackKind,
  WeightingFallback,
  WeightingMethod,
  WeightingRecord,
} from './record.ts';
import { multiPeriodWeights, type MultiPeriodSetup } from './multi-period.ts';
import {
  applyTactical,
  checkTactical,
  type CheckedTactical,
  type TacticalRule,
} from './tactical.ts';
import {
  hasWindow,
  portfolioVolatility,
  windowMoments,
  type WindowCovariance,
  type WindowMoments,
} from './window.ts';

/** The default number of trailing returns (a year of rows). */
export const DEFAULT_LOOKBACK = 252;

/** A strategy's weighting rule (module comment; docs/backtest.md, "Weightings"). */
export interface WeightingRule {
  readonly method: WeightingMethod;
  /** The strategy's assets, in target order. */
  readonly assets: readonly string[];
  /** The config's weights: the targets of `fixed` and the `weights` fallback. */
  readonly weights: readonly number[];
  /** Trailing daily returns before the row (≥ 2; default 252). */
  readonly lookback?: number;
  /** Covariance model of the window (default sample, divisor L − 1). */
  readonly covariance?: WindowCovariance;
  /** `risk-parity` and `optimize`: the solver, the objective, the bounds and rf. */
  readonly optimizer?: OptimizerSetup;
  /** Annual volatility to scale the weights to (decimal > 0). */
  readonly targetVol?: number;
  /** Cap on Σ|wᵢ| after the target-volatility scaling (default 1). */
  readonly maxLeverage?: number;
  /** What replaces the method's weights when it cannot give them (default `weights`). */
  readonly fallback?: FallbackKind;
  /** `multi-period`: the horizon, γ, κ and the rebalances a year ("multi-period.ts"). */
  readonly multiPeriod?: Omit<MultiPeriodSetup, 'highs' | 'minWeight' | 'maxWeight'>;
  /** A tactical overlay on the method's weights, before any scaling ("tactical.ts"). */
  readonly tactical?: TacticalRule;
  /** The annual cash rate (dual momentum's hurdle without `riskOff`; default 0). */
  readonly cashRateAnnual?: number;
}

interface Checked {
  readonly rule: WeightingRule;
  readonly lookback: number;
  readonly covariance: WindowCovariance;
  readonly maxLeverage: number;
  readonly fallback: FallbackKind;
  readonly needsWindow: boolean;
  readonly tactical: CheckedTactical | undefined;
}

function check(rule: WeightingRule): Checked {
  const lookback = rule.lookback ?? DEFAULT_LOOKBACK;
  if (!(Number.isInteger(lookback) && lookback >= 2))
    throw invalidInput('weighting.lookback', lookback, 'must be a whole number of rows ≥ 2');
  if (rule.weights.length !== rule.assets.length)
    throw invalidInput('weights', rule.weights.length, `needs ${rule.assets.length} weights`);
  rule.weights.forEach((w, i) => {
    if (!Number.isFinite(w)) throw invalidInput(`weights[${i}]`, w, 'must be a finite number');
  });
  const { targetVol } = rule;
  if (targetVol !== undefined && !(targetVol > 0 && Number.isFinite(targetVol)))
    throw invalidInput('weighting.targetVol', targetVol, 'must be an annual volatility above 0');
  const maxLeverage = rule.maxLeverage ?? 1;
  if (!(maxLeverage > 0 && Number.isFinite(maxLeverage)))
    throw invalidInput('weighting.maxLeverage', maxLeverage, 'must be above 0');
  const optimizes =
    rule.method === 'risk-parity' || rule.method === 'optimize' || rule.method === 'multi-period';
  if (rule.method === 'multi-period') checkMultiPeriod(rule.multiPeriod);
  if (optimizes && rule.optimizer === undefined)
    throw invalidInput('weighting.optimizer', rule.method, 'this method needs the optimiser');
  if (rule.method === 'optimize' && rule.optimizer?.objective === undefined)
    throw invalidInput('weighting.objective', undefined, 'the optimize method needs an objective');
  return {
    rule,
    lookback,
    covariance: rule.covariance ?? { method: 'sample' },
    maxLeverage,
    fallback: rule.fallback ?? 'weights',
    needsWindow: targetVol !== undefined || !(rule.method === 'fixed' || rule.method === 'equal'),
    tactical: rule.tactical === undefined ? undefined : checkTactical(rule.tactical, rule.assets),
  };
}

function checkMultiPeriod(m: WeightingRule['multiPeriod']): void {
  if (m === undefined)
    throw invalidInput(
      'weighting.horizon',
      undefined,
      'the multi-period method needs its settings',
    );
  if (!(Number.isInteger(m.horizon) && m.horizon >= 1))
    throw invalidInput('weighting.horizon', m.horizon, 'must be a whole number of periods ≥ 1');
  if (!(m.riskAversion > 0 && Number.isFinite(m.riskAversion)))
    throw invalidInput('weighting.riskAversion', m.riskAversion, 'must be above 0');
  if (!(m.tradeCost >= 0 && Number.isFinite(m.tradeCost)))
    throw invalidInput('weighting.tradeCost', m.tradeCost, 'must be a decimal ≥ 0');
}

/** The weights held at the previous close (row − 1's closes; all cash on the first row). */
function currentWeights(ctx: WeightingContext): Float64Array {
  const n = ctx.columns.length;
  const w = new Float64Array(n);
  if (ctx.row === 0) return w;
  let value = ctx.cash;
  for (let i = 0; i < n; i++) {
    w[i] = ctx.quantities[i]! * ctx.market.closes[ctx.columns[i]!]![ctx.row - 1]!;
    value += w[i]!;
  }
  for (let i = 0; i < n; i++) w[i] = value > 0 ? w[i]! / value : 0;
  return w;
}

function methodWeights(
  c: Checked,
  moments: WindowMoments | undefined,
  ctx: WeightingContext,
): MethodOutcome {
  const { rule } = c;
  switch (rule.method) {
    case 'multi-period':
      return multiPeriodWeights(moments!, currentWeights(ctx), {
        ...rule.multiPeriod!,
        highs: rule.optimizer!.highs,
        ...rule.optimizer!.constraints,
      });
    case 'fixed':
      return { weights: Float64Array.from(rule.weights) };
    case 'equal':
      return { weights: equalWeights(rule.assets.length) };
    case 'inverse-vol':
      return inverseVolWeights(moments!, rule.assets);
    case 'risk-parity':
    case 'optimize':
      return optimizerWeights({
        method: rule.method,
        moments: moments!,
        assets: rule.assets,
        setup: rule.optimizer!,
      });
  }
}

function fallbackWeights(c: Checked): Float64Array {
  return c.fallback === 'equal'
    ? equalWeights(c.rule.assets.length)
    : Float64Array.from(c.rule.weights);
}

/** Scales `w` in place to the target volatility under the leverage cap (module comment). */
function scaleToTarget(
  c: Checked,
  w: Float64Array,
  moments: WindowMoments,
): { exAnteVol: number; scale: number } {
  const exAnteVol = portfolioVolatility(w, moments.covarianceAnnual);
  let gross = 0;
  for (const x of w) gross += Math.abs(x);
  const cap = gross > 0 ? c.maxLeverage / gross : 1;
  const scale = exAnteVol > 0 ? Math.min(c.rule.targetVol! / exAnteVol, cap) : cap;
  for (let i = 0; i < w.length; i++) w[i] = w[i]! * scale;
  return { exAnteVol, scale };
}

function momentsAt(c: Checked, ctx: WeightingContext): WindowMoments | WeightingFallback {
  const { row, market } = ctx;
  if (!hasWindow(row, c.lookback))
    return {
      code: 'INSUFFICIENT_HISTORY',
      reason: `${Math.max(0, row - 1)} of the ${c.lookback} daily returns needed before ${market.dates[row]}`,
      used: c.fallback,
    };
  try {
    return windowMoments(ctx, c);
  } catch (error) {
    // A window the estimator refuses (a shrinkage target on near-constant closes) is a failed
    // rebalance, recorded with its fallback like an infeasible optimisation.
    if (!(error instanceof BallastError)) throw error;
    return { code: error.code, reason: error.message, used: c.fallback };
  }
}

function targetsOf(c: Checked, ctx: WeightingContext): Float64Array {
  const base = {
    row: ctx.row,
    date: ctx.market.dates[ctx.row]!,
    method: c.rule.method,
  };
  let moments: WindowMoments | undefined;
  let fallback: WeightingFallback | undefined;
  let weights: Float64Array;
  const got = c.needsWindow ? momentsAt(c, ctx) : undefined;
  if (got !== undefined && 'used' in got) {
    fallback = got;
    weights = fallbackWeights(c);
  } else {
    moments = got;
    const outcome = methodWeights(c, moments, ctx);
    if ('failure' in outcome) {
      fallback = { ...outcome.failure, used: c.fallback };
      weights = fallbackWeights(c);
    } else weights = outcome.weights;
  }
  const signal =
    c.tactical === undefined
      ? undefined
      : applyTactical({ ...c.tactical, cashRate: c.rule.cashRateAnnual ?? 0 }, ctx, weights);
  const scaled =
    c.rule.targetVol === undefined || moments === undefined
      ? {}
      : scaleToTarget(c, weights, moments);
  const record: WeightingRecord = {
    ...base,
    weights,
    ...scaled,
    ...(fallback ? { fallback } : {}),
    ...(signal ? { signal } : {}),
  };
  ctx.report?.(record);
  return weights;
}

/**
 * The engine's {@link Weighting} of `rule` (module comment; docs/backtest.md, "Weightings").
 *
 * @throws BallastError INVALID_INPUT naming `weighting.lookback`, `weighting.targetVol`,
 *   `weighting.maxLeverage`, `weighting.objective` or `weights[i]` for a bad rule (at once,
 *   not on the first row).
 */
export function ruleWeighting(rule: WeightingRule): Weighting {
  const c = check(rule);
  if (rule.method === 'fixed' && rule.targetVol === undefined && rule.tactical === undefined)
    return fixedWeights(rule.weights);
  return (ctx) => targetsOf(c, ctx);
}
