/**
 * The JSON backup of a stored portfolio (`portfolio export`, read back by `portfolio import`):
 * the portfolio's name, base currency and creation time, its accounts and its ledger as the
 * ledger's own transactions (money in integer cents, the source line that names lots). Every
 * number is written as JavaScript writes a double (the shortest text that reads back as the same
 * value), so export → import → export gives the same bytes.
 */

import * as z from 'zod';
import { BallastError } from '../domain/errors.ts';
import { TAX_TYPES, type AccountInfo } from '../domain/ledger/accounts.ts';
import type { Transaction } from '../domain/ledger/types.ts';
import { fieldPath } from './input.ts';

/** The `format` tag of a backup. */
export const BACKUP_FORMAT = 'ballast-portfolio';

/** The backup's version: this code writes and reads version 1. */
export const BACKUP_VERSION = 1;

/** A portfolio backup (module comment). */
export interface PortfolioBackup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly portfolio: {
    readonly name: string;
    readonly baseCurrency: string;
    readonly createdAt: string;
  };
  readonly accounts: readonly AccountInfo[];
  /** The ledger in order; each transaction's `source` is `{ line }`. */
  readonly transactions: readonly Transaction[];
}

/**
 * The envelope of a backup. Transactions are checked here only as objects: the store checks
 * each field (and names `transactions[i].<field>`) before it writes anything.
 */
export const portfolioBackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  portfolio: z.object({
    name: z.string().trim().min(1),
    baseCurrency: z.string().regex(/^[A-Z]{3}$/),
    createdAt: z.string().min(1),
  }),
  accounts: z.array(z.object({ name: z.string().trim().min(1), taxType: z.enum(TAX_TYPES) })),
  transactions: z.array(z.record(z.string(), z.unknown())),
});

/**
 * Reads a backup from its JSON text.
 * @throws BallastError INVALID_INPUT naming `file`, the field and the value.
 */
export function parsePortfolioBackup(text: string, file: string): PortfolioBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new BallastError('INVALID_INPUT', `${file}: not JSON (${why})`, { file });
  }
  const result = portfolioBackupSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = fieldPath(issue.path);
    const value = 'input' in issue ? issue.input : undefined;
    throw new BallastError(
      'INVALID_INPUT',
      `${file}: ${field}: ${issue.message} (got ${JSON.stringify(value) ?? 'nothing'})`,
      { file, field, value },
    );
  }
  return result.data as unknown as PortfolioBackup;
}
