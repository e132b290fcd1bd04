/**
 * Economic exposure constraints of an optimisation: the loadings E (n × K) of the assets on
 * the exposures and the limits on x = Eᵀw (docs/conventions.md, "Holdings, ledger and
 * exposures": a fund's economic exposure per $1 of NAV; a 3× fund has 3.0 on its index).
 *
 * Asset mapping: an asset that is a fund of the fund definitions gets the fund's exposures as
 * its row of E; an asset that is an exposure id of config/exposures.yaml (case-insensitive)
 * gets 1 on that exposure; any other asset is INVALID_INPUT naming it (no silent zero row).
 * The K exposures are those the assets load on, in exposures.yaml order (ids outside the
 * config last, in first-seen order). A category is the set of those exposures whose config
 * category is the given id. A limit on an exposure or category no asset loads on is
 * INVALID_INPUT (it would be vacuous or infeasible).
 */

import type { ExposureConstraints, Limits } from '../domain/optimize/constraints.ts';
import { invalidInput } from '../domain/errors.ts';
import { loadExposureConfig } from '../data/config/load-exposure-config.ts';
import { fundsSourceName, loadFunds, type DefinitionDeps } from './funds-source.ts';
import { definedLimits, type ConstraintsSpec } from './optimize-input.ts';

/** Loadings of the assets on the exposures (for constraints and reporting x = Eᵀw). */
export interface ExposureMap {
  readonly names: readonly string[];
  /** E, n × K row-major. */
  readonly loadings: { readonly rows: number; readonly cols: number; readonly data: Float64Array };
}

type ExposureSpec = NonNullable<ConstraintsSpec['exposures']>;
type CategorisedMap = ExposureMap & { readonly categoryOf: ReadonlyMap<string, string> };

const FIELD = 'constraints.exposures';

/** Builds E for `assets` (module comment); `deps` (the store) only for stored fund definitions. */
export async function exposureMap(
  assets: readonly string[],
  spec: ExposureSpec,
  deps?: DefinitionDeps,
): Promise<CategorisedMap> {
  const [universe, config] = await Promise.all([
    loadFunds(spec.funds, deps, `${FIELD}.funds`),
    loadExposureConfig(),
  ]);
  const known = new Set(config.exposures.map((e) => e.id));
  const fundsName = fundsSourceName(spec.funds);
  const rows = assets.map((asset): Readonly<Record<string, number>> => {
    const fund = universe.funds[asset] ?? universe.funds[asset.toUpperCase()];
    if (fund !== undefined) return fund.exposures;
    const id = asset.toLowerCase();
    if (known.has(id)) return { [id]: 1 };
    throw invalidInput(
      `${FIELD}.funds`,
      asset,
      `column "${asset}" is neither a fund of ${fundsName} nor an exposure id of config/exposures.yaml`,
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

function limitsOf(map: CategorisedMap, spec: ExposureSpec): Record<string, Limits> {
  const limits: Record<string, Limits> = {};
  for (const [id, range] of Object.entries(spec.limits ?? {})) {
    if (!map.names.includes(id))
      throw invalidInput(
        `${FIELD}.limits.${id}`,
        id,
        `no asset has exposure to "${id}" (exposures: ${map.names.join(', ')})`,
      );
    limits[id] = definedLimits(range);
  }
  return limits;
}

function categoriesOf(map: CategorisedMap, spec: ExposureSpec) {
  return Object.entries(spec.categories ?? {}).map(([name, range]) => {
    const exposures = map.names.filter((id) => map.categoryOf.get(id) === name);
    if (exposures.length === 0)
      throw invalidInput(
        `${FIELD}.categories.${name}`,
        name,
        `no asset has exposure in category "${name}" (categories: ${[...new Set(map.names.map((id) => map.categoryOf.get(id) ?? '?'))].join(', ')})`,
      );
    return { name, exposures, ...definedLimits(range) };
  });
}

/**
 * The {@link ExposureConstraints} of `spec` on `map`; undefined when no limit is given (the
 * exposures are then reported, not constrained).
 */
export function exposureConstraints(
  map: CategorisedMap,
  spec: ExposureSpec,
): ExposureConstraints | undefined {
  const limits = limitsOf(map, spec);
  const categories = categoriesOf(map, spec);
  const grossMax = spec.grossMax;
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
