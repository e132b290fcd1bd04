/**
 * Use case `funds save`: a user's own fund file stored under a name, for analyses to use as
 * `funds: { stored: NAME }` (`--funds-stored NAME`). The file is checked first exactly as
 * `funds validate` checks it — the canonical fund schema of `config/funds.yaml`, then the
 * exposure universe — and stored only when it has no error: a bad file stores nothing and the
 * INVALID_INPUT names the field (`funds.X.exposures.y`). Saving a taken name replaces that set
 * (keeping its creation time). The text is stored as given, comments included.
 *
 * @example
 * ```ts
 * const doc = await fundsSave({ name: 'mine', funds: { path: 'my-funds.yaml' } }, deps);
 * doc.funds; // the number of fund definitions stored
 * ```
 */

import { basename } from 'node:path';
import * as z from 'zod';
import type { Warning } from '../domain/warnings.ts';
import { parseFundUniverse } from '../data/config/load-fund-universe.ts';
import type { AppDeps } from './deps.ts';
import { fundWarnings, validatedFunds } from './fund-validation.ts';
import { definitionNameSchema } from './funds-source-schema.ts';
import { parseInput } from './input.ts';
import { readSource, textSourceSchema } from './sources.ts';

/** Input of {@link fundsSave}. */
export const fundsSaveInputSchema = z.object({
  /** The name to store it under (1 to 64 letters, digits, `.`, `_`, `-`). */
  name: definitionNameSchema,
  /** The fund file, canonical layout (YAML or JSON). */
  funds: textSourceSchema,
});

/** What callers pass to {@link fundsSave}. */
export type FundsSaveInput = z.input<typeof fundsSaveInputSchema>;

/** One stored set of fund definitions, without its text. */
export interface StoredFundsSummary {
  readonly name: string;
  /** The file it was read from (a path's file name, or the given name). */
  readonly source: string;
  /** Number of fund definitions (null when the stored text no longer reads). */
  readonly funds: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The `funds save` document. */
export interface FundsSaveDocument extends StoredFundsSummary {
  /** False when an existing set of that name was replaced. */
  readonly created: boolean;
  /** Validation warnings (code `FUND_DEFINITION`); errors are refused. */
  readonly warnings: readonly Warning[];
}

/** Validates and stores a fund file (see the module comment). */
export async function fundsSave(
  raw: FundsSaveInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<FundsSaveDocument> {
  const input = parseInput(fundsSaveInputSchema, raw);
  const { text, name: file } = readSource(input.funds, 'funds');
  const universe = parseFundUniverse(text, file);
  const issues = await validatedFunds(universe, file);
  const source = ('path' in input.funds ? basename(file) : file).slice(0, 200);
  const store = await deps.store();
  const { stored, created } = await store.fundDefinitions.put({ name: input.name, text, source });
  return {
    name: stored.name,
    source: stored.source,
    funds: Object.keys(universe.funds).length,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    created,
    warnings: fundWarnings(issues),
  };
}
