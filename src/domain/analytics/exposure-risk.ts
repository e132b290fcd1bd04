/**
 * Ex-ante risk of a portfolio decomposed by position AND by economic exposure, through the
 * fund definitions (economic exposure per $1 of NAV, leverage included).
 *
 * Conventions (docs/conventions.md "Risk contributions"; every figure annual when Σ_x is annual):
 * - NAV = Σ position market values + Σ cash lines (cash may be negative: margin debt); > 0.
 * - w_j = value_j / NAV for every (symbol, account) line; cash lines carry zero risk.
 * - E (positions × exposures): row j = the fund definition of line j's symbol.
 * - exposure vector x = Eᵀw; σ = √(xᵀΣ_x x).
 * - by exposure: marginal (Σ_x x)_i/σ, component x_i(Σ_x x)_i/σ, percent component/σ;
 * - by position: marginal (EΣ_x x)_j/σ = (EΣ_xEᵀw)_j/σ, component w_j·marginal_j, percent
 *   component/σ. Both sets of components sum to σ (Euler), percents to 1.
 * - diversification ratio Σ_i|x_i|σ_i/σ and effective number of bets (Meucci 2009, principal
 *   components) on the exposures, from {@link decomposeRisk}.
 * - A symbol without a fund definition is listed in `unexplained` (as `decomposeHoldings`
 *   does), never guessed: its value counts in NAV, it has no risk line, and the result says so.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../errors.ts';
import type { FundUniverse } from '../exposures/fund-types.ts';
import { normalizeSymbol } from '../exposures/symbol.ts';
import { checkConfidence } from '../measures/tail-risk.ts';
import { normalPdf, normalQuantile } from './normal-distribution.ts';
import { decomposeRisk } from './risk-decomposition.ts';

/** One holding line: a symbol in an account with its market value (currency units). */
export interface RiskHolding {
  readonly symbol: string;
  readonly account: string;
  readonly marketValue: number;
}

/** A cash balance of one account (currency units; negative = margin debt). */
export interface CashLine {
  readonly account: string;
  readonly amount: number;
}

/** An exposure covariance: `matrix[i][j]` is cov(ids[i], ids[j]) (annual for annual σ). */
export interface ExposureCovariance {
  readonly ids: readonly string[];
  readonly matrix: Matrix;
}

/** Input of {@link decomposeExposureRisk}. */
export interface ExposureRiskInput {
  readonly holdings: readonly RiskHolding[];
  readonly cash: readonly CashLine[];
  readonly funds: FundUniverse;
  readonly covariance: ExposureCovariance;
}

/** Risk of one position line (`kind: 'cash'` lines have symbol `CASH` and zero risk). */
export interface PositionRisk {
  readonly symbol: string;
  readonly account: string;
  readonly kind: 'fund' | 'cash';
  readonly marketValue: number;
  /** marketValue / NAV. */
  readonly weight: number;
  /** ∂σ/∂w_j = (EΣ_x x)_j / σ. */
  readonly marginal: number;
  /** w_j · marginal_j. */
  readonly component: number;
  /** component / σ. */
  readonly percent: number;
  /** Stand-alone volatility of $1 of the fund, √(e_jᵀΣ_x e_j) (0 for cash). */
  readonly standaloneVolatility: number;
}

/** Risk of one economic exposure. */
export interface ExposureRiskLine {
  readonly exposure: string;
  /** x_i = Σ_j w_j E_ji (economic exposure per $ of NAV; 2.0 = 200 %). */
  readonly weight: number;
  /** (Σ_x x)_i / σ. */
  readonly marginal: number;
  /** x_i · marginal_i. */
  readonly component: number;
  /** component / σ. */
  readonly percent: number;
  /** √Σ_x,ii. */
  readonly volatility: number;
}

/** A holding line left out of the risk figures: no fund definition for its symbol. */
export interface UnexplainedRiskLine {
  readonly symbol: string;
  readonly account: string;
  readonly marketValue: number;
  readonly weight: number;
  readonly reason: string;
}

/** Result of {@link decomposeExposureRisk}. */
export interface ExposureRiskReport {
  readonly nav: number;
  /** σ = √(xᵀΣ_x x), in the units of Σ_x (annual). */
  readonly volatility: number;
  /** Fund lines in input order (same symbol and account summed), then cash lines. */
  readonly byPosition: readonly PositionRisk[];
  /** Exposures held (non-zero loading of some fund), in covariance order. */
  readonly byExposure: readonly ExposureRiskLine[];
  /** Σ_i |x_i| σ_i / σ over exposures. */
  readonly diversificationRatio: number;
  /** Σ_j |w_j| σ_j / σ over fund lines (σ_j the stand-alone fund volatility). */
  readonly diversificationRatioPositions: number;
  /** Meucci (2009) effective number of bets on the exposure covariance's principal components. */
  readonly effectiveBets: number;
  /** 1 / Σ_i percent_i² over exposures. */
  readonly effectiveBetsRiskShares: number;
  /** The correlation of the exposures held, from the covariance the figures used. */
  readonly correlation: ExposureCorrelation;
  readonly unexplained: readonly UnexplainedRiskLine[];
}

/**
 * A correlation matrix of exposures: `labels[i]` names row and column i. ρ_ij = Σ_ij /
 * √(Σ_ii Σ_jj), clipped to [−1, 1], exactly 1 on the diagonal; `null` where a variance is zero
 * (the correlation is undefined there — never 0).
 */
export interface ExposureCorrelation {
  readonly labels: readonly string[];
  readonly matrix: readonly (readonly (number | null)[])[];
}

/** The {@link ExposureCorrelation} of the covariance `sigma` (m × m, row-major) of `labels`. */
export function exposureCorrelation(
  labels: readonly string[],
  sigma: { readonly data: ArrayLike<number> },
): ExposureCorrelation {
  const m = labels.length;
  const variance = (i: number): number => sigma.data[i * m + i]!;
  const matrix = labels.map((_, i) =>
    labels.map((__, j) => {
      const scale = Math.sqrt(variance(i) * variance(j));
      if (!(scale > 0)) return null;
      if (i === j) return 1;
      return Math.max(-1, Math.min(1, sigma.data[i * m + j]! / scale));
    }),
  );
  return { labels: [...labels], matrix };
}

interface Line {
  readonly symbol: string;
  readonly account: string;
  marketValue: number;
}

function aggregateHoldings(holdings: readonly RiskHolding[]): Line[] {
  const lines = new Map<string, Line>();
  holdings.forEach((h, i) => {
    const symbol = normalizeSymbol(h.symbol);
    if (symbol === '') throw invalidInput(`holdings[${i}].symbol`, h.symbol, 'empty symbol');
    if (!Number.isFinite(h.marketValue))
      throw invalidInput(`holdings[${i}].marketValue`, h.marketValue, 'must be finite');
    const key = `${h.account}\u0000${symbol}`;
    const line = lines.get(key);
    if (line) line.marketValue += h.marketValue;
    else lines.set(key, { symbol, account: h.account, marketValue: h.marketValue });
  });
  return [...lines.values()];
}

function checkCovariance(covariance: ExposureCovariance): Map<string, number> {
  const n = covariance.ids.length;
  const { rows, cols, data } = covariance.matrix;
  if (rows !== n || cols !== n)
    throw invalidInput('covariance', `${rows}×${cols}`, `must be ${n}×${n} for ${n} ids`);
  if (!data.every(Number.isFinite))
    throw invalidInput('covariance', 'non-finite entry', 'all entries must be finite');
  const index = new Map(covariance.ids.map((id, i) => [id, i]));
  if (index.size !== n) throw invalidInput('covariance.ids', covariance.ids, 'must be unique');
  return index;
}

/** The exposures the explained lines load on, in covariance order; unknown ids → error. */
function heldExposures(
  explained: readonly { line: Line; loadings: Readonly<Record<string, number>> }[],
  index: ReadonlyMap<string, number>,
): number[] {
  const held = new Set<string>();
  const missing = new Map<string, Set<string>>();
  for (const { line, loadings } of explained) {
    for (const [id, perDollar] of Object.entries(loadings)) {
      if (perDollar === 0) continue;
      if (index.has(id)) held.add(id);
      else missing.set(id, (missing.get(id) ?? new Set()).add(line.symbol));
    }
  }
  if (missing.size > 0) {
    const list = [...missing].map(([id, symbols]) => `${id} (${[...symbols].join(', ')})`);
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `covariance: no returns for exposure(s) held through fund definitions: ${list.join('; ')}; they are not padded or dropped`,
      { field: 'covariance', missing: [...missing.keys()] },
    );
  }
  return [...held].map((id) => index.get(id)!).sort((a, b) => a - b);
}

function subCovariance(full: Matrix, indices: readonly number[]): Matrix {
  const m = indices.length;
  const data = new Float64Array(m * m);
  indices.forEach((a, i) =>
    indices.forEach((b, j) => (data[i * m + j] = full.data[a * full.cols + b]!)),
  );
  return { rows: m, cols: m, data };
}

/**
 * Decomposes the ex-ante volatility of holdings into position and exposure contributions
 * (conventions in the module header). Throws `INVALID_INPUT` for a bad value, NAV ≤ 0, a
 * malformed covariance or no explained position with risk, and `DATA_UNAVAILABLE` naming the
 * exposures (and funds) the covariance does not cover.
 */
export function decomposeExposureRisk(input: ExposureRiskInput): ExposureRiskReport {
  const index = checkCovariance(input.covariance);
  const lines = aggregateHoldings(input.holdings);
  input.cash.forEach((c, i) => {
    if (!Number.isFinite(c.amount))
      throw invalidInput(`cash[${i}].amount`, c.amount, 'must be finite');
  });
  const nav =
    lines.reduce((s, l) => s + l.marketValue, 0) + input.cash.reduce((s, c) => s + c.amount, 0);
  if (!(nav > 0)) throw invalidInput('nav', nav, 'portfolio value (positions + cash) must be > 0');
  const explained: { line: Line; loadings: Readonly<Record<string, number>> }[] = [];
  const unexplained: UnexplainedRiskLine[] = [];
  for (const line of lines) {
    const definition = Object.hasOwn(input.funds.funds, line.symbol)
      ? input.funds.funds[line.symbol]
      : undefined;
    if (definition) explained.push({ line, loadings: definition.exposures });
    else
      unexplained.push({
        ...line,
        weight: line.marketValue / nav,
        reason: `no fund definition for ${line.symbol}; its exposures are not guessed and it is left out of the risk figures`,
      });
  }
  const held = heldExposures(explained, index);
  if (held.length === 0)
    throw invalidInput(
      'holdings',
      explained.length,
      'no position with a fund exposure: no risk to decompose',
    );
  const ids = held.map((k) => input.covariance.ids[k]!);
  const sigma = subCovariance(input.covariance.matrix, held);
  const m = ids.length;
  const loadings = explained.map(({ loadings: e }) => Float64Array.from(ids, (id) => e[id] ?? 0));
  const weights = explained.map(({ line }) => line.marketValue / nav);
  const x = new Float64Array(m);
  loadings.forEach((row, j) => row.forEach((e, i) => (x[i] = x[i]! + weights[j]! * e)));
  const risk = decomposeRisk(x, sigma);
  const quadratic = (row: Float64Array): number => {
    let q = 0;
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) q += row[i]! * sigma.data[i * m + k]! * row[k]!;
    return Math.max(0, q);
  };
  const byPosition: PositionRisk[] = explained.map(({ line }, j) => {
    const marginal = loadings[j]!.reduce((s, e, i) => s + e * risk.marginal[i]!, 0);
    const component = weights[j]! * marginal;
    return {
      symbol: line.symbol,
      account: line.account,
      kind: 'fund',
      marketValue: line.marketValue,
      weight: weights[j]!,
      marginal,
      component,
      percent: component / risk.volatility,
      standaloneVolatility: Math.sqrt(quadratic(loadings[j]!)),
    };
  });
  for (const c of input.cash)
    byPosition.push({
      symbol: 'CASH',
      account: c.account,
      kind: 'cash',
      marketValue: c.amount,
      weight: c.amount / nav,
      marginal: 0,
      component: 0,
      percent: 0,
      standaloneVolatility: 0,
    });
  const weightedStandalone = byPosition.reduce(
    (s, p) => s + Math.abs(p.weight) * p.standaloneVolatility,
    0,
  );
  return {
    nav,
    volatility: risk.volatility,
    byPosition,
    byExposure: ids.map((exposure, i) => ({
      exposure,
      weight: x[i]!,
      marginal: risk.marginal[i]!,
      component: risk.component[i]!,
      percent: risk.share[i]!,
      volatility: Math.sqrt(sigma.data[i * m + i]!),
    })),
    diversificationRatio: risk.diversificationRatio,
    diversificationRatioPositions: weightedStandalone / risk.volatility,
    effectiveBets: risk.effectiveBetsMeucci,
    effectiveBetsRiskShares: risk.effectiveBetsRiskShares,
    correlation: exposureCorrelation(ids, sigma),
    unexplained,
  };
}

/** Gaussian value at risk and expected shortfall of a loss over one horizon. */
export interface GaussianHorizonRisk {
  /** Years in the horizon (1, 1/12 …). */
  readonly years: number;
  /** VaR as a fraction of NAV: −z_{1−α} σ √t. */
  readonly valueAtRisk: number;
  /** CVaR as a fraction of NAV: σ √t φ(z_{1−α}) / (1 − α). */
  readonly expectedShortfall: number;
}

/**
 * Zero-mean Gaussian VaR and CVaR (fractions of NAV, positive = loss) of a portfolio with
 * annual volatility σ over `years`, scaled by √t (i.i.d. returns): VaR = −z σ√t,
 * CVaR = σ√t φ(z)/(1 − α), z = Φ⁻¹(1 − α). The mean is set to 0 on purpose: ex-ante means
 * are too noisy to lower a risk figure (state it next to the numbers).
 */
export function gaussianHorizonRisk(options: {
  volatilityAnnual: number;
  confidence: number;
  years: number;
}): GaussianHorizonRisk {
  const alpha = 1 - checkConfidence(options.confidence);
  if (!(options.years > 0)) throw invalidInput('years', options.years, 'must be > 0');
  if (!(options.volatilityAnnual >= 0))
    throw invalidInput('volatilityAnnual', options.volatilityAnnual, 'must be ≥ 0');
  const z = normalQuantile(alpha);
  const scale = options.volatilityAnnual * Math.sqrt(options.years);
  return {
    years: options.years,
    valueAtRisk: -z * scale,
    expectedShortfall: (scale * normalPdf(z)) / alpha,
  };
}
