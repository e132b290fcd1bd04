/**
 * `ballast tax`: the tax engine's reports over a ledger (docs/conventions.md "Wash sales", "Tax
 * reports"). Every subcommand reads the ledger the same way (`--transactions` or `--portfolio`,
 * `--accounts`, `--equivalents`, `--lot-method`, `--as-of`, the wash-sale switches).
 */

import type { Command } from 'commander';
import type { Runtime } from '../context.ts';
import type { Io } from '../io.ts';
import { registerTaxGains } from './tax-gains.ts';

/** Registers `ballast tax` and its subcommands. */
export function registerTax(program: Command, io: Io, runtime: Runtime): void {
  const tax = program
    .command('tax')
    .description('Tax reports: realised gains with wash sales, Form 8949, TXF, loss harvesting');
  registerTaxGains(tax, io, runtime);
}
