/**
 * Use cases `funds validate`, `funds import` and `funds list`: fund definitions — economic
 * exposure per $1 of NAV, leverage included (docs/conventions.md, "Holdings, ledger and
 * exposures") — checked against the exposure universe, converted from the weight-and-leverage
 * layout (economic = weight × total_notional), and listed.
 *
 * @example
 * ```ts
 * const doc = await fundsValidate({ funds: { path: 'my-funds.yaml' } });
 * doc.valid; // false when any definition has an error (listed in doc.issues)
 * ```
 */

import { resolve } from 'node:path';
import * as z from 'zod';
import { invalidInput } from '../domain/errors.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import {
  hasFundErrors,
  validateFundUniverse,
  type FundIssue,
} from '../domain/exposures/validate-funds.ts';
import { convertWeightStyleUniverse } from '../domain/exposures/vocabulary.ts';
import type { Warning } from '../domain/warnings.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';
import {
  loadWeightStyleFunds,
  parseWeightStyleFunds,
  weightStyleSourceName,
} from '../data/config/load-fund-universe.ts';
import { writeFundUniverse } from '../data/config/write-fund-universe.ts';
import { checkOutputPath } from '../data/files/write-file.ts';
import { parseInput } from './input.ts';
import {
  fundsSourceName,
  fundsSourceSchema,
  loadFunds,
  type DefinitionDeps,
} from './funds-source.ts';
import { fundWarnings, validatedFunds } from './fund-validation.ts';
import { textSourceSchema, type TextSource } from './sources.ts';

export type { FundIssue } from '../domain/exposures/validate-funds.ts';
export type { FundDefinition, FundUniverse } from '../domain/exposures/fund-types.ts';

/** The name a source is cited by (its path, or its given name). */
const sourceName = (source: TextSource): string => ('path' in source ? source.path : source.name);

/** Input of {@link fundsValidate}. */
export const fundsValidateInputSchema = z.object({
  /** The fund definitions YAML to check, or `{ stored: NAME }` (checked again as it is now). */
  funds: fundsSourceSchema,
});

/** What callers pass to {@link fundsValidate}. */
export type FundsValidateInput = z.input<typeof fundsValidateInputSchema>;

/** The `funds validate` document. */
export interface FundsValidateDocument {
  /** The file checked (path or name). */
  readonly file: string;
  /** Number of fund definitions. */
  readonly funds: number;
  /** False when some issue is an error (the definitions are then unusable). */
  readonly valid: boolean;
  /** Errors and warnings, in universe order. */
  readonly issues: readonly FundIssue[];
}

/**
 * Checks a fund file against the exposure universe (issues as data; never throws on them);
 * `deps` only for a stored set.
 */
export async function fundsValidate(
  raw: FundsValidateInput,
  deps?: DefinitionDeps,
): Promise<FundsValidateDocument> {
  const input = parseInput(fundsValidateInputSchema, raw);
  const [registry, universe] = await Promise.all([
    loadExposureRegistry(),
    loadFunds(input.funds, deps),
  ]);
  const issues = validateFundUniverse(universe, registry);
  return {
    file: fundsSourceName(input.funds),
    funds: Object.keys(universe.funds).length,
    valid: !hasFundErrors(issues),
    issues,
  };
}

/** Input of {@link fundsImport}. */
export const fundsImportInputSchema = z.object({
  /** YAML `funds: {SYM: {name, category, exposures: {TYPE: weight}, total_notional}}`. */
  weightStyle: textSourceSchema,
  /** Path of the canonical fund file to write (never the input file). */
  out: z.string().min(1),
});

/** What callers pass to {@link fundsImport}. */
export type FundsImportInput = z.input<typeof fundsImportInputSchema>;

/** The `funds import` document. */
export interface FundsImportDocument {
  /** The file written. */
  readonly out: string;
  /** Number of fund definitions written. */
  readonly funds: number;
  /** Validation warnings of the converted definitions (code `FUND_DEFINITION`). */
  readonly warnings: readonly Warning[];
}

/**
 * Converts a weight-style fund file to canonical definitions and writes them to `out`. Throws
 * INVALID_INPUT naming `out` when it is the input file, NOT_FOUND / INVALID_INPUT naming `out`
 * when it cannot be written (a missing directory, no permission — checked before converting),
 * and INVALID_INPUT naming the input when the converted definitions do not validate (every
 * issue in `details.issues`).
 */
export async function fundsImport(raw: FundsImportInput): Promise<FundsImportDocument> {
  const input = parseInput(fundsImportInputSchema, raw);
  const source = input.weightStyle;
  if ('path' in source && resolve(source.path) === resolve(input.out))
    throw invalidInput(
      'out',
      input.out,
      'is the input file (weightStyle): it would be overwritten',
    );
  checkOutputPath(input.out, 'out');
  const registry = await loadExposureRegistry();
  const name = sourceName(source);
  const universe: FundUniverse = convertWeightStyleUniverse({
    universe:
      'path' in source
        ? await loadWeightStyleFunds(source.path)
        : parseWeightStyleFunds(source.text, source.name),
    registry,
    sourceName: weightStyleSourceName(name),
  });
  const issues = await validatedFunds(universe, name, 'weightStyle');
  await writeFundUniverse(input.out, universe);
  return {
    out: input.out,
    funds: Object.keys(universe.funds).length,
    warnings: fundWarnings(issues),
  };
}

/** Input of {@link fundsList}. */
export const fundsListInputSchema = z.object({
  /** Fund definitions YAML, or `{ stored: NAME }`; default the shipped config/funds.yaml. */
  funds: fundsSourceSchema.optional(),
});

/** What callers pass to {@link fundsList}. */
export type FundsListInput = z.input<typeof fundsListInputSchema>;

/** The fund definitions as read (the `funds list` document); `deps` only for a stored set. */
export async function fundsList(raw: FundsListInput, deps?: DefinitionDeps): Promise<FundUniverse> {
  const input = parseInput(fundsListInputSchema, raw);
  return loadFunds(input.funds, deps);
}
