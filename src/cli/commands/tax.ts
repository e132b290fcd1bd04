/**
 * `ballast tax …`: the tax engine's reports over a ledger (docs/conventions.md "Wash sales",
 * "Tax reports"). {@link registerTax} creates the parent command and registers each subcommand
 * on it, one module per subcommand, so a subcommand is added with one line. The ledger flags
 * they share are in `tax-ledger-flags.ts`.
 */

import type { Command } from 'commander';
import type { Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { registerTaxFiles } from './tax-files.ts';
import { registerTaxGains } from './tax-gains.ts';
import { registerTaxHarvest } from './tax-harvest.ts';

/** Registers `ballast tax` and its subcommands. */
export function registerTax(program: Command, io: Io, runtime: Runtime): void {
  const tax = program
    .command('tax')
    .description('Tax reports: realised gains with wash sales, Form 8949, TXF, loss harvesting');
  registerTaxGains(tax, io, runtime);
  registerTaxFiles(tax, io, runtime);
  registerTaxHarvest(tax, io, runtime);
}
