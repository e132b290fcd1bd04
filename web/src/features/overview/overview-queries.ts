/** Query hooks of the Overview page (the typed client; components never fetch). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { PerformanceDocument, PortfolioSummaryDocument } from '../../api/documents.ts';

/** GET /api/v1/portfolios/{id}/summary: value, cash, leverage, changes at stored closes. */
export function useSummary(portfolio: string) {
  return useQuery({
    queryKey: ['summary', portfolio],
    queryFn: () =>
      unwrap<PortfolioSummaryDocument>(
        api.GET('/api/v1/portfolios/{id}/summary', { params: { path: { id: portfolio } } }),
      ),
  });
}

/** GET /api/v1/portfolios/{id}/performance (with its daily series) against `benchmark`. */
export function usePerformance(portfolio: string, benchmark: string | null) {
  return useQuery({
    queryKey: ['performance', portfolio, benchmark],
    queryFn: () =>
      unwrap<PerformanceDocument>(
        api.GET('/api/v1/portfolios/{id}/performance', {
          params: {
            path: { id: portfolio },
            query: benchmark === null ? { daily: true } : { daily: true, benchmark },
          },
        }),
      ),
  });
}
