/**
 * The full constraint set of `optimize` / `frontier` from the flags: the basic ones of
 * `constraintsFrom` (bounds, long-short, gross leverage, cash line) plus groups (`--group`,
 * `--groups`), economic exposures (`--funds`, `--exposure-bounds`, `--category-bounds`,
 * `--max-gross-exposure`, see `exposure-flags.ts`) and turnover against current weights
 * (`--current-weights` / `--current`, `--max-turnover` Σ|w − w0| ≤ T, `--cost-bps` N charging
 * N/10 000 per unit traded against the annual return, `--fixed-cost` F per traded asset in
 * weight units), the tracking-error limit (`--tracking-error-limit` against
 * `--benchmark-weights`, unlisted assets 0), and the cardinality limits
 * (`--max-assets`, `--min-position`). Current weights not listed are 0 (not held); a listed
 * asset that is not a returns column is an error.
 */

import type { CardinalityLimits } from '../../domain/optimize/model/cardinality.ts';
import type { GroupConstraint, PortfolioConstraints } from '../../domain/optimize/constraints.ts';
import { numberOption } from '../estimate/methods.ts';
import { readTextFile } from '../io.ts';
import {
  exposureConstraints,
  exposureMap,
  usesFunds,
  type ExposureFlags,
  type ExposureMap,
} from './exposure-flags.ts';
import {
  flagError,
  parseGroupFlag,
  parseGroupsCsv,
  parseWeightList,
  parseWeightsCsv,
} from './flag-lists.ts';
import { constraintsFrom, type ObjectiveOptions } from './objectives.ts';

/** Group and turnover flags (commander camelCase). */
export interface ConstraintFlags extends ExposureFlags {
  readonly group?: readonly string[] | undefined;
  readonly groups?: string | undefined;
  readonly currentWeights?: string | undefined;
  readonly current?: string | undefined;
  readonly maxTurnover?: string | undefined;
  readonly costBps?: string | undefined;
  readonly fixedCost?: string | undefined;
  readonly benchmarkWeights?: string | undefined;
  readonly trackingErrorLimit?: string | undefined;
}

/** Cardinality flags (`optimize` only). */
export interface CardinalityFlags {
  readonly maxAssets?: string | undefined;
  readonly minPosition?: string | undefined;
}

/** Which constraint flags beyond bounds/budget are given (as `--flag` names). */
export function extendedFlagsGiven(o: ConstraintFlags & CardinalityFlags): string[] {
  const given: [string, unknown][] = [
    ['--funds', o.funds],
    ['--exposure-bounds', o.exposureBounds],
    ['--category-bounds', o.categoryBounds],
    ['--max-gross-exposure', o.maxGrossExposure],
    ['--group', o.group],
    ['--groups', o.groups],
    ['--current-weights', o.currentWeights],
    ['--current', o.current],
    ['--max-turnover', o.maxTurnover],
    ['--cost-bps', o.costBps],
    ['--fixed-cost', o.fixedCost],
    ['--benchmark-weights', o.benchmarkWeights],
    ['--tracking-error-limit', o.trackingErrorLimit],
    ['--max-assets', o.maxAssets],
    ['--min-position', o.minPosition],
  ];
  return given.filter(([, v]) => v !== undefined).map(([name]) => name);
}

/** The collector of a repeatable flag for commander. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function groupsFrom(assets: readonly string[], o: ConstraintFlags): GroupConstraint[] {
  const groups = [
    ...(o.group ?? []).map(parseGroupFlag),
    ...(o.groups === undefined ? [] : parseGroupsCsv(readTextFile(o.groups, '--groups'))),
  ];
  const names = new Set<string>();
  for (const g of groups) {
    const flag = (o.group ?? []).some((t) => t.startsWith(`${g.name}=`)) ? 'group' : 'groups';
    if (names.has(g.name)) throw flagError(flag, g.name, 'the group name is given twice');
    names.add(g.name);
    for (const asset of Object.keys(g.coefficients))
      if (!assets.includes(asset))
        throw flagError(flag, asset, `group "${g.name}": "${asset}" is not a returns column`);
  }
  return groups;
}

function turnoverFrom(
  assets: readonly string[],
  o: ConstraintFlags,
): PortfolioConstraints['turnover'] {
  if (o.currentWeights !== undefined && o.current !== undefined)
    throw flagError('current', o.current, 'give --current-weights or --current, not both');
  const maxTurnover = numberOption('max-turnover', o.maxTurnover, (x) => x >= 0);
  const bps = numberOption('cost-bps', o.costBps, (x) => x >= 0);
  const fixed = numberOption('fixed-cost', o.fixedCost, (x) => x >= 0);
  const flag = o.current === undefined ? 'current-weights' : 'current';
  const current =
    o.current !== undefined
      ? parseWeightsCsv(readTextFile(o.current, '--current'))
      : o.currentWeights !== undefined
        ? parseWeightList('current-weights', o.currentWeights)
        : undefined;
  if (current === undefined) {
    if (maxTurnover !== undefined)
      throw flagError('max-turnover', o.maxTurnover!, 'needs --current-weights or --current');
    if (bps !== undefined)
      throw flagError('cost-bps', o.costBps!, 'needs --current-weights or --current');
    if (fixed !== undefined)
      throw flagError('fixed-cost', o.fixedCost!, 'needs --current-weights or --current');
    return undefined;
  }
  for (const asset of current.keys())
    if (!assets.includes(asset)) throw flagError(flag, asset, 'not a returns column');
  return {
    currentWeights: assets.map((a) => current.get(a) ?? 0),
    ...(maxTurnover === undefined ? {} : { maxTurnover }),
    ...(bps === undefined ? {} : { costRate: bps / 10_000 }),
    ...(fixed === undefined ? {} : { fixedCost: fixed }),
  };
}

/** `--tracking-error-limit` with `--benchmark-weights` (each needs the other). */
function trackingErrorFrom(
  assets: readonly string[],
  o: ConstraintFlags,
): PortfolioConstraints['trackingError'] {
  const limit = numberOption('tracking-error-limit', o.trackingErrorLimit, (x) => x >= 0);
  if (limit === undefined && o.benchmarkWeights === undefined) return undefined;
  if (limit === undefined)
    throw flagError('benchmark-weights', o.benchmarkWeights!, 'needs --tracking-error-limit');
  if (o.benchmarkWeights === undefined)
    throw flagError('tracking-error-limit', o.trackingErrorLimit!, 'needs --benchmark-weights');
  const benchmark = parseWeightList('benchmark-weights', o.benchmarkWeights);
  for (const asset of benchmark.keys())
    if (!assets.includes(asset))
      throw flagError('benchmark-weights', asset, 'not a returns column');
  return { benchmarkWeights: assets.map((a) => benchmark.get(a) ?? 0), maxAnnual: limit };
}

/** The constraints of the flags and, when fund definitions are used, the exposure map. */
export async function portfolioConstraints(
  assets: readonly string[],
  o: ObjectiveOptions & ConstraintFlags,
): Promise<{ constraints: PortfolioConstraints; exposures?: ExposureMap }> {
  const groups = groupsFrom(assets, o);
  const turnover = turnoverFrom(assets, o);
  const trackingError = trackingErrorFrom(assets, o);
  const map = usesFunds(o) ? await exposureMap(assets, o) : undefined;
  const exposures = map === undefined ? undefined : exposureConstraints(map, o);
  return {
    constraints: {
      ...constraintsFrom(o),
      ...(groups.length === 0 ? {} : { groups }),
      ...(exposures === undefined ? {} : { exposures }),
      ...(turnover === undefined ? {} : { turnover }),
      ...(trackingError === undefined ? {} : { trackingError }),
    },
    ...(map === undefined ? {} : { exposures: { names: map.names, loadings: map.loadings } }),
  };
}

/** `--max-assets` (integer ≥ 1) and `--min-position` (0 < m ≤ 1); undefined when neither. */
export function cardinalityFrom(o: CardinalityFlags): CardinalityLimits | undefined {
  const maxAssets = numberOption('max-assets', o.maxAssets, (x) => Number.isInteger(x) && x >= 1);
  const minPosition = numberOption('min-position', o.minPosition, (x) => x > 0 && x <= 1);
  if (maxAssets === undefined && minPosition === undefined) return undefined;
  return {
    ...(maxAssets === undefined ? {} : { maxAssets }),
    ...(minPosition === undefined ? {} : { minPositionWeight: minPosition }),
  };
}
