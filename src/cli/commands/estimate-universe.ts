import type { Command } from 'commander';
import { estimateUniverse, type EstimateUniverseInput } from '../../app/estimate-universe.ts';
import { withDeps, type Runtime } from '../context.ts';
import { renderDocument } from '../format/output.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { estimationSpecOf, withModelOptions, type MethodOptions } from '../estimate/methods.ts';
import { distributionCsv, distributionTable } from './estimate.ts';

/** Registers `ballast estimate universe`. */
export function registerEstimateUniverse(estimate: Command, io: Io, runtime: Runtime): void {
  withModelOptions(
    estimate
      .command('universe')
      .description(
        'The return distribution of the exposure universe: from stored data, or the bundled monthly real returns',
      )
      .option(
        '--source <source>',
        'auto | store | sample (bundled = sample; auto: the store when it holds universe prices, else the bundled sample)',
      ),
    { covariance: 'ledoit-wolf' },
  )
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per exposure)',
      parseFormat,
      'table' as Format,
    )
    .action(
      async (options: MethodOptions & { source?: string; format: Format }, command: Command) => {
        const doc = await withDeps(command, runtime, (deps) =>
          estimateUniverse(
            {
              // zod validates the choice and names the field
              ...(options.source === undefined
                ? {}
                : { source: options.source as EstimateUniverseInput['source'] }),
              ...estimationSpecOf(options),
            },
            deps,
          ),
        );
        io.out(
          renderDocument(options.format, {
            json: doc,
            table: () =>
              `Exposure universe (${doc.source === 'bundled' ? 'bundled sample data' : 'stored data'})\n${distributionTable(doc)}`,
            csv: () => distributionCsv(doc),
          }),
        );
      },
    );
}
