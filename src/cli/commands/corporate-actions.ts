/**
 * `ballast positions … --apply-corporate-actions [--accept [--out FILE]]`: the split and
 * dividend rows the stored bars imply for the ledger (docs/corporate-actions.md). Without
 * `--accept` it only prints them (table, json, or csv in the transactions-CSV format); with it a
 * `--transactions` ledger is written merged to `--out` (a new file), a `--portfolio` ledger is
 * stored merged.
 */

import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  acceptNeedsOut,
  corporateActions,
  proposedRowsCsv,
  type CorporateActionsDocument,
} from '../../app/corporate-actions.ts';
import { BallastError, warningLines } from '../../app/errors.ts';
import { checkOutputPath, writeOutputFile } from '../../app/files.ts';
import { withDeps, type Runtime } from '../context.ts';
import { withFlagNames } from '../flag-errors.ts';
import { fmtMoney } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import type { Format, Io } from '../io.ts';
import { numberFlag } from './options.ts';

/** The flags `positions` passes on. */
export interface CorporateActionFlags {
  readonly transactions?: string;
  readonly portfolio?: string;
  readonly asOf?: string;
  readonly accept?: boolean;
  readonly out?: string;
  readonly dividendWindow?: string;
  readonly splitWindow?: string;
  readonly format: Format;
}

const FLAGS = {
  transactions: '--transactions',
  portfolio: '--portfolio',
  through: '--as-of',
  dividendWindowDays: '--dividend-window',
  splitWindowDays: '--split-window',
};

/** The proposals as tables for people. */
export function corporateActionsTable(doc: CorporateActionsDocument): string {
  const source =
    'portfolio' in doc.source ? `portfolio ${doc.source.portfolio}` : doc.source.transactions;
  const out = [
    `Corporate actions from stored prices for ${source}${doc.through ? ` through ${doc.through}` : ''}`,
    doc.proposed.length === 0
      ? '(nothing to add)'
      : renderTable(doc.proposed, [
          { title: 'Date', value: (r) => r.date },
          { title: 'Type', value: (r) => r.type },
          { title: 'Symbol', value: (r) => r.symbol },
          { title: 'Account', value: (r) => r.account },
          { title: 'Shares', value: (r) => String(r.shares), align: 'right' },
          {
            title: 'Per share',
            value: (r) => (r.perShare === undefined ? '' : String(r.perShare)),
            align: 'right',
          },
          {
            title: 'Ratio / amount',
            value: (r) => (r.ratio !== undefined ? String(r.ratio) : fmtMoney(r.amount!)),
            align: 'right',
          },
          ...(doc.accepted
            ? [{ title: 'Line', value: (r: (typeof doc.proposed)[number]) => String(r.line ?? '') }]
            : []),
        ]),
    `Already in the ledger: ${doc.recorded.length}`,
    ...warningLines(doc.warnings),
  ];
  return out.join('\n');
}

function checkFlags(flags: CorporateActionFlags): void {
  if (flags.out !== undefined && !flags.accept)
    throw new BallastError('INVALID_INPUT', '--out: give --accept to write the merged ledger', {
      field: 'out',
      value: flags.out,
    });
  if (!flags.accept || flags.transactions === undefined) return;
  if (flags.out === undefined) throw acceptNeedsOut();
  if (resolve(flags.out) === resolve(flags.transactions))
    throw new BallastError(
      'INVALID_INPUT',
      '--out: write the merged ledger to a new file, not over --transactions',
      { field: 'out', value: flags.out },
    );
  checkOutputPath(flags.out, '--out');
}

const days = (flag: string, value: string | undefined): number | undefined =>
  numberFlag(flag, value, (x) => Number.isInteger(x) && x >= 0);

/** Runs the use case and prints (and writes) its result. */
export async function runCorporateActions(
  flags: CorporateActionFlags,
  run: { command: Command; runtime: Runtime; io: Io },
): Promise<void> {
  checkFlags(flags);
  const dividendWindowDays = days('--dividend-window', flags.dividendWindow);
  const splitWindowDays = days('--split-window', flags.splitWindow);
  const input = {
    ...(flags.transactions === undefined ? {} : { transactions: { path: flags.transactions } }),
    ...(flags.portfolio === undefined ? {} : { portfolio: flags.portfolio }),
    ...(flags.asOf === undefined ? {} : { through: flags.asOf }),
    ...(dividendWindowDays === undefined ? {} : { dividendWindowDays }),
    ...(splitWindowDays === undefined ? {} : { splitWindowDays }),
    accept: flags.accept === true,
  };
  const doc = await withDeps(run.command, run.runtime, (deps) =>
    withFlagNames(FLAGS, () => corporateActions(input, deps)),
  );
  const { ledgerCsv, ...printed } = doc;
  if (ledgerCsv !== undefined && flags.out !== undefined)
    writeOutputFile(flags.out, ledgerCsv, { field: '--out', atomic: true });
  const { io } = run;
  if (flags.format === 'json') io.out(JSON.stringify(printed, null, 2));
  else if (flags.format === 'csv') io.out(proposedRowsCsv(doc));
  else {
    io.out(corporateActionsTable(doc));
    if (flags.out !== undefined)
      io.out(`Wrote the ledger with ${doc.proposed.length} new row(s) to ${flags.out}`);
    else if (doc.accepted)
      io.out(`Stored ${doc.proposed.length} new row(s) in portfolio ${flags.portfolio ?? ''}`);
  }
}
