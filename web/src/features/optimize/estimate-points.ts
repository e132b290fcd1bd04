/**
 * The frontier chart's asset points: each asset of a frontier at (annual volatility, annual
 * expected return) as the API estimates them under the run's models — the exposure universe's
 * estimate (`GET /api/v1/estimate/universe`) or the result of the `estimate` run submitted with
 * the frontier. Only the frontier's own assets are drawn (a risk-free column is not one).
 */
import { useMemo } from 'react';
import { ApiError } from '../../api/client.ts';
import type { EstimateDocument, FrontierDocument, RunDocument } from '../../api/documents.ts';
import { useRun } from '../../api/runs.ts';
import type { AssetPoint } from '../../../../src/report/frontier.ts';
import { useUniverseEstimate, type UniverseEstimateQuery } from './optimize-queries.ts';

/** Where the points come from, once submitted. */
export type EstimateSource =
  | { readonly kind: 'universe'; readonly query: UniverseEstimateQuery }
  | { readonly kind: 'run'; readonly id: string };

/** The error of a failed run as an {@link ApiError} (its code, message and details). */
function runError(run: RunDocument | undefined): ApiError | undefined {
  if (run?.status !== 'failed' || run.error === null) return undefined;
  return new ApiError(run.error.code, run.error.message, {
    status: 0,
    details: { ...run.error.details },
  });
}

/**
 * The asset points of `frontier` (null until the estimate is there) and the estimate's error;
 * the universe's estimate is asked for only once `ready` (the frontier has succeeded).
 */
export function useEstimatePoints(
  source: EstimateSource | null,
  frontier: FrontierDocument | undefined,
): { assets: readonly AssetPoint[] | null; error: unknown } {
  const universe = useUniverseEstimate(
    source?.kind === 'universe' && frontier !== undefined ? source.query : null,
  );
  const run = useRun(source?.kind === 'run' ? source.id : null);
  const estimate: EstimateDocument | undefined =
    source?.kind === 'universe'
      ? universe.data
      : run.data?.status === 'succeeded'
        ? (run.data.result as EstimateDocument)
        : undefined;
  const assets = useMemo(() => {
    if (estimate === undefined || frontier === undefined) return null;
    const own = new Set(Object.keys(frontier.minVariance.weights));
    return estimate.assets
      .filter((a) => own.has(a))
      .map((a) => ({
        name: a,
        volatilityAnnual: estimate.volatility[a]!,
        expectedReturnAnnual: estimate.mu[a]!,
      }));
  }, [estimate, frontier]);
  const error = source?.kind === 'universe' ? (universe.error ?? undefined) : runError(run.data);
  return { assets, error };
}
