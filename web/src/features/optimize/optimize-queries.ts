/**
 * Query hooks of the Optimize page (the typed client; components never fetch). The optimisation
 * and the frontier go through runs (`api/runs.ts`); the plan is the synchronous
 * `POST /api/v1/portfolios/{id}/plan`, asked for once per submitted body (it stores nothing).
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client.ts';
import type {
  EstimateUniverseDocument,
  PlanDocument,
  StoredUniverse,
  UniverseDocument,
} from '../../api/documents.ts';

/** GET /api/v1/universe/stored: the named universes (`universe save`). */
export function useStoredUniverses() {
  return useQuery({
    queryKey: ['universes', 'stored'],
    queryFn: () => unwrap<StoredUniverse[]>(api.GET('/api/v1/universe/stored')),
  });
}

/** GET /api/v1/universe: the exposure universe (names and categories of the exposure ids). */
export function useExposureUniverse() {
  return useQuery({
    queryKey: ['universe'],
    queryFn: () => unwrap<UniverseDocument>(api.GET('/api/v1/universe')),
    staleTime: Infinity,
  });
}

/** The query of `GET /api/v1/estimate/universe`. */
export type UniverseEstimateQuery = NonNullable<
  paths['/api/v1/estimate/universe']['get']['parameters']['query']
>;

/**
 * GET /api/v1/estimate/universe: μ and volatility of each exposure under the same models as a
 * run (the frontier chart's asset points); idle while `query` is null.
 */
export function useUniverseEstimate(query: UniverseEstimateQuery | null) {
  return useQuery({
    queryKey: ['estimate', 'universe', query],
    queryFn: () =>
      unwrap<EstimateUniverseDocument>(
        api.GET('/api/v1/estimate/universe', { params: { query: query ?? {} } }),
      ),
    enabled: query !== null,
    staleTime: Infinity,
  });
}

/** The body of `POST /api/v1/portfolios/{id}/plan`. */
export type PlanBody =
  paths['/api/v1/portfolios/{id}/plan']['post']['requestBody']['content']['application/json'];

/** POST /api/v1/portfolios/{id}/plan with `body`: exposures → funds → trades; idle while null. */
export function usePlan(portfolio: string, body: PlanBody | null) {
  return useQuery({
    queryKey: ['plan', portfolio, body],
    queryFn: () =>
      unwrap<PlanDocument>(
        api.POST('/api/v1/portfolios/{id}/plan', {
          params: { path: { id: portfolio } },
          body: body ?? {},
        }),
      ),
    enabled: body !== null,
    staleTime: Infinity,
    retry: false,
  });
}
