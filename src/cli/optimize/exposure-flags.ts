/**
 * Economic exposure constraints from `--funds`, `--exposure-bounds`, `--category-bounds` and
 * `--max-gross-exposure`: the loadings E (n × K) of the returns columns and the limits on
 * x = Eᵀw (docs/conventions.md: a fund's economic exposure per $1 of NAV; a 3× fund has 3.0 on its
 * index).
 *
 * Column mapping: a column that is a fund symbol of the fund file gets the fund's exposures as
 * its row of E; a column that is an exposure id of config/exposures.yaml (case-insensitive: the
 * returns reader upper-cases column names) gets 1 on that exposure; any
 * other column is an INVALID_INPUT naming it (no silent zero row). The K exposures are those
 * the columns load on, in exposures.yaml order (ids outside the config last, in first-seen
 * order). A category is the set of those exposures whose config category is the given id.
 * A bound on an exposure or category that no column loads on is an INVALID_INPUT (it would be
 * vacuous or infeasible).
 */

import { loadExposureConfig } from '../../data/config/load-exposure-config.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import type { ExposureConstraints, Limits } from '../../domain/optimize/constraints.ts';
import { numberOption } from '../estimate/methods.ts';
import { flagError, parseKeyedRanges } from './flag-lists.ts';

/** The exposure flags (commander option names in camelCase). */
export interface ExposureFlags {
  readonly funds?: string | undefined;
  readonly exposureBounds?: string | undefined;
  readonly categoryBounds?: string | undefined;
  readonly maxGrossExposure?: string | undefined;
}

/** Loadings of the returns columns on the exposures (for constraints and reporting x = Eᵀw). */
export interface ExposureMap {
  readonly names: readonly string[];
  /** E, n × K row-major. */
  readonly loadings: { readonly rows: number; readonly cols: number; readonly data: Float64Array };
}

/** True when any exposure flag is given (fund definitions are then used). */
export function usesFunds(flags: ExposureFlags): boolean {
  return (
    flags.funds !== undefined ||
    flags.exposureBounds !== undefined ||
    flags.categoryBounds !== undefined ||
    flags.maxGrossExposure !== undefined
  );
}

/** Builds E for `assets` (module comment). */
export async function exposureMap(
  assets: readonly string[],
  flags: ExposureFlags,
): Promise<ExposureMap & { readonly categoryOf: ReadonlyMap<string, string> }> {
  const [universe, config] = await Promise.all([
    flags.funds === undefined ? loadFundUniverse() : loadFundUniverse(flags.funds),
    loadExposureConfig(),
  ]);
  const known = new Set(config.exposures.map((e) => e.id));
  const rows = assets.map((asset): Readonly<Record<string, number>> => {
    const fund = universe.funds[asset] ?? universe.funds[asset.toUpperCase()];
    if (fund !== undefined) return fund.exposures;
    const id = asset.toLowerCase();
    if (known.has(id)) return { [id]: 1 };
    throw flagError(
      'returns',
      asset,
      `column "${asset}" is neither a fund of ${flags.funds ?? 'config/funds.yaml'} nor an exposure id of config/exposures.yaml`,
    );
  });
  const used = new Set(rows.flatMap((r) => Object.keys(r).filter((k) => r[k] !== 0)));
  const names = [
    ...config.exposures.map((e) => e.id).filter((id) => used.has(id)),
    ...[...used].filter((id) => !known.has(id)),
  ];
  const k = names.length;
  const data = new Float64Array(assets.length * k);
  rows.forEach((r, i) => names.forEach((name, j) => (data[i * k + j] = r[name] ?? 0)));
  return {
    names,
    loadings: { rows: assets.length, cols: k, data },
    categoryOf: new Map(config.exposures.map((e) => [e.id, e.category])),
  };
}

/** x = Eᵀw by exposure name. */
export function exposuresOf(map: ExposureMap, weights: ArrayLike<number>): Record<string, number> {
  const { cols: k, data } = map.loadings;
  return Object.fromEntries(
    map.names.map((name, j) => {
      let x = 0;
      for (let i = 0; i < weights.length; i++) x += data[i * k + j]! * weights[i]!;
      return [name, x];
    }),
  );
}

/**
 * The {@link ExposureConstraints} of the flags on `map` (undefined when only `--funds` is
 * given: exposures are then reported, not constrained).
 */
export function exposureConstraints(
  map: ExposureMap & { readonly categoryOf: ReadonlyMap<string, string> },
  flags: ExposureFlags,
): ExposureConstraints | undefined {
  const limits: Record<string, Limits> = {};
  if (flags.exposureBounds !== undefined) {
    for (const [id, range] of parseKeyedRanges('exposure-bounds', flags.exposureBounds)) {
      if (!map.names.includes(id))
        throw flagError(
          'exposure-bounds',
          id,
          `no column of --returns has exposure to "${id}" (exposures: ${map.names.join(', ')})`,
        );
      limits[id] = range;
    }
  }
  const categories =
    flags.categoryBounds === undefined
      ? []
      : [...parseKeyedRanges('category-bounds', flags.categoryBounds)].map(([name, range]) => {
          const exposures = map.names.filter((id) => map.categoryOf.get(id) === name);
          if (exposures.length === 0)
            throw flagError(
              'category-bounds',
              name,
              `no column of --returns has exposure in category "${name}" (categories: ${[...new Set(map.names.map((id) => map.categoryOf.get(id) ?? '?'))].join(', ')})`,
            );
          return { name, exposures, ...range };
        });
  const grossMax = numberOption('max-gross-exposure', flags.maxGrossExposure, (x) => x > 0);
  if (Object.keys(limits).length === 0 && categories.length === 0 && grossMax === undefined)
    return undefined;
  return {
    names: map.names,
    loadings: map.loadings,
    ...(Object.keys(limits).length === 0 ? {} : { limits }),
    ...(categories.length === 0 ? {} : { categories }),
    ...(grossMax === undefined ? {} : { grossMax }),
  };
}
