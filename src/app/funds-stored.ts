/**
 * Use cases `funds stored` (the list), get (one set with its text: `GET
 * /api/v1/funds/stored/{name}`; `funds list --funds-stored NAME` prints its definitions) and
 * `funds delete`: the fund-definition sets stored with `funds save`. Reading never creates a store: with none yet the list is empty and
 * a name is NOT_FOUND. Deleting a set leaves analyses that name it failing NOT_FOUND.
 *
 * @example
 * ```ts
 * (await fundsStoredList({}, deps)).map((s) => s.name); // ['mine', …]
 * const set = await fundsStoredGet({ name: 'mine' }, deps); // with its text and definitions
 * ```
 */

import * as z from 'zod';
import type { FundDefinition } from '../domain/exposures/fund-types.ts';
import { parseFundUniverse } from '../data/config/load-fund-universe.ts';
import type { StoredFundDefinitions } from '../data/store/definition-store.ts';
import { definitionNotFound } from '../data/store/definition-rows.ts';
import type { StoredFundsSummary } from './funds-save.ts';
import { definitionNameSchema } from './funds-source-schema.ts';
import { definitionStore, fundsSourceName, type DefinitionDeps } from './funds-source.ts';
import { parseInput } from './input.ts';

/** Input of {@link fundsStoredList}: nothing. */
export const fundsStoredListInputSchema = z.object({}).strict();

/** Input of {@link fundsStoredGet} and {@link fundsDelete}. */
export const fundsStoredNameInputSchema = z.object({ name: definitionNameSchema });

/** What callers pass to {@link fundsStoredGet} and {@link fundsDelete}. */
export type FundsStoredNameInput = z.input<typeof fundsStoredNameInputSchema>;

/** One stored set in full: the text as given and the definitions it holds. */
export interface StoredFundsDocument extends StoredFundsSummary {
  readonly text: string;
  readonly definitions: Readonly<Record<string, FundDefinition>>;
}

function definitionsOf(stored: StoredFundDefinitions): Record<string, FundDefinition> | null {
  try {
    return parseFundUniverse(stored.text, fundsSourceName({ stored: stored.name })).funds;
  } catch {
    return null;
  }
}

function summary(stored: StoredFundDefinitions): StoredFundsSummary {
  const definitions = definitionsOf(stored);
  return {
    name: stored.name,
    source: stored.source,
    funds: definitions === null ? null : Object.keys(definitions).length,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

/** Every stored set, by name, without its text (the `funds stored` document). */
export async function fundsStoredList(
  raw: Record<string, never>,
  deps: DefinitionDeps,
): Promise<StoredFundsSummary[]> {
  parseInput(fundsStoredListInputSchema, raw);
  const store = await definitionStore(deps);
  return store === undefined ? [] : (await store.fundDefinitions.list()).map(summary);
}

/** The stored set `name` with its text and definitions. @throws NOT_FOUND naming `name` */
export async function fundsStoredGet(
  raw: FundsStoredNameInput,
  deps: DefinitionDeps,
): Promise<StoredFundsDocument> {
  const { name } = parseInput(fundsStoredNameInputSchema, raw);
  const store = await definitionStore(deps);
  if (store === undefined) throw definitionNotFound('fund definitions', name);
  const stored = await store.fundDefinitions.get(name);
  // A stored text was validated when saved: it reads (the schema of this version permitting).
  const definitions = parseFundUniverse(stored.text, fundsSourceName({ stored: name })).funds;
  return { ...summary(stored), text: stored.text, definitions };
}

/** Deletes the stored set `name`. @returns what was deleted. @throws NOT_FOUND naming `name` */
export async function fundsDelete(
  raw: FundsStoredNameInput,
  deps: DefinitionDeps,
): Promise<StoredFundsSummary> {
  const { name } = parseInput(fundsStoredNameInputSchema, raw);
  const store = await definitionStore(deps);
  if (store === undefined) throw definitionNotFound('fund definitions', name);
  return summary(await store.fundDefinitions.delete(name));
}
