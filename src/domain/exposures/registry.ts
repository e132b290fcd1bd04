/**
 * The exposure registry: the ordered exposures and categories of a universe, name
 * resolution (ids, display names, aliases) and the fund-file vocabulary, checked once.
 */

import { BallastError, invalidInput } from '../errors.ts';
import { closeMatches, nameKey, type NamedCandidate } from './name-key.ts';
import type {
  Category,
  Exposure,
  ExposureConfig,
  UniverseSettings,
  Vocabulary,
  VocabularyEntry,
} from './types.ts';
import { checkVocabulary } from './vocabulary-check.ts';

/** A validated exposure universe with lookups. All lists keep config order. */
export interface ExposureRegistry {
  /** Exposures in config order: the order every report and vector uses. */
  readonly exposures: readonly Exposure[];
  /** Categories in config order. */
  readonly categories: readonly Category[];
  readonly settings: UniverseSettings;
  readonly vocabulary: Vocabulary;
  /** True when `id` is exactly an exposure id. */
  has(id: string): boolean;
  /** The exposure with exactly this id; throws NOT_FOUND (with close matches) otherwise. */
  get(id: string): Exposure;
  /**
   * The exposure an id, display name or alias denotes. Case-insensitive; spaces,
   * underscores and hyphens are equivalent (`"e us l"` = `E_US_L`). Throws NOT_FOUND naming
   * the input and listing close matches.
   */
  resolve(nameOrAlias: string): Exposure;
  /** Position of `id` in config order, or −1 when unknown. */
  indexOf(id: string): number;
  /** The category with this id; throws NOT_FOUND otherwise. */
  category(id: string): Category;
  /** The vocabulary entry for a coarse name (matched like {@link resolve}), if any. */
  vocabularyEntry(
    name: string,
  ): { readonly name: string; readonly entry: VocabularyEntry } | undefined;
}

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

function indexCategories(categories: readonly Category[]): Map<string, Category> {
  const byId = new Map<string, Category>();
  categories.forEach((category, i) => {
    if (byId.has(category.id)) {
      throw invalidInput(`categories[${i}].id`, category.id, 'duplicate category id');
    }
    byId.set(category.id, category);
  });
  return byId;
}

function indexExposures(config: ExposureConfig): Map<string, number> {
  if (config.exposures.length === 0) {
    throw invalidInput('exposures', [], 'the universe needs at least one exposure');
  }
  const categoryIds = new Set(config.categories.map((c) => c.id));
  const order = new Map<string, number>();
  config.exposures.forEach((exposure, i) => {
    if (!ID_PATTERN.test(exposure.id)) {
      throw invalidInput(`exposures[${i}].id`, exposure.id, 'ids are snake_case ([a-z][a-z0-9_]*)');
    }
    if (order.has(exposure.id)) {
      throw invalidInput(`exposures[${i}].id`, exposure.id, 'duplicate exposure id');
    }
    if (!categoryIds.has(exposure.category)) {
      throw invalidInput(`exposures[${i}].category`, exposure.category, 'unknown category id');
    }
    order.set(exposure.id, i);
  });
  return order;
}

/** Every matching key (id, name, aliases) → exposure id; a key naming two exposures is an error. */
function indexNames(exposures: readonly Exposure[]): Map<string, string> {
  const byKey = new Map<string, string>();
  exposures.forEach((exposure, i) => {
    for (const name of [exposure.id, exposure.name, ...exposure.aliases]) {
      const key = nameKey(name);
      const owner = byKey.get(key);
      if (owner !== undefined && owner !== exposure.id) {
        throw invalidInput(`exposures[${i}].aliases`, name, `also names exposure ${owner}`);
      }
      byKey.set(key, exposure.id);
    }
  });
  return byKey;
}

function notFound(
  what: string,
  input: string,
  candidates: readonly NamedCandidate[],
): BallastError {
  const matches = closeMatches(input, candidates);
  const hint = matches.length > 0 ? `; close matches: ${matches.join(', ')}` : '';
  return new BallastError('NOT_FOUND', `${what} ${JSON.stringify(input)} not found${hint}`, {
    field: what,
    value: input,
    closeMatches: matches,
  });
}

/**
 * Builds a registry from a parsed universe config, checking what a schema cannot: unique
 * ids (snake_case), known categories, names/aliases that denote one exposure only, and a
 * vocabulary whose targets exist with weights summing to 1 (±1e-9). Throws INVALID_INPUT
 * naming the field and value on the first problem. The config is not mutated.
 */
export function createExposureRegistry(config: ExposureConfig): ExposureRegistry {
  const categoriesById = indexCategories(config.categories);
  const order = indexExposures(config);
  const names = indexNames(config.exposures);
  checkVocabulary(config.vocabulary, order);
  const vocabularyByKey = new Map(
    Object.keys(config.vocabulary).map((name) => [nameKey(name), name]),
  );
  const exposures = Object.freeze([...config.exposures]);
  const byId = new Map(exposures.map((exposure) => [exposure.id, exposure]));
  const nameCandidates: NamedCandidate[] = [...names.entries()].map(([key, value]) => ({
    key,
    value,
  }));
  const idCandidates: NamedCandidate[] = exposures.map((e) => ({
    key: nameKey(e.id),
    value: e.id,
  }));

  return {
    exposures,
    categories: Object.freeze([...config.categories]),
    settings: config.settings,
    vocabulary: config.vocabulary,
    has: (id) => byId.has(id),
    get(id) {
      const exposure = byId.get(id);
      if (exposure === undefined) throw notFound('exposure id', id, idCandidates);
      return exposure;
    },
    resolve(nameOrAlias) {
      const id = names.get(nameKey(nameOrAlias));
      const exposure = id === undefined ? undefined : byId.get(id);
      if (exposure === undefined) throw notFound('exposure', nameOrAlias, nameCandidates);
      return exposure;
    },
    indexOf: (id) => order.get(id) ?? -1,
    category(id) {
      const category = categoriesById.get(id);
      if (category === undefined) {
        throw notFound(
          'category',
          id,
          config.categories.map((c) => ({ key: c.id, value: c.id })),
        );
      }
      return category;
    },
    vocabularyEntry(name) {
      const canonical = vocabularyByKey.get(nameKey(name));
      const entry = canonical === undefined ? undefined : config.vocabulary[canonical];
      return canonical === undefined || entry === undefined
        ? undefined
        : { name: canonical, entry };
    },
  };
}
