import type { Command } from 'commander';
import { assetLocation, type AssetLocationInput } from '../../app/asset-location.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { locationCsv, locationTable } from '../format/location.ts';
import { renderDocument } from '../format/output.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { fundsField, FUNDS_STORED_HELP, type FundsFlags } from './funds-flags.ts';

interface LocationOptions extends FundsFlags {
  readonly accounts: string;
  readonly format: Format;
}

const LOCATION_FLAGS = { funds: '--funds' };

/** The use-case input of the flags. */
export function locationInput(options: LocationOptions): AssetLocationInput {
  return { accounts: { path: options.accounts }, ...fundsField(options) };
}

/** Runs the use case and prints its document (shared with `ballast plan --accounts`). */
export async function runLocation(
  options: LocationOptions,
  ctx: { readonly command: Command; readonly runtime: Runtime; readonly io: Io },
): Promise<void> {
  const input = locationInput(options);
  const doc = await withDeps(ctx.command, ctx.runtime, (deps) =>
    withFlagNames(LOCATION_FLAGS, () => assetLocation(input, deps)),
  );
  ctx.io.out(
    renderDocument(options.format, {
      json: doc,
      table: () => locationTable(doc),
      csv: () => locationCsv(doc),
    }),
  );
}

/**
 * Registers `ballast location --accounts FILE`: one target allocation placed across taxable,
 * traditional and Roth accounts (docs/asset-location.md).
 */
export function registerLocation(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('location')
    .description(
      'Asset location: place one target allocation across taxable, traditional and Roth accounts (LP or MILP, HiGHS)',
    )
    .requiredOption('--accounts <file>', 'accounts file (YAML): accounts, target, tax, exposures')
    .option('--funds <file>', 'fund definitions (default config/funds.yaml)')
    .option('--funds-stored <name>', FUNDS_STORED_HELP)
    .option(
      '--format <format>',
      'table | json | csv (csv: one row per account and fund)',
      parseFormat,
      'table' as Format,
    )
    .action(async (options: LocationOptions, command: Command) => {
      await runLocation(options, { command, runtime, io });
    });
}
