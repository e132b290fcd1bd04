/**
 * Live look-ups that are shown, never stored as history: symbol search and latest quotes. Each
 * asks the price chain's providers that support the kind, in order, and returns the first
 * answer; NOT_FOUND from a provider is final (the symbol does not exist), any other failure
 * moves on to the next provider. When none answers the error is DATA_UNAVAILABLE naming every
 * provider tried and why.
 */

import { BallastError, toBallastError } from '../../domain/errors.ts';
import type { DataKind, Quote, SymbolMatch } from '../../domain/market/types.ts';
import type { MarketDataProvider } from '../providers/provider.ts';
import type { FallbackChains } from './service.ts';

function providersFor(chains: FallbackChains, kind: DataKind): MarketDataProvider[] {
  return chains.prices.filter((p) => p.kinds.includes(kind));
}

async function firstAnswer<T>(
  providers: readonly MarketDataProvider[],
  ask: (p: MarketDataProvider) => Promise<T>,
): Promise<T> {
  const tried: string[] = [];
  for (const p of providers) {
    try {
      return await ask(p);
    } catch (e) {
      const error = toBallastError(e);
      if (error.code === 'NOT_FOUND') throw error;
      tried.push(`${p.name} (${error.code}: ${error.message})`);
    }
  }
  throw new BallastError(
    'DATA_UNAVAILABLE',
    `no provider answered; tried ${tried.join('; ') || 'none configured'}`,
    { tried },
  );
}

/** Symbols matching `query` (name or ticker) from the first search provider that answers. */
export function searchSymbols(chains: FallbackChains, query: string): Promise<SymbolMatch[]> {
  return firstAnswer(providersFor(chains, 'search'), (p) => p.search!(query));
}

/** The latest quote of `symbol` (trimmed, upper-cased) from the first quote provider that answers. */
export function latestQuote(chains: FallbackChains, symbol: string): Promise<Quote> {
  const key = symbol.trim().toUpperCase();
  return firstAnswer(providersFor(chains, 'quote'), (p) => p.fetchQuote!(key));
}
