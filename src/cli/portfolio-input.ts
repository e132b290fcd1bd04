/**
 * Compatibility shim: the portfolio input moved to `src/app/portfolio-input.ts`. Commands not
 * yet on use cases (`plan`) load a portfolio from file paths here; delete this file when they
 * move.
 */

import { loadPortfolio as loadFromSources, type LoadedPortfolio } from '../app/portfolio-input.ts';
import type { LotMethod } from '../app/schemas.ts';

export type { LoadedPortfolio } from '../app/portfolio-input.ts';

/** Where a portfolio comes from on the command line (file paths). */
export interface PortfolioSources {
  readonly holdings?: string | undefined;
  readonly transactions?: string | undefined;
  readonly prices?: string | undefined;
  readonly lotMethod?: LotMethod | undefined;
  readonly asOf?: string | undefined;
}

/** {@link loadFromSources} over file paths. */
export function loadPortfolio(sources: PortfolioSources): LoadedPortfolio {
  const file = (path: string | undefined) => (path === undefined ? undefined : { path });
  const holdings = file(sources.holdings);
  const transactions = file(sources.transactions);
  const prices = file(sources.prices);
  return loadFromSources({
    ...(holdings ? { holdings } : {}),
    ...(transactions ? { transactions } : {}),
    ...(prices ? { prices } : {}),
    lotMethod: sources.lotMethod ?? 'fifo',
    ...(sources.asOf ? { asOf: sources.asOf } : {}),
  });
}
