/**
 * Walk-forward evaluation of covariance forecasters through portfolio variance
 * ("correlation models evaluated on portfolio-variance forecasts of random and equal-weight
 * portfolios"). At each origin a forecaster maps the training window (T × n returns, oldest
 * row first) to a per-period n × n covariance Σ; the h-period forecast for weights w is h·wᵀΣw
 * (flat term structure) and the realised proxy Σ_{t=o}^{o+h−1} (wᵀr_t)². Losses are QLIKE and
 * MSE per portfolio ({@link qlike}), averaged over the portfolios at each origin; selection and
 * the improvement against the baseline follow {@link selectModel}.
 */

import { quadraticForm } from '../../../core/linalg/quadratic-form.ts';
import { matrix, type Matrix } from '../../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../../errors.ts';
import { qlike, squaredError } from './losses.ts';
import { evaluationPortfolios } from './portfolios.ts';
import { attempt, tabulate, type EvaluationTable, type OriginOutcome } from './score.ts';
import { selectModel, type ModelSelection } from './select.ts';
import { assertModels } from './univariate.ts';
import { walkForwardOrigins, type WalkForwardOptions } from './walk-forward.ts';

/** A covariance model as a function: window (T × n) → per-period covariance (n × n). */
export interface CovarianceForecaster {
  readonly id: string;
  readonly label: string;
  forecast(window: Matrix): Matrix;
}

/** Options of {@link evaluateCovarianceForecasts}. */
export interface CovarianceEvaluationOptions {
  readonly forecasters: readonly CovarianceForecaster[];
  readonly walkForward: WalkForwardOptions;
  /** Weight vectors (length n); default {@link evaluationPortfolios} (equal weight + 20 random). */
  readonly portfolios?: readonly ArrayLike<number>[];
  /** Baseline id (default: the first forecaster, e.g. the sample covariance). */
  readonly baselineId?: string;
  readonly holdOutFraction?: number;
  /** Called once per origin (progress reporting). */
  readonly onOrigin?: () => void;
}

/** The table, the portfolios used, mean QLIKE per portfolio and the selection. */
export interface CovarianceEvaluation extends EvaluationTable {
  readonly portfolios: readonly Float64Array[];
  /** `portfolioQlike[m][p]`: mean QLIKE of model m on portfolio p over the scored origins. */
  readonly portfolioQlike: readonly Float64Array[];
  readonly selection: ModelSelection;
}

function portfolioReturns(returns: Matrix, weights: readonly Float64Array[]): Float64Array[] {
  const n = returns.cols;
  return weights.map((w) =>
    Float64Array.from({ length: returns.rows }, (_, t) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * returns.data[t * n + i]!;
      return s;
    }),
  );
}

function checkInputs(returns: Matrix, portfolios: readonly Float64Array[]): void {
  for (let k = 0; k < returns.data.length; k++) {
    if (!Number.isFinite(returns.data[k])) {
      const [t, i] = [Math.floor(k / returns.cols), k % returns.cols];
      throw invalidInput(`returns[${t}][${i}]`, returns.data[k], 'must be finite');
    }
  }
  portfolios.forEach((w, p) => {
    if (w.length !== returns.cols || !w.every(Number.isFinite)) {
      throw invalidInput(`portfolios[${p}]`, Array.from(w), `needs ${returns.cols} finite weights`);
    }
  });
}

/** Runs the covariance walk-forward (see the module note); throws like the univariate one. */
export function evaluateCovarianceForecasts(
  returns: Matrix,
  options: CovarianceEvaluationOptions,
): CovarianceEvaluation {
  assertModels(options.forecasters);
  const n = returns.cols;
  const portfolios = (options.portfolios ?? evaluationPortfolios({ assets: n })).map((w) =>
    Float64Array.from(w),
  );
  checkInputs(returns, portfolios);
  const { horizon } = options.walkForward;
  const series = portfolioReturns(returns, portfolios);
  const origins: number[] = [];
  const outcomes: OriginOutcome[][] = options.forecasters.map(() => []);
  const perPortfolio = options.forecasters.map(() => portfolios.map(() => [] as number[]));
  let skippedOrigins = 0;
  for (const { trainStart, origin } of walkForwardOrigins(returns.rows, options.walkForward)) {
    const realised = series.map((r) => {
      let s = 0;
      for (let t = origin; t < origin + horizon; t++) s += r[t]! ** 2;
      return s;
    });
    if (realised.some((v) => v === 0)) {
      skippedOrigins++;
      options.onOrigin?.();
      continue;
    }
    origins.push(origin);
    const window = matrix(
      origin - trainStart,
      n,
      returns.data.subarray(trainStart * n, origin * n),
    );
    options.forecasters.forEach((model, m) => {
      let cov: Matrix | undefined;
      const losses = portfolios.map((w, p) => {
        const result = attempt({ modelId: model.id, origin }, () => {
          cov ??= model.forecast(window);
          if (cov.rows !== n || cov.cols !== n) {
            throw new BallastError(
              'INVALID_INPUT',
              `${model.id} returned a ${cov.rows}×${cov.cols} covariance, expected ${n}×${n}`,
            );
          }
          return horizon * quadraticForm(cov, w);
        });
        return { result, target: realised[p]! };
      });
      const failed = losses.find((l) => !l.result.ok);
      if (failed && !failed.result.ok) {
        outcomes[m]!.push(failed.result);
        perPortfolio[m]!.forEach((list) => list.push(NaN));
        return;
      }
      const q = losses.map((l) => (l.result.ok ? qlike(l.target, l.result.value) : NaN));
      const e = losses.map((l) => (l.result.ok ? squaredError(l.target, l.result.value) : NaN));
      q.forEach((v, p) => perPortfolio[m]![p]!.push(v));
      const avg = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
      outcomes[m]!.push({ ok: true, qlike: avg(q), mse: avg(e) });
    });
    options.onOrigin?.();
  }
  const table = tabulate({
    horizon,
    models: options.forecasters,
    origins,
    outcomes,
    skippedOrigins,
  });
  const portfolioQlike = perPortfolio.map((lists) =>
    Float64Array.from(lists, (list) => {
      const ok = list.filter((v) => !Number.isNaN(v));
      return ok.length === 0 ? NaN : ok.reduce((s, v) => s + v, 0) / ok.length;
    }),
  );
  const selection = selectModel(table, {
    baselineId: options.baselineId ?? options.forecasters[0]!.id,
    ...(options.holdOutFraction === undefined ? {} : { holdOutFraction: options.holdOutFraction }),
  });
  return { ...table, portfolios, portfolioQlike, selection };
}
