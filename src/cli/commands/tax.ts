/**
 * `ballast tax …`: the tax reports of a ledger. {@link registerTax} creates the parent command
 * and registers each subcommand on it, one module per subcommand (`tax harvest`:
 * `tax-harvest.ts`), so a subcommand is added with one line.
 */

import type { Command } from 'commander';
import type { Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { registerTaxHarvest } from './tax-harvest.ts';

/** Registers `ballast tax` and its subcommands. */
export function registerTax(program: Command, io: Io, runtime: Runtime): void {
  const tax = program
    .command('tax')
    .description('Tax reports of a ledger: harvest (tax-loss harvesting candidates)');
  registerTaxHarvest(tax, io, runtime);
}
