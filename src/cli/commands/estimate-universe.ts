import type { Command } from 'commander';
import { BallastError } from '../../domain/errors';
import { loadExposureRegistry } from '../../data/config/load-exposure-config';
import { parseFormat, type Format, type Io } from '../io';
import { contextOf, type Runtime } from '../context';
import { bundledUniversePanel, storedUniversePanel } from '../estimate/universe-panel';
import { distributionTable, estimateDistribution, type EstimateOptions } from './estimate';

/** Registers `ballast estimate universe`. */
export function registerEstimateUniverse(estimate: Command, io: Io, runtime: Runtime): void {
  estimate
    .command('universe')
    .description(
      'The return distribution of the exposure universe: from stored data, or the bundled monthly real returns',
    )
    .option(
      '--source <source>',
      'store | bundled (default: bundled with --offline or when the store has nothing, else store)',
    )
    .option('--mean <method>', 'as for estimate', 'historical')
    .option('--covariance <method>', 'as for estimate', 'ledoit-wolf')
    .option('--lambda <x>', 'EWMA decay λ')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: EstimateOptions & { source?: string }, command: Command) => {
      if (options.source !== undefined && !['store', 'bundled'].includes(options.source)) {
        throw new BallastError(
          'INVALID_INPUT',
          `--source: expected store or bundled (got "${options.source}")`,
          { field: 'source', value: options.source },
        );
      }
      const ctx = contextOf(command, runtime);
      try {
        let panel;
        let source = options.source;
        if (source === 'store' || (source === undefined && !ctx.offline)) {
          const store = await ctx.store();
          const hasData = (await store.listCoverage()).length > 0;
          if (source === 'store' || hasData) {
            panel = await storedUniversePanel(store, await loadExposureRegistry());
            source = 'store';
          }
        }
        if (!panel) {
          panel = bundledUniversePanel();
          source = 'bundled';
        }
        const summary = estimateDistribution(panel.table, {
          ...options,
          periodsPerYear: '12',
          warnings: panel.warnings,
        });
        if (options.format === 'json')
          return io.out(JSON.stringify({ source, ...summary }, null, 2));
        io.out(
          `Exposure universe (${source === 'bundled' ? 'bundled sample data' : 'stored data'})`,
        );
        io.out(distributionTable(summary));
      } finally {
        await ctx.close();
      }
    });
}
