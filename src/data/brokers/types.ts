/**
 * What a broker converter gives: the ledger rows its lines map to (in file order, each with its
 * line and action), the lines it recognised as no transaction (each with the reason), and the
 * helpers the converters share to build rows and to refuse a line by name.
 */

import { BallastError } from '../../domain/errors.ts';
import type { Transaction } from '../../domain/ledger/types.ts';
import { cellError, type CellAt } from './values.ts';

/** The brokers whose exports convert. */
export const BROKER_NAMES = ['schwab', 'fidelity', 'vanguard', 'ibkr'] as const;

/** One of {@link BROKER_NAMES}. */
export type BrokerName = (typeof BROKER_NAMES)[number];

/** Shares received in a split, resolved into a ratio once the earlier rows are known. */
export interface SplitShares {
  readonly date: string;
  readonly account: string;
  readonly symbol: string;
  /** Shares added (positive) by the split. */
  readonly added: number;
  /** The column of the action, for a refusal. */
  readonly field: string;
}

/** A ledger row of a broker line, before ordering (its `source.line` is the broker line). */
export type MappedRow =
  | { readonly line: number; readonly action: string; readonly tx: Transaction }
  | { readonly line: number; readonly action: string; readonly split: SplitShares };

/** A line recognised as no transaction: a title, a total, a note, a summary section. */
export interface IgnoredLine {
  readonly line: number;
  readonly action: string;
  readonly reason: string;
}

/** A converter's result, in file order. */
export interface BrokerRows {
  readonly rows: MappedRow[];
  readonly ignored: IgnoredLine[];
  /** True when the broker writes the newest first (the rows are then reversed). */
  readonly newestFirst: boolean;
}

/** The file being converted and the account its rows go to (`undefined`: the file's own). */
export interface ConvertContext {
  readonly file: string;
  readonly account: string | undefined;
}

/**
 * The INVALID_INPUT refusing the line `line` whose `field` is `action`: it names the file, the
 * line, the action and why.
 */
export function refuse(
  ctx: ConvertContext,
  line: number,
  at: { field: string; action: string; why: string },
): BallastError {
  return new BallastError(
    'INVALID_INPUT',
    `${ctx.file}:${line}: ${at.field} "${at.action}" is not converted: ${at.why}`,
    { file: ctx.file, line, field: at.field, value: at.action },
  );
}

/** The account of a row: `--account` when given, else the file's, else `DEFAULT`. */
export function accountOf(ctx: ConvertContext, fromFile?: string): string {
  return ctx.account ?? (fromFile?.trim() || 'DEFAULT');
}

const TICKER = /^[A-Z0-9.^=\-/$]+$/;

/** A ticker as the ledger reads it (upper-case), or an INVALID_INPUT naming the column. */
export function ticker(text: string, at: CellAt, field: string): string {
  const s = text.trim().toUpperCase();
  if (s === '') throw cellError(at, { field, value: text }, 'a symbol is required');
  if (!TICKER.test(s)) throw cellError(at, { field, value: text }, 'not a ticker symbol');
  return s;
}

/** The common fields of a row of the line at `at`. */
export function base(at: CellAt, date: string, account: string) {
  return { date, account, feesCents: 0, source: { file: at.file, line: at.line } };
}
