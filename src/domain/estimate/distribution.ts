/**
 * `ReturnDistribution`: the estimated annual mean vector and covariance matrix of a set of
 * assets, with how, from what and over which window they were estimated — the one input every
 * optimiser takes. Serialisable (see `distribution-json`) and fingerprinted by an inputs hash
 * (see `distribution-hash`) so a run can be reproduced.
 *
 * Invariants (checked by {@link assertReturnDistribution}): unique non-empty asset ids; `mu` has
 * one finite annual decimal per asset; `covariance` is n×n, finite, with a non-negative diagonal
 * and symmetric to {@link SYMMETRY_TOLERANCE}; `periodsPerYear` > 0; `window.from ≤ window.to`
 * with `observations` ≥ 1. Negative zeros are stored as +0 so JSON round-trips exactly.
 */

import type { Matrix } from '../../core/linalg/matrix.ts';
import { matrix } from '../../core/linalg/matrix.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import { invalidInput } from '../errors.ts';
import type { AlignedTable } from '../series/align-common.ts';
import type { Warning } from '../warnings.ts';
import { hashEstimationInputs, type HashedMethod } from './distribution-hash.ts';
import {
  assertAssetIds,
  assertCovariance,
  assertExpectedReturns,
} from './distribution-validate.ts';
import { assertPeriodsPerYear } from './mean-input.ts';

/** How the distribution was estimated: method names and every parameter (JSON values). */
export type DistributionMethod = HashedMethod;

/** The returns the estimate used: first and last return date (inclusive) and their count. */
export interface EstimationWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly observations: number;
}

/** Annual expected returns and covariance with their provenance. */
export interface ReturnDistribution {
  /** Asset ids; the order of `mu` and of the covariance rows/columns. */
  readonly assets: readonly string[];
  /** Expected returns, annual decimals. */
  readonly mu: Float64Array;
  /** Covariance of returns, annual (decimal² per year), n×n row-major. */
  readonly covariance: Matrix;
  readonly method: DistributionMethod;
  readonly window: EstimationWindow;
  /** The frequency of the input returns. */
  readonly frequency: { readonly periodsPerYear: number };
  readonly warnings: readonly Warning[];
  /** `fnv1a64:<16 hex>` over the returns, dates, asset order, frequency and method. */
  readonly inputsHash: string;
}

/** What {@link createReturnDistribution} needs. */
export interface ReturnDistributionInput {
  /** The panel the estimates came from (ids = assets, dates = window). */
  readonly returns: AlignedTable;
  readonly muAnnual: ArrayLike<number>;
  readonly covarianceAnnual: Matrix;
  readonly method: DistributionMethod;
  readonly periodsPerYear: number;
  readonly warnings?: readonly Warning[];
}

/** Throws `INVALID_INPUT` naming the first broken invariant (see the module comment). */
export function assertReturnDistribution(distribution: ReturnDistribution): void {
  const n = distribution.assets.length;
  assertAssetIds(distribution.assets);
  assertExpectedReturns(distribution.mu, n);
  assertCovariance(distribution.covariance, n, 'covariance');
  assertPeriodsPerYear(distribution.frequency.periodsPerYear);
  const { from, to, observations } = distribution.window;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
    throw invalidInput(
      'window',
      distribution.window,
      'from and to must be ISO dates with from ≤ to',
    );
  }
  if (!Number.isInteger(observations) || observations < 1) {
    throw invalidInput('window.observations', observations, 'must be an integer ≥ 1');
  }
  if (!/^fnv1a64:[0-9a-f]{16}$/.test(distribution.inputsHash)) {
    throw invalidInput('inputsHash', distribution.inputsHash, 'must be fnv1a64:<16 hex digits>');
  }
}

/** Builds and validates a distribution, computing its window and inputs hash from `returns`. */
export function createReturnDistribution(input: ReturnDistributionInput): ReturnDistribution {
  const { returns } = input;
  assertPeriodsPerYear(input.periodsPerYear);
  const from = returns.dates[0];
  const to = returns.dates.at(-1);
  if (from === undefined || to === undefined)
    throw invalidInput('returns.dates', [], 'no observations');
  returns.columns.forEach((column, k) => {
    if (!column.every(Number.isFinite))
      throw invalidInput(
        `returns.${returns.ids[k] ?? k}`,
        'non-finite',
        'all returns must be finite',
      );
  });
  const cov = input.covarianceAnnual;
  const distribution: ReturnDistribution = {
    assets: [...returns.ids],
    mu: Float64Array.from(input.muAnnual, (value) => value + 0),
    covariance: matrix(
      cov.rows,
      cov.cols,
      cov.data.map((value) => value + 0),
    ),
    method: input.method,
    window: { from, to, observations: returns.dates.length },
    frequency: { periodsPerYear: input.periodsPerYear },
    warnings: [...(input.warnings ?? [])],
    inputsHash: hashEstimationInputs({
      returns,
      periodsPerYear: input.periodsPerYear,
      method: input.method,
    }),
  };
  assertReturnDistribution(distribution);
  return distribution;
}
