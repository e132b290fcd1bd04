import type { Command } from 'commander';
import { BallastError } from '../../domain/errors.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { contextOf, type Runtime } from '../context.ts';
import { universePanel, type UniverseSource } from '../estimate/universe-panel.ts';
import { distributionTable, estimateDistribution, type EstimateOptions } from './estimate.ts';

/** Registers `ballast estimate universe`. */
export function registerEstimateUniverse(estimate: Command, io: Io, runtime: Runtime): void {
  estimate
    .command('universe')
    .description(
      'The return distribution of the exposure universe: from stored data, or the bundled monthly real returns',
    )
    .option(
      '--source <source>',
      'auto | store | sample (bundled = sample; auto: the store when it holds universe prices, else the bundled sample)',
    )
    .option('--mean <method>', 'as for estimate', 'historical')
    .option('--covariance <method>', 'as for estimate', 'ledoit-wolf')
    .option('--lambda <x>', 'EWMA decay λ')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: EstimateOptions & { source?: string }, command: Command) => {
      const aliases: Record<string, UniverseSource> = {
        auto: 'auto',
        store: 'store',
        sample: 'sample',
        bundled: 'sample',
      };
      const requested = aliases[options.source ?? 'auto'];
      if (requested === undefined) {
        throw new BallastError(
          'INVALID_INPUT',
          `--source: expected auto, store, sample or bundled (got "${options.source}")`,
          { field: 'source', value: options.source },
        );
      }
      const ctx = contextOf(command, runtime);
      try {
        const panel = await universePanel(requested, {
          store: () => ctx.store(),
          registry: () => loadExposureRegistry(),
        });
        const source = panel.source === 'sample' ? 'bundled' : 'store';
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
