import type { Command } from 'commander';
import { BallastError } from '../../domain/errors';
import type { AlignedTable } from '../../domain/series/align-common';
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
      'store | bundled (default: the store when it holds universe prices, else the bundled sample)',
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
        let panel: { table: AlignedTable; warnings: string[] } | undefined;
        let source = options.source;
        if (source === 'store' || (source === undefined && !ctx.offline)) {
          try {
            panel = await storedUniversePanel(await ctx.store(), await loadExposureRegistry());
            source = 'store';
          } catch (e) {
            // Chosen automatically: a store without universe prices falls back to the bundled data.
            if (source === 'store' || !(e instanceof BallastError) || e.code !== 'DATA_UNAVAILABLE')
              throw e;
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
