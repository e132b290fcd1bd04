/** Consistency checks of a fund-file vocabulary against the exposure ids of a universe. */

import { invalidInput } from '../errors.ts';
import { nameKey } from './name-key.ts';
import type { Vocabulary } from './types.ts';

/** Absolute tolerance on the sum of a vocabulary entry's weights (which must be 1). */
export const VOCABULARY_WEIGHT_TOLERANCE = 1e-9;

/**
 * Throws INVALID_INPUT (naming `vocabulary.<NAME>…`) unless every entry maps onto known
 * exposure ids with finite positive weights summing to 1 (±{@link VOCABULARY_WEIGHT_TOLERANCE}),
 * and no two names share a matching key.
 *
 * @param exposureIds - the universe's exposure ids (any lookup with `has`).
 */
export function checkVocabulary(
  vocabulary: Vocabulary,
  exposureIds: { has(id: string): boolean },
): void {
  const seen = new Map<string, string>();
  for (const [name, entry] of Object.entries(vocabulary)) {
    const key = nameKey(name);
    const other = seen.get(key);
    if (other !== undefined) {
      throw invalidInput(`vocabulary.${name}`, name, `same name as vocabulary.${other}`);
    }
    seen.set(key, name);
    const weights = Object.entries(entry.weights);
    if (weights.length === 0) {
      throw invalidInput(`vocabulary.${name}.weights`, entry.weights, 'maps onto no exposure');
    }
    let sum = 0;
    for (const [id, weight] of weights) {
      if (!exposureIds.has(id)) {
        throw invalidInput(`vocabulary.${name}.weights.${id}`, id, 'unknown exposure id');
      }
      if (!Number.isFinite(weight) || weight <= 0) {
        throw invalidInput(
          `vocabulary.${name}.weights.${id}`,
          weight,
          'weights are finite and > 0',
        );
      }
      sum += weight;
    }
    if (Math.abs(sum - 1) > VOCABULARY_WEIGHT_TOLERANCE) {
      throw invalidInput(
        `vocabulary.${name}.weights`,
        entry.weights,
        `weights sum to ${sum}, not 1`,
      );
    }
  }
}
