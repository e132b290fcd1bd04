/**
 * The constraint flags of `optimize` / `frontier` as the app's constraints input: bounds
 * (`--min-weight`, `--max-weight`), `--long-short` with `--gross-leverage`, the cash line
 * (`--borrow-spread`), groups (`--group`, `--groups`), economic exposures (`--funds` or
 * `--funds-stored`, `--exposure-bounds`, `--category-bounds`, `--max-gross-exposure`), turnover against current
 * weights (`--current-weights` / `--current`, `--max-turnover`, `--cost-bps`, `--fixed-cost`),
 * the tracking-error limit (`--tracking-error-limit` with `--benchmark-weights`) and the
 * cardinality limits (`--max-assets`, `--min-position`). Flags that need another flag are
 * refused here, naming both; the app checks the names against the assets.
 */

import type { ConstraintsInput } from '../../app/optimize-input.ts';
import type { FlagNames } from '../flag-errors.ts';
import { fundsField } from '../commands/funds-flags.ts';
import { numberOption } from '../estimate/methods.ts';
import {
  flagError,
  parseGroupFlag,
  parseKeyedRanges,
  parseWeightList,
  type Limits,
} from './flag-lists.ts';

/** The constraint flags (commander camelCase). */
export interface ConstraintFlags {
  readonly minWeight?: string | undefined;
  readonly maxWeight?: string | undefined;
  readonly longShort?: boolean | undefined;
  readonly grossLeverage?: string | undefined;
  readonly borrowSpread?: string | undefined;
  readonly funds?: string | undefined;
  readonly fundsStored?: string | undefined;
  readonly exposureBounds?: string | undefined;
  readonly categoryBounds?: string | undefined;
  readonly maxGrossExposure?: string | undefined;
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
    ['--funds-stored', o.fundsStored],
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

const record = (ranges: Map<string, Limits>): Record<string, Limits> => Object.fromEntries(ranges);

function exposuresOf(o: ConstraintFlags): ConstraintsInput['exposures'] {
  const given =
    o.funds !== undefined ||
    o.fundsStored !== undefined ||
    o.exposureBounds !== undefined ||
    o.categoryBounds !== undefined ||
    o.maxGrossExposure !== undefined;
  if (!given) return undefined;
  const grossMax = numberOption('max-gross-exposure', o.maxGrossExposure, (x) => x > 0);
  return {
    ...fundsField(o),
    ...(o.exposureBounds === undefined
      ? {}
      : { limits: record(parseKeyedRanges('exposure-bounds', o.exposureBounds)) }),
    ...(o.categoryBounds === undefined
      ? {}
      : { categories: record(parseKeyedRanges('category-bounds', o.categoryBounds)) }),
    ...(grossMax === undefined ? {} : { grossMax }),
  };
}

function turnoverOf(o: ConstraintFlags): ConstraintsInput['turnover'] {
  if (o.currentWeights !== undefined && o.current !== undefined)
    throw flagError('current', o.current, 'give --current-weights or --current, not both');
  const maxTurnover = numberOption('max-turnover', o.maxTurnover, (x) => x >= 0);
  const costBps = numberOption('cost-bps', o.costBps, (x) => x >= 0);
  const fixedCost = numberOption('fixed-cost', o.fixedCost, (x) => x >= 0);
  if (o.currentWeights === undefined && o.current === undefined) {
    if (maxTurnover !== undefined)
      throw flagError('max-turnover', o.maxTurnover!, 'needs --current-weights or --current');
    if (costBps !== undefined)
      throw flagError('cost-bps', o.costBps!, 'needs --current-weights or --current');
    if (fixedCost !== undefined)
      throw flagError('fixed-cost', o.fixedCost!, 'needs --current-weights or --current');
    return undefined;
  }
  return {
    ...(o.current === undefined ? {} : { currentWeightsFile: { path: o.current } }),
    ...(o.currentWeights === undefined
      ? {}
      : { currentWeights: parseWeightList('current-weights', o.currentWeights) }),
    ...(maxTurnover === undefined ? {} : { maxTurnover }),
    ...(costBps === undefined ? {} : { costBps }),
    ...(fixedCost === undefined ? {} : { fixedCost }),
  };
}

function trackingErrorOf(o: ConstraintFlags): ConstraintsInput['trackingError'] {
  const limit = numberOption('tracking-error-limit', o.trackingErrorLimit, (x) => x >= 0);
  if (limit === undefined && o.benchmarkWeights === undefined) return undefined;
  if (limit === undefined)
    throw flagError('benchmark-weights', o.benchmarkWeights!, 'needs --tracking-error-limit');
  if (o.benchmarkWeights === undefined)
    throw flagError('tracking-error-limit', o.trackingErrorLimit!, 'needs --benchmark-weights');
  return {
    benchmarkWeights: parseWeightList('benchmark-weights', o.benchmarkWeights),
    maxAnnual: limit,
  };
}

/** The constraints input of the flags (module comment). */
export function constraintsInput(o: ConstraintFlags): ConstraintsInput {
  const minWeight = numberOption('min-weight', o.minWeight);
  const maxWeight = numberOption('max-weight', o.maxWeight);
  const gross = numberOption('gross-leverage', o.grossLeverage, (x) => x > 0);
  const spread = numberOption('borrow-spread', o.borrowSpread, (x) => x >= 0);
  const groups = (o.group ?? []).map(parseGroupFlag);
  const exposures = exposuresOf(o);
  const turnover = turnoverOf(o);
  const trackingError = trackingErrorOf(o);
  return {
    ...(minWeight === undefined ? {} : { minWeight }),
    ...(maxWeight === undefined ? {} : { maxWeight }),
    ...(o.longShort ? { longShort: true } : {}),
    ...(gross === undefined ? {} : { grossLeverage: gross }),
    ...(spread === undefined ? {} : { borrowSpreadAnnual: spread }),
    ...(groups.length === 0 ? {} : { groups }),
    ...(o.groups === undefined ? {} : { groupsFile: { path: o.groups } }),
    ...(exposures === undefined ? {} : { exposures }),
    ...(turnover === undefined ? {} : { turnover }),
    ...(trackingError === undefined ? {} : { trackingError }),
  };
}

/** `--max-assets` (integer ≥ 1) and `--min-position` (0 < m ≤ 1); undefined when neither. */
export function cardinalityInput(
  o: CardinalityFlags,
): { maxAssets?: number; minPositionWeight?: number } | undefined {
  const maxAssets = numberOption('max-assets', o.maxAssets, (x) => Number.isInteger(x) && x >= 1);
  const minPosition = numberOption('min-position', o.minPosition, (x) => x > 0 && x <= 1);
  if (maxAssets === undefined && minPosition === undefined) return undefined;
  return {
    ...(maxAssets === undefined ? {} : { maxAssets }),
    ...(minPosition === undefined ? {} : { minPositionWeight: minPosition }),
  };
}

/** Constraint fields → flags, for {@link withFlagNames}. */
export const CONSTRAINT_FLAGS: FlagNames = {
  'constraints.minWeight': '--min-weight',
  'constraints.maxWeight': '--max-weight',
  'constraints.longShort': '--long-short',
  'constraints.grossLeverage': '--gross-leverage',
  'constraints.borrowSpreadAnnual': '--borrow-spread',
  'constraints.groups': '--group',
  'constraints.groupsFile': '--groups',
  'constraints.exposures.funds': '--funds',
  'constraints.exposures.funds.stored': '--funds-stored',
  'constraints.exposures.limits': '--exposure-bounds',
  'constraints.exposures.categories': '--category-bounds',
  'constraints.exposures.grossMax': '--max-gross-exposure',
  'constraints.turnover.currentWeights': '--current-weights',
  'constraints.turnover.currentWeightsFile': '--current',
  'constraints.turnover.maxTurnover': '--max-turnover',
  'constraints.turnover.costBps': '--cost-bps',
  'constraints.turnover.fixedCost': '--fixed-cost',
  'constraints.trackingError.benchmarkWeights': '--benchmark-weights',
  'constraints.trackingError.maxAnnual': '--tracking-error-limit',
  'cardinality.maxAssets': '--max-assets',
  'cardinality.minPositionWeight': '--min-position',
};
