/**
 * Compatibility shim: the portfolio input moved to `src/app/portfolio-input.ts`. Commands not
 * yet on use cases (`plan`) load a portfolio from file paths here — from the files only, without
 * the stored closes `loadPortfolio` reads; delete this file when they move.
 */

import { loadPortfolioFromFiles, type LoadedPortfolio } from '../app/portfolio-input.ts';
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

/** `loadPortfolioFromFiles` over file paths (no store). */
export function loadPortfolio(sources: PortfolioSources): LoadedPortfolio {
  const file = (path: string | undefined) => (path === undefined ? undefined : { path });
  const holdings = file(sources.holdings);
  const transactions = file(sources.transactions);
  const prices = file(sources.prices);
  return loadPortfolioFromFiles(
    {
      ...(holdings ? { holdings } : {}),
      ...(transactions ? { transactions } : {}),
      ...(prices ? { prices } : {}),
      lotMethod: sources.lotMethod ?? 'fifo',
      ...(sources.asOf ? { asOf: sources.asOf } : {}),
    },
    // only dates the (empty) stored-close lookup: no stored close is read here
    new Date().toISOString().slice(0, 10),
  );
}
