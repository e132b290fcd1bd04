/**
 * Query hooks of the Risk page (the typed client; components never fetch): the `risk` document
 * with the covariance and confidence chosen, the built-in stress scenarios, and a custom shock.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client.ts';
import type { RiskDocument, StressDocument } from '../../api/documents.ts';

/** Covariance estimators the risk route offers (its `covariance` parameter). */
export const COVARIANCES = ['ledoit-wolf', 'sample', 'ewma'] as const;

/** The risk route's choices the page offers. */
export interface RiskControls {
  readonly covariance: (typeof COVARIANCES)[number];
  /** VaR/CVaR confidence, e.g. 0.95. */
  readonly confidence: number;
}

/** What the route answers with no parameters. */
export const DEFAULT_CONTROLS: RiskControls = { covariance: 'ledoit-wolf', confidence: 0.95 };

/**
 * GET /api/v1/portfolios/{id}/risk with `controls` (sent only where they differ from the
 * route's defaults). The previous document stays shown while a new choice loads.
 */
export function useRisk(portfolio: string, controls: RiskControls, fundsStored: string | null) {
  const query: NonNullable<paths['/api/v1/portfolios/{id}/risk']['get']['parameters']['query']> =
    {};
  if (controls.covariance !== DEFAULT_CONTROLS.covariance) query.covariance = controls.covariance;
  if (controls.confidence !== DEFAULT_CONTROLS.confidence) query.confidence = controls.confidence;
  if (fundsStored !== null) query.fundsStored = fundsStored;
  return useQuery({
    queryKey: ['risk', portfolio, query],
    queryFn: () =>
      unwrap<RiskDocument>(
        api.GET('/api/v1/portfolios/{id}/risk', { params: { path: { id: portfolio }, query } }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The body of POST /api/v1/portfolios/{id}/stress. */
export type StressBody =
  paths['/api/v1/portfolios/{id}/stress']['post']['requestBody']['content']['application/json'];

function postStress(portfolio: string, body: StressBody): Promise<StressDocument> {
  return unwrap<StressDocument>(
    api.POST('/api/v1/portfolios/{id}/stress', { params: { path: { id: portfolio } }, body }),
  );
}

const fundsOf = (fundsStored: string | null): StressBody =>
  fundsStored === null ? {} : { funds: { stored: fundsStored } };

/**
 * POST /api/v1/portfolios/{id}/stress with `{}`: every built-in scenario (a read: nothing is
 * stored; a scenario the data does not cover comes back with its error).
 */
export function useBuiltInStress(portfolio: string, fundsStored: string | null) {
  return useQuery({
    queryKey: ['stress', portfolio, 'built-in', fundsStored],
    queryFn: () => postStress(portfolio, fundsOf(fundsStored)),
  });
}

/** POST /api/v1/portfolios/{id}/stress with the user's shocks (nothing is stored). */
export function useShockStress(portfolio: string, fundsStored: string | null) {
  return useMutation({
    mutationKey: ['stress', portfolio, 'shock'],
    mutationFn: (body: StressBody) => postStress(portfolio, { ...fundsOf(fundsStored), ...body }),
  });
}
