import type { Command } from 'commander';
import { BallastError, toBallastError } from '../../domain/errors.ts';
import type { DataKind } from '../../domain/market/types.ts';
import { providersFromEnv } from '../../data/market-data/providers-from-env.ts';
import type { MarketDataProvider } from '../../data/providers/provider.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';

function providersFor(kind: DataKind, runtime: Runtime): MarketDataProvider[] {
  return providersFromEnv(runtime.env, runtime.fetch).prices.filter((p) => p.kinds.includes(kind));
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

function refuseOffline(command: Command, runtime: Runtime, what: string): void {
  if (contextOf(command, runtime).offline) {
    throw new BallastError(
      'DATA_UNAVAILABLE',
      `${what} needs a provider; --offline reads the store only`,
      { field: 'offline' },
    );
  }
}

/** Registers `ballast data search QUERY` and `ballast data quote SYMBOL...` (live, never stored). */
export function registerDataLookup(data: Command, io: Io, runtime: Runtime): void {
  data
    .command('search')
    .description('Search symbols by name or ticker (live; Yahoo)')
    .argument('<query>', 'text to search for')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (query: string, options: { format: Format }, command: Command) => {
      refuseOffline(command, runtime, 'data search');
      const hits = await firstAnswer(providersFor('search', runtime), (p) => p.search!(query));
      if (options.format === 'json') return io.out(JSON.stringify(hits, null, 2));
      io.out(
        renderTable(hits, [
          { title: 'Symbol', value: (h) => h.symbol },
          { title: 'Name', value: (h) => h.name },
          { title: 'Exchange', value: (h) => h.exchange ?? '' },
          { title: 'Type', value: (h) => h.type ?? '' },
        ]),
      );
    });

  data
    .command('quote')
    .description('Latest quotes with their time and source (live; shown, never stored as history)')
    .argument('<symbols...>', 'symbols')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (symbols: string[], options: { format: Format }, command: Command) => {
      refuseOffline(command, runtime, 'data quote');
      const providers = providersFor('quote', runtime);
      const quotes = [];
      for (const s of symbols)
        quotes.push(await firstAnswer(providers, (p) => p.fetchQuote!(s.trim().toUpperCase())));
      if (options.format === 'json') return io.out(JSON.stringify(quotes, null, 2));
      io.out(
        renderTable(quotes, [
          { title: 'Symbol', value: (q) => q.symbol },
          { title: 'Price', value: (q) => String(q.price), align: 'right' },
          { title: 'Currency', value: (q) => q.currency ?? '' },
          { title: 'Time', value: (q) => q.time },
          { title: 'Source', value: (q) => q.source },
        ]),
      );
    });
}
