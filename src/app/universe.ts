/**
 * Use case `universe`: the exposure universe of config/exposures.yaml — its categories and its
 * exposures, each with the implementations (ETFs, funds, composites, rate series, indices) in
 * the order they are preferred (docs/conventions.md, "Holdings, ledger and exposures").
 *
 * @example
 * ```ts
 * const doc = await universe({});
 * doc.exposures.map((e) => e.id); // ['us_large_equity', …]
 * ```
 */

import * as z from 'zod';
import type { Category, Exposure } from '../domain/exposures/types.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';
import { parseInput } from './input.ts';

export type { Category, Exposure, Implementation } from '../domain/exposures/types.ts';

/** Input of {@link universe}: nothing (the shipped registry). */
export const universeInputSchema = z.object({}).strict();

/** What callers pass to {@link universe}. */
export type UniverseInput = z.input<typeof universeInputSchema>;

/** The `universe` document (the CLI's `--format json`). */
export interface UniverseDocument {
  readonly categories: readonly Category[];
  readonly exposures: readonly Exposure[];
}

/** The exposure registry (see the module comment). */
export async function universe(raw: UniverseInput): Promise<UniverseDocument> {
  parseInput(universeInputSchema, raw);
  const registry = await loadExposureRegistry();
  return { categories: registry.categories, exposures: registry.exposures };
}
