/** Query hooks of the Holdings page (the typed client; components never fetch). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { PortfolioHoldingsDocument } from '../../api/documents.ts';

/** GET …/holdings: positions by account with priced lots, totals, realised gains by year. */
export function useHoldings(portfolio: string) {
  return useQuery({
    queryKey: ['holdings', portfolio],
    queryFn: () =>
      unwrap<PortfolioHoldingsDocument>(
        api.GET('/api/v1/portfolios/{id}/holdings', { params: { path: { id: portfolio } } }),
      ),
  });
}
