/**
 * The exposure moments of `plan`: annual μ and Σ of the exposure universe — the bundled monthly
 * real returns, stored exposure returns (`universe` panel, `source` auto | store | sample) or any
 * other panel, estimated with any model of the estimation spec, or a moments file written by
 * `estimate universe --format json`. Periods per year come from the panel (12 for the universe)
 * or its dates. `cash_rate` is the universe's risk-free exposure: its μ is the rate at which
 * the plan lends and (plus a spread) borrows. Any other zero-variance exposure is refused with
 * INVALID_INPUT naming it (see `optimization-data.ts`).
 */

import type { Matrix } from '../core/linalg/matrix.ts';
import { invalidInput } from '../domain/errors.ts';
import { constantColumns } from '../domain/series/constant-columns.ts';
import type { Warning } from '../domain/warnings.ts';
import type { AppDeps } from './deps.ts';
import { fitMoments } from './estimate-moments.ts';
import { readMoments } from './moments.ts';
import type { MomentsSpec } from './optimize-input.ts';
import { loadReturnsPanel } from './returns-panel.ts';

/** The risk-free exposure of the universe. */
export const CASH_EXPOSURE = 'cash_rate';

/** Exposure moments and where they came from. */
export interface ExposureMoments {
  readonly ids: readonly string[];
  readonly muAnnual: Float64Array;
  readonly covarianceAnnual: Matrix;
  /** μ of `cash_rate` (0 when the universe lacks it). */
  readonly cashRateAnnual: number;
  readonly returns: {
    /** `sample`, `store`, `file`, `symbols` (a panel) or `moments` (a moments file). */
    readonly source: string;
    /** Periods per year of the panel (absent for a moments file). */
    readonly periodsPerYear?: number;
  };
  readonly warnings: readonly Warning[];
}

function refuseZeroVariance(field: string, ids: readonly string[]): void {
  const risky = ids.filter((id) => id !== CASH_EXPOSURE);
  if (risky.length === 0) return;
  throw invalidInput(
    field,
    risky,
    `${risky.join(', ')}: zero variance (every return the same): an exposure without risk would take the whole portfolio; only ${CASH_EXPOSURE} may be riskless`,
  );
}

/** Loads the exposure moments of `source` (module comment). */
export async function exposureMoments(
  source: MomentsSpec,
  deps: AppDeps,
): Promise<ExposureMoments> {
  let ids: readonly string[];
  let mu: Float64Array;
  let cov: Matrix;
  let returns: ExposureMoments['returns'];
  let warnings: readonly Warning[];
  if (source.kind === 'estimate') {
    const panel = await loadReturnsPanel(source.panel, deps);
    refuseZeroVariance('moments.panel', constantColumns(panel.table));
    const fitted = fitMoments(panel, source.spec);
    ({ assets: ids, expectedReturnsAnnual: mu, covarianceAnnual: cov } = fitted.moments);
    returns = { source: panel.origin, periodsPerYear: fitted.periodsPerYear };
    warnings = fitted.warnings;
  } else {
    const m = readMoments(source.moments, 'moments.moments');
    ({ assets: ids, expectedReturnsAnnual: mu, covarianceAnnual: cov } = m);
    const n = ids.length;
    refuseZeroVariance(
      'moments.moments',
      ids.filter((_, i) => !(cov.data[i * n + i]! > 0)),
    );
    returns = { source: 'moments' };
    warnings = [];
  }
  const cash = ids.indexOf(CASH_EXPOSURE);
  return {
    ids,
    muAnnual: mu,
    covarianceAnnual: cov,
    cashRateAnnual: cash >= 0 ? mu[cash]! : 0,
    returns,
    warnings,
  };
}
