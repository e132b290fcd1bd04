/** Query hooks of the Holdings page (the typed client; components never fetch). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { ExposuresDocument, PositionsDocument } from '../../api/documents.ts';
import type { PortfolioHoldingsDocument } from './holdings-document.ts';
import { interimHoldings } from './holdings-interim.ts';

const today = (): string => new Date().toISOString().slice(0, 10);

/** Positions by account with their priced lots, totals and realised gains by year. */
export function useHoldings(portfolio: string) {
  return useQuery({
    queryKey: ['holdings', portfolio],
    queryFn: async (): Promise<PortfolioHoldingsDocument> => {
      const path = { params: { path: { id: portfolio } } };
      const [positions, exposures] = await Promise.all([
        unwrap<PositionsDocument>(api.GET('/api/v1/portfolios/{id}/positions', path)),
        unwrap<ExposuresDocument>(api.GET('/api/v1/portfolios/{id}/exposures', path)),
      ]);
      return interimHoldings(portfolio, { positions, exposures }, today());
    },
  });
}
