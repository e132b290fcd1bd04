/**
 * Use cases `universe save`, `universe stored`, get and `universe delete`: named universes — a
 * list of symbols or exposure ids a user optimises over (upper-cased as every asset name is, in
 * the order given, each once), with an optional description. The smallest useful form of "my
 * universe": `ballast universe` is the shipped exposure universe (config/exposures.yaml), and
 * a stored one keeps a selection of assets (tickers, or exposure ids as the optimiser's
 * exposure map reads them) to fetch, estimate and optimise. No analysis reads one by name yet.
 * Saving a taken name replaces it.
 * Reading never creates a store: with none yet the list is empty and a name is NOT_FOUND.
 *
 * @example
 * ```ts
 * await universeSave({ name: 'core', symbols: ['SPY', 'AGG', 'GLD'] }, deps);
 * (await universeStoredGet({ name: 'core' }, deps)).symbols; // ['SPY', 'AGG', 'GLD']
 * ```
 */

import * as z from 'zod';
import type { StoredUniverse } from '../data/store/definition-store.ts';
import { definitionNotFound } from '../data/store/definition-rows.ts';
import type { AppDeps } from './deps.ts';
import { definitionNameSchema } from './funds-source-schema.ts';
import { definitionStore, type DefinitionDeps } from './funds-source.ts';
import { parseInput } from './input.ts';

export type { StoredUniverse } from '../data/store/definition-store.ts';

/** Input of {@link universeSave}. */
export const universeSaveInputSchema = z.object({
  /** The name to store it under (1 to 64 letters, digits, `.`, `_`, `-`). */
  name: definitionNameSchema,
  /** Symbols or exposure ids, 1 to 1000, each once (case-insensitive), no spaces or commas. */
  symbols: z.array(z.string().trim().min(1).max(40)).min(1).max(1000),
  /** A note, at most 500 characters. */
  description: z.string().trim().max(500).optional(),
});

/** What callers pass to {@link universeSave}. */
export type UniverseSaveInput = z.input<typeof universeSaveInputSchema>;

/** The `universe save` document: the stored universe, and whether its name was new. */
export type UniverseSaveDocument = StoredUniverse & { readonly created: boolean };

/** Input of {@link universeStoredGet} and {@link universeDelete}. */
export const universeNameInputSchema = z.object({ name: definitionNameSchema });

/** What callers pass to {@link universeStoredGet} and {@link universeDelete}. */
export type UniverseNameInput = z.input<typeof universeNameInputSchema>;

/** Stores a universe (see the module comment). */
export async function universeSave(
  raw: UniverseSaveInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<UniverseSaveDocument> {
  const input = parseInput(universeSaveInputSchema, raw);
  const store = await deps.store();
  const { stored, created } = await store.universes.put({
    name: input.name,
    symbols: input.symbols,
    ...(input.description === undefined ? {} : { description: input.description }),
  });
  return { ...stored, created };
}

/** Every stored universe, by name (the `universe stored` document). */
export async function universeStoredList(
  raw: Record<string, never>,
  deps: DefinitionDeps,
): Promise<StoredUniverse[]> {
  parseInput(z.object({}).strict(), raw);
  const store = await definitionStore(deps);
  return store === undefined ? [] : store.universes.list();
}

/** The stored universe `name`. @throws NOT_FOUND naming `name` */
export async function universeStoredGet(
  raw: UniverseNameInput,
  deps: DefinitionDeps,
): Promise<StoredUniverse> {
  const { name } = parseInput(universeNameInputSchema, raw);
  const store = await definitionStore(deps);
  if (store === undefined) throw definitionNotFound('universe', name);
  return store.universes.get(name);
}

/** Deletes the stored universe `name`. @returns what was deleted. @throws NOT_FOUND */
export async function universeDelete(
  raw: UniverseNameInput,
  deps: DefinitionDeps,
): Promise<StoredUniverse> {
  const { name } = parseInput(universeNameInputSchema, raw);
  const store = await definitionStore(deps);
  if (store === undefined) throw definitionNotFound('universe', name);
  return store.universes.delete(name);
}
