/**
 * `ballast tax form8949 --out FILE.pdf|.csv` and `ballast tax txf --out FILE.txf`: the rows of
 * `tax gains` written as Form 8949 or TXF V042 (docs/conventions.md "Tax reports"). The format
 * of Form 8949 follows the file's extension unless `--format` says.
 */

import type { Command } from 'commander';
import { BallastError } from '../../app/errors.ts';
import { checkOutputPath, writeOutputFile } from '../../app/files.ts';
import { taxForm8949, taxTxf, type TaxFile } from '../../app/tax-forms.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import type { Io } from '../io.ts';
import { choiceFlag, numberFlag } from './options.ts';
import {
  TAX_LEDGER_FLAGS,
  taxLedgerInput,
  withTaxLedgerOptions,
  type TaxLedgerFlags,
} from './tax-ledger-flags.ts';

interface FileFlags extends TaxLedgerFlags {
  out: string;
  year?: string;
  box: string;
  name?: string;
  format?: string;
}

const BOXES = ['basis-reported', 'basis-not-reported', 'not-reported'] as const;

/** The shared options of both commands. */
function withFileOptions(command: Command): Command {
  return withTaxLedgerOptions(command)
    .requiredOption('--out <file>', 'the file to write')
    .option('--year <yyyy>', 'dispositions of this calendar year only')
    .option(
      '--box <box>',
      'Form 8949 checkbox: basis-reported (A/D) | basis-not-reported (B/E) | not-reported (C/F)',
      'basis-reported',
    );
}

/** The use-case input of the flags. */
function inputOf(flags: FileFlags) {
  const year = numberFlag('--year', flags.year, (x) => Number.isInteger(x));
  return {
    ...taxLedgerInput(flags),
    ...(year === undefined ? {} : { year }),
    box: choiceFlag('--box', flags.box, BOXES),
  };
}

/** Writes the file and prints one line saying what was written. */
function write(io: Io, { out, file, what }: { out: string; file: TaxFile; what: string }): void {
  writeOutputFile(out, file.body, { field: '--out', atomic: true });
  io.out(`Wrote ${what} to ${out}: ${file.rows} ${file.rows === 1 ? 'row' : 'rows'}`);
}

/** Registers `tax form8949` and `tax txf`. */
export function registerTaxFiles(tax: Command, io: Io, runtime: Runtime): void {
  withFileOptions(
    tax
      .command('form8949')
      .description('Form 8949 rows as a PDF laid out like the form, or as CSV'),
  )
    .option('--format <format>', 'pdf | csv (default: from the --out extension)')
    .option('--name <name>', 'name shown on the return, printed on the PDF')
    .action(async (flags: FileFlags, command: Command) => {
      checkOutputPath(flags.out, '--out');
      const format =
        flags.format ??
        (/\.pdf$/i.test(flags.out) ? 'pdf' : /\.csv$/i.test(flags.out) ? 'csv' : undefined);
      if (format === undefined) {
        throw new BallastError(
          'INVALID_INPUT',
          `--out: name a .pdf or .csv file, or give --format (got "${flags.out}")`,
          {
            field: '--out',
            value: flags.out,
          },
        );
      }
      const input = {
        ...inputOf(flags),
        format: choiceFlag('--format', format, ['pdf', 'csv'] as const),
        ...(flags.name === undefined ? {} : { name: flags.name }),
      };
      const file = await withFlagNames(TAX_LEDGER_FLAGS, () =>
        withDeps(command, runtime, (deps) => taxForm8949(input, deps)),
      );
      write(io, { out: flags.out, file, what: `Form 8949 (${input.format.toUpperCase()})` });
    });
  withFileOptions(
    tax.command('txf').description('Realised gains as a TXF V042 file for tax software'),
  ).action(async (flags: FileFlags, command: Command) => {
    checkOutputPath(flags.out, '--out');
    const input = inputOf(flags);
    const file = await withFlagNames(TAX_LEDGER_FLAGS, () =>
      withDeps(command, runtime, (deps) => taxTxf(input, deps)),
    );
    write(io, { out: flags.out, file, what: 'TXF V042' });
  });
}
