/**
 * Use case `transactions convert`: a broker's own CSV export (Schwab, Fidelity, Vanguard, an
 * IBKR activity statement) turned into Ballast's transactions CSV (README "Transactions file").
 * Every line of the export is a ledger row, a line recognised as no transaction (a title, a
 * total, a note, a summary section — listed in `ignored` with its reason), or refused: an
 * INVALID_INPUT naming the file, the line and the action. The mapping of each broker's actions
 * is in docs/brokers.md. The CSV returned reads back, through the project's own reader, to the
 * same transactions (checked before it is returned).
 *
 * @example
 * ```ts
 * const doc = transactionsConvert({ from: 'auto', csv: { path: 'Schwab_Transactions.csv' } });
 * writeFileSync('ledger.csv', doc.csv);
 * ```
 */

import * as z from 'zod';
import { BROKER_NAMES } from '../data/brokers/types.ts';
import { convertBrokerCsv, type ConvertedLine } from '../data/brokers/convert.ts';
import type { IgnoredLine } from '../data/brokers/types.ts';
import { parseInput } from './input.ts';
import { readSource, textSourceSchema, type TextSource } from './sources.ts';

/** The `from` values: a broker, or `auto` to detect it from the header lines. */
export const BROKER_CHOICES = [...BROKER_NAMES, 'auto'] as const;

/** Input of {@link transactionsConvert}. */
export const transactionsConvertInputSchema = z.object({
  /** The broker whose export `csv` is; `auto` detects it. */
  from: z.enum(BROKER_CHOICES).default('auto'),
  /** The broker's CSV export. */
  csv: textSourceSchema,
  /** The account every row goes to (default: the export's account column, else `DEFAULT`). */
  account: z.string().trim().min(1).optional(),
  /** The name of the output in its errors (the `--out` path). */
  out: z.string().min(1).optional(),
});

/** What callers pass to {@link transactionsConvert}. */
export type TransactionsConvertInput = z.input<typeof transactionsConvertInputSchema>;

/** The `transactions convert` document (the CLI's `--format json`). */
export interface TransactionsConvertDocument {
  /** The broker converted from (the detected one under `auto`). */
  readonly broker: (typeof BROKER_NAMES)[number];
  readonly detected: boolean;
  /** Transactions written. */
  readonly transactions: number;
  /** Each output row: its ledger line, the broker line and action it came from, its type. */
  readonly lines: readonly ConvertedLine[];
  /** Broker lines recognised as no transaction, with the reason. */
  readonly ignored: readonly IgnoredLine[];
  /** The transactions CSV, oldest first. */
  readonly csv: string;
}

/** The conversion of a broker export (see the module comment). */
export function transactionsConvert(raw: TransactionsConvertInput): TransactionsConvertDocument {
  const input = parseInput(transactionsConvertInputSchema, raw);
  const { text, name } = readSource(input.csv, 'csv');
  const conversion = convertBrokerCsv(text, name, {
    broker: input.from,
    ...(input.account === undefined ? {} : { account: input.account }),
    ...(input.out === undefined ? {} : { out: input.out }),
  });
  return {
    broker: conversion.broker,
    detected: input.from === 'auto',
    transactions: conversion.transactions.length,
    lines: conversion.lines,
    ignored: conversion.ignored,
    csv: conversion.csv,
  };
}

/**
 * The transactions-CSV source of a ledger given as a broker export: `source` converted from
 * `broker` (`auto` detects it), named `<file> (converted from <broker>)` in later errors. Used
 * by the commands that read a ledger (`positions --broker`, `performance --broker`).
 *
 * @throws BallastError INVALID_INPUT as {@link transactionsConvert}.
 */
export function brokerLedgerSource(
  source: TextSource,
  broker: (typeof BROKER_CHOICES)[number],
): { text: string; name: string } {
  const name = 'path' in source ? source.path : source.name;
  const doc = transactionsConvert({ from: broker, csv: source });
  return { text: doc.csv, name: `${name} (converted from ${doc.broker})` };
}
