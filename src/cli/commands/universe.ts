import type { Command } from 'commander';
import type { Implementation } from '../../domain/exposures/types.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';

/** One-line description of an implementation, e.g. `etf_average SPY/IVV/VOO`. */
export function describeImplementation(impl: Implementation): string {
  switch (impl.type) {
    case 'etf_average':
    case 'fund_average':
      return `${impl.type} ${impl.tickers.join('/')}`;
    case 'fund':
      return `fund ${impl.ticker}`;
    case 'composite':
      return `composite ${impl.components.map((c) => `${c.weight}×${c.ticker}`).join('+')}`;
    case 'rate_series':
      return `rate_series ${impl.source}:${impl.series}`;
    case 'index':
      return `index ${impl.index}`;
    case 'notes':
      return 'notes';
  }
}

/** Registers `ballast universe`: the exposure registry, by category. */
export function registerUniverse(program: Command, io: Io): void {
  program
    .command('universe')
    .description('The exposure universe: exposures, categories and their implementations')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }) => {
      const registry = await loadExposureRegistry();
      if (options.format === 'json') {
        return io.out(
          JSON.stringify(
            { categories: registry.categories, exposures: registry.exposures },
            null,
            2,
          ),
        );
      }
      io.out(
        renderTable(registry.exposures, [
          { title: 'Category', value: (e) => e.category },
          { title: 'Exposure', value: (e) => e.id },
          { title: 'Name', value: (e) => e.name },
          {
            title: 'Implementations (in order)',
            value: (e) =>
              e.implementations
                .filter((i) => i.type !== 'notes')
                .map(describeImplementation)
                .join('; '),
          },
        ]),
      );
      io.out(`${registry.exposures.length} exposures in ${registry.categories.length} categories`);
    });
}
