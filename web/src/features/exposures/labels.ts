/**
 * Display names of exposures and categories: an exposure by its name in the universe
 * (config/exposures.yaml through GET /api/v1/universe), a category by its id written as words
 * (`nominal_fixed_income` → "Nominal fixed income"; the universe gives categories no name).
 */
import type { UniverseDocument } from '../../api/documents.ts';

/** `equity_beta` → "Equity beta". */
export function categoryLabel(id: string): string {
  const words = id.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Names by exposure id and by category id (empty while the universe is not known). */
export function exposureLabels(universe: UniverseDocument | undefined): Record<string, string> {
  if (universe === undefined) return {};
  return Object.fromEntries([
    ...universe.categories.map((c) => [c.id, categoryLabel(c.id)] as const),
    ...universe.exposures.map((e) => [e.id, e.name] as const),
  ]);
}

/** The name of exposure `id` in `labels`, else the id. */
export function labelOf(labels: Readonly<Record<string, string>>, id: string): string {
  return labels[id] ?? id;
}
