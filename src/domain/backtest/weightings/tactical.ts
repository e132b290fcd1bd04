/**
 * Tactical overlays of a weighting (docs/backtest.md, "Tactical signals"): after the method
 * gives its weights w for row t, a signal computed from closes of rows before t only decides
 * how much of w is held; what is not held goes to the `riskOff` asset (one of the strategy's
 * own) or, without one, stays in cash.
 *
 * - `moving-average` (Faber 2007): asset i is on when its close of row t − 1 is at or above
 *   the mean of its closes of rows t − N … t − 1 (N = `window`); an asset that is off gives
 *   its weight to `riskOff`/cash. With `signalAsset`, that one asset's signal switches every
 *   asset at once (the classic "above the 200-day average: risk on").
 * - `dual-momentum` (Antonacci 2014): the momentum of each asset but `riskOff` is
 *   mᵢ = close(t − 1) / close(t − 1 − N) − 1. The `top` k by momentum (ties: config order)
 *   share the weights' gross exposure G = Σ|wᵢ| of those assets equally, G/k each (relative
 *   momentum); a chosen asset whose momentum does not beat the hurdle — `riskOff`'s own
 *   momentum, or without one cash over the same N rows, (1 + rate)^(N/252) − 1 — gives its
 *   share to `riskOff`/cash (absolute momentum).
 * - `regime`: the two-state Markov-switching model (`src/domain/stress/markov-switching.ts`)
 *   fitted by EM on the N daily returns of rows t − N … t − 1 of `signalAsset`, or without
 *   one of the portfolio of the weights w (Σ wᵢ rᵢ); the state is stressed when the filtered
 *   (real-time) probability of the high-volatility state at row t − 1 exceeds 0.5. The
 *   weights are multiplied by `calmScale` or `stressedScale` (above 1: borrowing).
 *
 * Before row t has N + 1 closes behind it the signal cannot be computed: w is held unchanged
 * and the record says why (`INSUFFICIENT_HISTORY`). A regime fit the model refuses (a window
 * that did not move) is recorded the same way with its code. The signal is the record's
 * `signal`: its kind, the state per asset or for the portfolio, and the values behind it.
 */

import { BallastError, invalidInput } from '../../errors.ts';
import { fitMarkovSwitching } from '../../stress/markov-switching.ts';
import type { WeightingContext } from '../types.ts';
import { ROWS_PER_YEAR } from './window.ts';

/** A tactical overlay's settings (module comment). */
export type TacticalRule =
  | {
      readonly signal: 'moving-average';
      readonly window: number;
      readonly riskOff?: string | undefined;
      readonly signalAsset?: string | undefined;
    }
  | {
      readonly signal: 'dual-momentum';
      readonly window: number;
      readonly riskOff?: string | undefined;
      readonly top: number;
    }
  | {
      readonly signal: 'regime';
      readonly window: number;
      readonly riskOff?: string | undefined;
      readonly signalAsset?: string | undefined;
      readonly calmScale: number;
      readonly stressedScale: number;
    };

/** What a tactical overlay saw on a row (the weighting record's `signal`). */
export interface TacticalSignal {
  readonly signal: TacticalRule['signal'];
  /** Per asset for `moving-average` and `dual-momentum`; `portfolio` for `regime`. */
  readonly state: Readonly<Record<string, 'on' | 'off' | 'calm' | 'stressed'>>;
  /**
   * The numbers behind it: close / average − 1 (moving average), the momentum and `hurdle`
   * (dual momentum), the stressed probability (regime).
   */
  readonly values: Readonly<Record<string, number>>;
  /** Why no signal was computed on the row (the weights were held unchanged). */
  readonly skipped?: { readonly code: string; readonly reason: string };
}

/** A rule checked against the strategy's assets: the columns of its assets in the strategy. */
export interface CheckedTactical {
  readonly rule: TacticalRule;
  /** Index of `riskOff` among the strategy's assets, or -1 (cash). */
  readonly riskOff: number;
  /** Index of `signalAsset` among the strategy's assets, or -1 (none). */
  readonly signalAsset: number;
}

/**
 * Checks `rule` against the strategy's `assets` (upper-case symbols).
 *
 * @throws BallastError INVALID_INPUT naming `weighting.tactical.FIELD`
 */
export function checkTactical(rule: TacticalRule, assets: readonly string[]): CheckedTactical {
  const field = (name: string) => `weighting.tactical.${name}`;
  if (!(Number.isInteger(rule.window) && rule.window >= 2))
    throw invalidInput(field('window'), rule.window, 'must be a whole number of rows ≥ 2');
  if (rule.signal === 'regime' && rule.window < 20)
    throw invalidInput(field('window'), rule.window, 'the regime model needs ≥ 20 returns');
  const indexOf = (name: 'riskOff' | 'signalAsset'): number => {
    const sym =
      name === 'riskOff' ? rule.riskOff : 'signalAsset' in rule ? rule.signalAsset : undefined;
    if (sym === undefined) return -1;
    const i = assets.indexOf(sym);
    if (i < 0)
      throw invalidInput(
        field(name),
        sym,
        `must be one of the strategy's weights (${assets.join(', ')}); give it weight 0 to hold it only as ${name}`,
      );
    return i;
  };
  const checked = { rule, riskOff: indexOf('riskOff'), signalAsset: indexOf('signalAsset') };
  if (rule.signal === 'dual-momentum') {
    const risky = assets.length - (checked.riskOff >= 0 ? 1 : 0);
    if (!(Number.isInteger(rule.top) && rule.top >= 1 && rule.top <= risky))
      throw invalidInput(field('top'), rule.top, `must be a whole number from 1 to ${risky}`);
  }
  if (rule.signal === 'regime')
    for (const k of ['calmScale', 'stressedScale'] as const)
      if (!(rule[k] >= 0 && Number.isFinite(rule[k])))
        throw invalidInput(field(k), rule[k], 'must be a finite number ≥ 0');
  return checked;
}

/** The close of the strategy's asset `i` on row `t`. */
const closeOf = (ctx: WeightingContext, i: number, t: number): number =>
  ctx.market.closes[ctx.columns[i]!]![t]!;

/** Moves weight `w[i]` to `riskOff` (or cash), in place. */
function moveOff(w: Float64Array, i: number, riskOff: number): void {
  if (riskOff >= 0) w[riskOff] = w[riskOff]! + w[i]!;
  w[i] = 0;
}

function movingAverage(c: CheckedTactical, ctx: WeightingContext, w: Float64Array) {
  const n = c.rule.window;
  const assets = ctx.columns.length;
  const ratio = (i: number): number => {
    let sum = 0;
    for (let t = ctx.row - n; t < ctx.row; t++) sum += closeOf(ctx, i, t);
    return closeOf(ctx, i, ctx.row - 1) / (sum / n) - 1;
  };
  const state: Record<string, 'on' | 'off'> = {};
  const values: Record<string, number> = {};
  const name = (i: number) => ctx.market.symbols[ctx.columns[i]!]!;
  const whole = c.signalAsset >= 0 ? ratio(c.signalAsset) : undefined;
  if (whole !== undefined) values[name(c.signalAsset)] = whole;
  for (let i = 0; i < assets; i++) {
    if (i === c.riskOff) continue;
    const r = whole ?? ratio(i);
    if (whole === undefined) values[name(i)] = r;
    state[name(i)] = r >= 0 ? 'on' : 'off';
    if (r < 0) moveOff(w, i, c.riskOff);
  }
  return { state, values };
}

function dualMomentum(
  c: CheckedTactical & { readonly rule: { readonly top: number }; readonly cashRate: number },
  ctx: WeightingContext,
  w: Float64Array,
) {
  const n = c.rule.window;
  const name = (i: number) => ctx.market.symbols[ctx.columns[i]!]!;
  const momentum = (i: number) =>
    closeOf(ctx, i, ctx.row - 1) / closeOf(ctx, i, ctx.row - 1 - n) - 1;
  const hurdle = c.riskOff >= 0 ? momentum(c.riskOff) : (1 + c.cashRate) ** (n / ROWS_PER_YEAR) - 1;
  const risky = [...w.keys()].filter((i) => i !== c.riskOff);
  const m = new Map(risky.map((i) => [i, momentum(i)]));
  const ranked = [...risky].sort((a, b) => m.get(b)! - m.get(a)! || a - b);
  const chosen = new Set(ranked.slice(0, c.rule.top));
  let gross = 0;
  for (const i of risky) gross += Math.abs(w[i]!);
  const share = gross / c.rule.top;
  const state: Record<string, 'on' | 'off'> = {};
  const values: Record<string, number> = { hurdle };
  for (const i of risky) {
    values[name(i)] = m.get(i)!;
    const on = chosen.has(i) && m.get(i)! > hurdle;
    state[name(i)] = on ? 'on' : 'off';
    w[i] = chosen.has(i) ? share : 0;
    if (!on) moveOff(w, i, c.riskOff);
  }
  return { state, values };
}

function regime(c: CheckedTactical, ctx: WeightingContext, w: Float64Array) {
  const n = c.rule.window;
  const r = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const t = ctx.row - n + s;
    const ret = (i: number) => closeOf(ctx, i, t) / closeOf(ctx, i, t - 1) - 1;
    if (c.signalAsset >= 0) r[s] = ret(c.signalAsset);
    else for (let i = 0; i < w.length; i++) r[s] = r[s]! + w[i]! * ret(i);
  }
  const fit = fitMarkovSwitching(r);
  const p = fit.filtered[n - 1]![1];
  const stressed = p > 0.5;
  const rule = c.rule as Extract<TacticalRule, { signal: 'regime' }>;
  const scale = stressed ? rule.stressedScale : rule.calmScale;
  if (c.riskOff >= 0 && scale < 1) {
    let moved = 0;
    for (let i = 0; i < w.length; i++)
      if (i !== c.riskOff) {
        moved += w[i]! * (1 - scale);
        w[i] = w[i]! * scale;
      }
    w[c.riskOff] = w[c.riskOff]! + moved;
  } else for (let i = 0; i < w.length; i++) if (i !== c.riskOff) w[i] = w[i]! * scale;
  return {
    state: { portfolio: stressed ? ('stressed' as const) : ('calm' as const) },
    values: { stressedProbability: p, scale },
  };
}

/**
 * Applies the overlay `c` to the method's weights `w` on row `ctx.row`, in place, and says
 * what it saw (module comment). `c.cashRate` is the annual cash rate (dual momentum's hurdle
 * without `riskOff`).
 */
export function applyTactical(
  c: CheckedTactical & { readonly cashRate: number },
  ctx: WeightingContext,
  w: Float64Array,
): TacticalSignal {
  const { rule } = c;
  if (ctx.row - 1 - rule.window < 0)
    return {
      signal: rule.signal,
      state: {},
      values: {},
      skipped: {
        code: 'INSUFFICIENT_HISTORY',
        reason: `${rule.signal} needs ${rule.window + 1} closes before ${ctx.market.dates[ctx.row]} (has ${ctx.row})`,
      },
    };
  switch (rule.signal) {
    case 'moving-average':
      return { signal: rule.signal, ...movingAverage(c, ctx, w) };
    case 'dual-momentum':
      return { signal: rule.signal, ...dualMomentum({ ...c, rule }, ctx, w) };
    case 'regime':
      try {
        return { signal: rule.signal, ...regime(c, ctx, w) };
      } catch (error) {
        if (!(error instanceof BallastError)) throw error;
        return {
          signal: rule.signal,
          state: {},
          values: {},
          skipped: { code: error.code, reason: error.message },
        };
      }
  }
}
