import type { Matrix } from '../../core/linalg/matrix.ts';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { BlackLittermanView } from '../../domain/estimate/black-litterman-views.ts';
import type { CovarianceMethod } from '../../domain/estimate/estimate-covariance.ts';
import type { ExpectedReturnMethod } from '../../domain/estimate/mean-estimate.ts';

/** `--mean` values. */
export const MEAN_METHODS = [
  'historical',
  'geometric',
  'ewma',
  'shrinkage',
  'capm',
  'black-litterman',
] as const;
/** `--covariance` values. */
export const COVARIANCE_METHODS = [
  'sample',
  'ewma',
  'ledoit-wolf',
  'ledoit-wolf-single-factor',
  'ledoit-wolf-constant-correlation',
  'oas',
  'semicovariance',
  'denoised',
  'garch',
] as const;

/** Options that select and parameterise the estimators. */
export interface MethodOptions {
  readonly mean: string;
  readonly covariance: string;
  readonly lambda?: string | undefined;
  readonly span?: string | undefined;
  readonly rf?: string | undefined;
  readonly riskAversion?: string | undefined;
  readonly marketWeights?: string | undefined;
  readonly view?: readonly string[] | undefined;
  readonly tau?: string | undefined;
}

/** Parses a number option, naming it in the error. */
export function numberOption(
  name: string,
  value: string | undefined,
  check?: (x: number) => boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || (check && !check(x)))
    throw invalidInput(`--${name}`, value, 'not a valid number here');
  return x;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BallastError(
    'INVALID_INPUT',
    `--${name}: expected one of ${allowed.join(', ')} (got "${value}")`,
    { field: name, value },
  );
}

/** The covariance method from `--covariance` and `--lambda` (EWMA λ, default 0.94 as RiskMetrics). */
export function covarianceMethod(o: MethodOptions): CovarianceMethod | { method: 'garch' } {
  const name = oneOf('covariance', o.covariance, COVARIANCE_METHODS);
  switch (name) {
    case 'sample':
      return { method: 'sample' };
    case 'ewma':
      return {
        method: 'ewma',
        lambda: numberOption('lambda', o.lambda, (x) => x > 0 && x < 1) ?? 0.94,
        minPeriods: 20,
      };
    case 'ledoit-wolf':
      return { method: 'ledoitWolf', target: 'constantVariance' };
    case 'ledoit-wolf-single-factor':
      return { method: 'ledoitWolf', target: 'singleFactor' };
    case 'ledoit-wolf-constant-correlation':
      return { method: 'ledoitWolf', target: 'constantCorrelation' };
    case 'oas':
      return { method: 'oas' };
    case 'semicovariance':
      return { method: 'semicovariance', benchmark: 0 };
    case 'denoised':
      return { method: 'denoised' };
    case 'garch':
      return { method: 'garch' };
  }
}

/**
 * Parses `--view` specs: `A=0.08` (absolute: A returns 8 % a year) or `A>B:0.02` (relative: A
 * outperforms B by 2 % a year; several names per side with `+`, e.g. `A+B>C:0.01`).
 */
export function parseView(spec: string): BlackLittermanView {
  const relative = /^([^>:=]+)>([^>:=]+):(-?[\d.eE+-]+)$/.exec(spec.trim());
  if (relative) {
    const spread = numberOption('view', relative[3])!;
    const names = (s: string): string[] =>
      s
        .split('+')
        .map((x) => x.trim().toUpperCase())
        .filter(Boolean);
    return {
      kind: 'relative',
      outperform: names(relative[1]!),
      underperform: names(relative[2]!),
      spreadAnnual: spread,
    };
  }
  const absolute = /^([^>:=]+)=(-?[\d.eE+-]+)$/.exec(spec.trim());
  if (absolute)
    return {
      kind: 'absolute',
      asset: absolute[1]!.trim().toUpperCase(),
      returnAnnual: numberOption('view', absolute[2])!,
    };
  throw invalidInput('--view', spec, 'expected ASSET=RETURN or A>B:SPREAD (annual decimals)');
}

/** Market weights from `A=0.6,B=0.4` in asset order (missing assets get 0); default equal. */
export function parseWeights(spec: string | undefined, assets: readonly string[]): Float64Array {
  if (!spec) return new Float64Array(assets.length).fill(1 / assets.length);
  const w = new Float64Array(assets.length);
  for (const part of spec.split(',')) {
    const [name, value] = part.split('=');
    const i = assets.indexOf((name ?? '').trim().toUpperCase());
    if (i < 0)
      throw invalidInput('--market-weights', part, `unknown asset (assets: ${assets.join(', ')})`);
    w[i] = numberOption('market-weights', value)!;
  }
  return w;
}

/**
 * The expected-return method from `--mean` and its options. Black-Litterman uses the
 * equilibrium prior Π = δΣw + rf with w from `--market-weights` (default equal), δ from
 * `--risk-aversion` (default 2.5, He & Litterman 1999) and τ from `--tau` (default 0.05).
 */
export function meanMethod(
  o: MethodOptions,
  ctx: { assets: readonly string[]; covarianceAnnual: Matrix },
): ExpectedReturnMethod {
  const name = oneOf('mean', o.mean, MEAN_METHODS);
  const rf = numberOption('rf', o.rf) ?? 0;
  switch (name) {
    case 'historical':
    case 'geometric':
    case 'shrinkage':
      return { method: name };
    case 'ewma':
      return { method: 'ewma', span: numberOption('span', o.span, (x) => x >= 1) ?? 500 };
    case 'capm':
      return { method: 'capm', riskFreeRateAnnual: rf };
    case 'black-litterman':
      return {
        method: 'blackLitterman',
        covarianceAnnual: ctx.covarianceAnnual,
        prior: {
          kind: 'equilibrium',
          weights: parseWeights(o.marketWeights, ctx.assets),
          riskAversion: numberOption('risk-aversion', o.riskAversion, (x) => x > 0) ?? 2.5,
          riskFreeRateAnnual: rf,
        },
        views: (o.view ?? []).map(parseView),
        tau: numberOption('tau', o.tau, (x) => x > 0) ?? 0.05,
      };
  }
}
