/**
 * Use cases `tax form8949` and `tax txf`: the realised gains of `tax gains` written as IRS
 * Form 8949 (CSV or PDF) or as a TXF V042 file for tax software (docs/conventions.md "Tax
 * reports"). The rows are exactly those of `taxGains` for the same input.
 *
 * @example
 * ```ts
 * const { body } = await taxForm8949({ transactions: { path: 'l.csv' }, year: 2024, format: 'pdf' }, deps);
 * ```
 */

import * as z from 'zod';
import { form8949Csv } from '../domain/tax/form8949.ts';
import { txfDocument } from '../domain/tax/txf.ts';
import { form8949Pdf } from '../report/form8949-pdf.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import type { StoredLedgerDeps } from './stored-ledger.ts';
import { taxGainReport, taxGainsInputSchema } from './tax-gains.ts';

/** The Form 8949 checkbox: basis reported to the IRS (A/D, default), not reported (B/E), no 1099-B (C/F). */
export const form8949BoxSchema = z
  .enum(['basis-reported', 'basis-not-reported', 'not-reported'])
  .default('basis-reported');

const ledgerFields = taxGainsInputSchema.omit({ rates: true });

/** Input of {@link taxForm8949}. */
export const taxForm8949InputSchema = ledgerFields.extend({
  format: z.enum(['csv', 'pdf']),
  box: form8949BoxSchema,
  /** Name on the return, printed on the PDF (blank to fill by hand). */
  name: z.string().max(200).optional(),
});

/** Input of {@link taxTxf}. */
export const taxTxfInputSchema = ledgerFields.extend({ box: form8949BoxSchema });

/** A written report: its media type, its body, and how many rows it holds. */
export interface TaxFile {
  readonly contentType: string;
  readonly body: string | Uint8Array;
  readonly rows: number;
}

/** Form 8949 as CSV or PDF. */
export async function taxForm8949(
  raw: z.input<typeof taxForm8949InputSchema>,
  deps?: StoredLedgerDeps,
): Promise<TaxFile> {
  const input = parseInput(taxForm8949InputSchema, raw);
  const { rows } = await taxGainReport(input, deps);
  if (input.format === 'csv') {
    return {
      contentType: 'text/csv',
      body: `${form8949Csv(rows, { box: input.box })}\n`,
      rows: rows.length,
    };
  }
  const body = form8949Pdf(rows, {
    box: input.box,
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.year === undefined ? {} : { taxYear: input.year }),
  });
  return { contentType: 'application/pdf', body, rows: rows.length };
}

/** The TXF V042 file (export date: today by the deps' clock). */
export async function taxTxf(
  raw: z.input<typeof taxTxfInputSchema>,
  deps: StoredLedgerDeps & Pick<AppDeps, 'clock'>,
): Promise<TaxFile> {
  const input = parseInput(taxTxfInputSchema, raw);
  const { rows } = await taxGainReport(input, deps);
  const body = txfDocument(rows, { exportDate: deps.clock.today(), box: input.box });
  return { contentType: 'application/vnd.intu.txf', body, rows: rows.length };
}
