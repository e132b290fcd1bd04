/**
 * Where the fund definitions of an analysis come from: a fund file (`{ path }` or
 * `{ text, name }`, like every file input), a set stored with `funds save` (`{ stored: NAME }`,
 * read from the store), or — when absent — the shipped `config/funds.yaml`. Every use case
 * that looks through funds loads them here, so the three read the same and fail the same.
 *
 * @example
 * ```ts
 * const universe = await loadFunds({ stored: 'mine' }, deps, 'funds');
 * // NOT_FOUND naming `funds.stored` when no set "mine" is stored
 * ```
 */

import { BallastError, invalidInput } from '../domain/errors.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import type { ExposureRegistry } from '../domain/exposures/registry.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';
import { loadFundUniverse, parseFundUniverse } from '../data/config/load-fund-universe.ts';
import type { MarketStore } from '../data/store/market-store.ts';
import type { AppDeps } from './deps.ts';
import type { FundsSource } from './funds-source-schema.ts';

export {
  definitionNameSchema,
  fundsSourceSchema,
  type FundsSource,
} from './funds-source-schema.ts';

/** What reading stored definitions needs: the store (not created when there is none yet). */
export type DefinitionDeps = Pick<AppDeps, 'store' | 'existingStore'>;

/** The store for a read of stored definitions; undefined when no store exists yet. */
export async function definitionStore(deps: DefinitionDeps): Promise<MarketStore | undefined> {
  return deps.existingStore ? deps.existingStore() : deps.store();
}

/** How a source is cited in messages: its path, its name, or `stored funds NAME`. */
export function fundsSourceName(source: FundsSource | undefined): string {
  if (source === undefined) return 'config/funds.yaml';
  if ('path' in source) return source.path;
  if ('stored' in source) return `stored funds ${source.stored}`;
  return source.name;
}

/** The text of stored set `name`; NOT_FOUND naming `<field>.stored` when none is stored. */
async function storedFundsText(
  name: string,
  field: string,
  deps: DefinitionDeps | undefined,
): Promise<string> {
  if (deps === undefined)
    throw invalidInput(`${field}.stored`, name, 'stored fund definitions need the store');
  const store = await definitionStore(deps);
  const found = await store?.fundDefinitions.find(name);
  if (found === undefined)
    throw new BallastError(
      'NOT_FOUND',
      `${field}.stored: no stored fund definitions named ${JSON.stringify(name)} (see \`ballast funds stored\`)`,
      { field: `${field}.stored`, value: name },
    );
  return found.text;
}

/**
 * Fund definitions from `source` (module comment); `field` is the input field that gave it
 * (named by a NOT_FOUND), `deps` the store for a stored set.
 */
export async function loadFunds(
  source: FundsSource | undefined,
  deps?: DefinitionDeps,
  field = 'funds',
): Promise<FundUniverse> {
  if (source === undefined) return loadFundUniverse();
  if ('path' in source) return loadFundUniverse(source.path);
  if ('text' in source) return parseFundUniverse(source.text, source.name);
  const text = await storedFundsText(source.stored, field, deps);
  return parseFundUniverse(text, fundsSourceName(source));
}

/** The exposure registry (config/exposures.yaml) and the fund definitions, loaded together. */
export async function loadExposureConfig(
  funds: FundsSource | undefined,
  deps?: DefinitionDeps,
  field = 'funds',
): Promise<{ registry: ExposureRegistry; funds: FundUniverse }> {
  const [registry, universe] = await Promise.all([
    loadExposureRegistry(),
    loadFunds(funds, deps, field),
  ]);
  return { registry, funds: universe };
}
