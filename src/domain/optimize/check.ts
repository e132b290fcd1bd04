/**
 * Independent verification of a portfolio against its constraints, on the weights themselves
 * (not the solver's auxiliary variables): every constraint yields `{ name, ok, slack }` with
 * slack ≥ 0 when satisfied (distance to the limit; −|residual| for equalities) and
 * ok ⇔ slack ≥ −{@link CHECK_TOLERANCE} (docs/conventions.md, "Tolerances": a constraint
 * check on a result holds to 1e-9 absolute).
 *
 * The one failure policy of every optimiser — the mean-variance family, the scenario and
 * risk-budget objectives, the hierarchical allocators and the fund mapping alike: a result
 * passes every check, or {@link requireChecksHold} throws (SOLVER_FAILED, or INFEASIBLE where
 * the weights are determined by the method and cannot be bounded). Nothing is renormalised.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { BallastError } from '../errors.ts';
import type { PortfolioConstraints } from './constraints.ts';
import { fixedCosts } from './model/fixed-cost-rows.ts';
import { weightBounds } from './model/portfolio-model.ts';
import { exposureForm } from './model/rows.ts';

/** Absolute tolerance of every check (weights, exposures, returns are decimals). */
export const CHECK_TOLERANCE = 1e-9;

/** One verified constraint. */
export interface ConstraintCheck {
  readonly name: string;
  readonly ok: boolean;
  /** Distance to the limit (≥ 0 when satisfied); −|residual| for an equality. */
  readonly slack: number;
}

/** A limit measured on a result, before the tolerance is applied. */
export interface SlackCheck {
  readonly name: string;
  /** Distance to the limit (≥ 0 when satisfied). */
  readonly slack: number;
}

/** `{ name, slack }` with `ok` ⇔ slack ≥ −{@link CHECK_TOLERANCE}. */
export function constraintCheck(name: string, slack: number): ConstraintCheck {
  return { name, ok: slack >= -CHECK_TOLERANCE, slack };
}

/** What {@link requireChecksHold} reports on a violation. */
export interface ViolationReport {
  /** What was solved, first word of the message (e.g. `minVariance`, `fund mapping`). */
  readonly label: string;
  /** Default SOLVER_FAILED; INFEASIBLE when the method's weights cannot honour a bound. */
  readonly code?: 'SOLVER_FAILED' | 'INFEASIBLE';
  /** Appended to the message (why, what to change). */
  readonly hint?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The failure policy (module comment): throws a BallastError naming every violated check and
 * by how much, with the failed checks in `details.failed`; returns when every check holds.
 */
export function requireChecksHold(
  checks: readonly ConstraintCheck[],
  report: ViolationReport,
): void {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return;
  const list = failed.map((c) => `${c.name} by ${-c.slack}`).join(', ');
  throw new BallastError(
    report.code ?? 'SOLVER_FAILED',
    `${report.label}: the solution violates ${list}${report.hint === undefined ? '' : `; ${report.hint}`}`,
    { failed, ...report.details },
  );
}

/** What {@link checkConstraints} verifies. */
export interface CheckSpec {
  readonly assets: readonly string[];
  readonly weights: Float64Array;
  /** Net cash (negative = borrowing); 0 when fully invested. */
  readonly cash: number;
  readonly constraints: PortfolioConstraints;
  /** Σ (annual), needed to verify a `trackingError` limit (the check fails without it). */
  readonly covarianceAnnual?: Matrix;
  /** Extra objective-defined limits (e.g. `targetReturn`), already as slacks. */
  readonly extra?: readonly SlackCheck[];
}

const sum = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

function limitChecks(
  name: string,
  value: number,
  limits: { readonly min?: number | undefined; readonly max?: number | undefined },
): SlackCheck[] {
  const out: SlackCheck[] = [];
  if (limits.min !== undefined && limits.min === limits.max) {
    return [{ name, slack: -Math.abs(value - limits.min) }];
  }
  if (limits.min !== undefined) out.push({ name: `${name}:min`, slack: value - limits.min });
  if (limits.max !== undefined) out.push({ name: `${name}:max`, slack: limits.max - value });
  return out;
}

function dot(form: ArrayLike<number>, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += form[i]! * w[i]!;
  return s;
}

function exposureChecks(spec: CheckSpec): SlackCheck[] {
  const e = spec.constraints.exposures;
  if (e === undefined) return [];
  const x = e.names.map((_, k) => dot(exposureForm(e, k), spec.weights));
  const index = new Map(e.names.map((name, k) => [name, k]));
  const out = Object.entries(e.limits ?? {}).flatMap(([name, limits]) =>
    limitChecks(`exposure:${name}`, x[index.get(name)!]!, limits),
  );
  for (const c of e.categories ?? []) {
    const value = sum(c.exposures.map((name) => x[index.get(name)!]!));
    out.push(...limitChecks(`category:${c.name}`, value, c));
  }
  if (e.grossMax !== undefined) {
    out.push({ name: 'grossExposure', slack: e.grossMax - sum(x.map(Math.abs)) });
  }
  return out;
}

/**
 * Checks `spec.weights` (and cash) against every constraint of `spec.constraints`. Weight bounds
 * are summarised as `minWeight` / `maxWeight` (the smallest slack over assets).
 */
export function checkConstraints(spec: CheckSpec): ConstraintCheck[] {
  const { weights: w, constraints: c } = spec;
  const n = w.length;
  const { lower, upper } = weightBounds(n, c);
  let minSlack = Infinity;
  let maxSlack = Infinity;
  for (let i = 0; i < n; i++) {
    minSlack = Math.min(minSlack, w[i]! - lower[i]!);
    maxSlack = Math.min(maxSlack, upper[i]! - w[i]!);
  }
  const raw: SlackCheck[] = [];
  if (n > 0)
    raw.push({ name: 'minWeight', slack: minSlack }, { name: 'maxWeight', slack: maxSlack });
  const net = sum(w);
  const budget = c.budget ?? { kind: 'fullyInvested' };
  raw.push({ name: 'budget', slack: -Math.abs(net + spec.cash - 1) });
  if (budget.kind === 'cashLine') {
    if (budget.maxBorrow !== undefined) {
      raw.push({ name: 'maxBorrow', slack: budget.maxBorrow - Math.max(0, -spec.cash) });
    }
    if (budget.maxCash !== undefined)
      raw.push({ name: 'maxCash', slack: budget.maxCash - spec.cash });
  } else if (spec.cash !== 0) raw.push({ name: 'noCash', slack: -Math.abs(spec.cash) });
  const ls = c.longShort;
  if (ls?.grossMax !== undefined)
    raw.push({ name: 'gross', slack: ls.grossMax - sum(w.map(Math.abs)) });
  if (ls !== undefined) raw.push(...limitChecks('net', net, { min: ls.netMin, max: ls.netMax }));
  const index = new Map(spec.assets.map((a, i) => [a, i]));
  for (const g of c.groups ?? []) {
    let value = 0;
    for (const [asset, coef] of Object.entries(g.coefficients))
      value += coef * w[index.get(asset)!]!;
    raw.push(...limitChecks(`group:${g.name}`, value, g));
  }
  raw.push(...exposureChecks(spec));
  const t = c.turnover;
  if (t?.maxTurnover !== undefined) {
    raw.push({
      name: 'turnover',
      slack: t.maxTurnover - sum(w.map((v, i) => Math.abs(v - t.currentWeights[i]!))),
    });
  }
  if (c.trackingError !== undefined) {
    raw.push({
      name: 'trackingError',
      slack: c.trackingError.maxAnnual - trackingErrorOf(spec, c.trackingError.benchmarkWeights),
    });
  }
  raw.push(...(spec.extra ?? []));
  return raw.map(({ name, slack }) => constraintCheck(name, slack));
}

/**
 * Annual tracking error √((w − b)ᵀΣ(w − b)) of the checked weights; NaN (a failed check) when
 * the spec carries no covariance or b has the wrong length.
 */
export function trackingErrorOf(spec: CheckSpec, benchmark: readonly number[]): number {
  const cov = spec.covarianceAnnual;
  const w = spec.weights;
  const n = w.length;
  if (cov === undefined || benchmark.length !== n || cov.rows !== n) return Number.NaN;
  const d = Float64Array.from(w, (v, i) => v - benchmark[i]!);
  let q = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov.data[i * n + j]! * d[j]!;
    q += d[i]! * s;
  }
  return Math.sqrt(Math.max(0, q));
}

/**
 * One-off transaction cost of moving from the current weights (0 without turnover):
 * proportional Σκ_i|w_i − w0_i| plus fixed Σ F_i over traded assets (|w_i − w0_i| >
 * {@link CHECK_TOLERANCE}).
 */
export function transactionCost(weights: Float64Array, constraints: PortfolioConstraints): number {
  const t = constraints.turnover;
  if (t === undefined) return 0;
  const rate = t.costRate ?? 0;
  const fixed = fixedCosts(t, weights.length);
  let cost = 0;
  weights.forEach((v, i) => {
    const k = typeof rate === 'number' ? rate : rate[i]!;
    const traded = Math.abs(v - t.currentWeights[i]!);
    cost += k * traded + (traded > CHECK_TOLERANCE ? fixed[i]! : 0);
  });
  return cost;
}
