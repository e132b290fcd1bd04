/**
 * The domain's {@link PortfolioConstraints} from a constraints input keyed by asset name
 * (`optimize-input.ts`): bounds, long-short with a gross cap, the cash line, groups (objects
 * and a groups file), economic exposures through the fund definitions, turnover with costs
 * from current weights, and the tracking-error limit. Asset names are matched to the assets
 * exactly, then case-insensitively; an unknown name is INVALID_INPUT naming the field and the
 * name. Weights not listed are 0 (not held / not in the benchmark).
 */

import { invalidInput } from '../domain/errors.ts';
import type { GroupConstraint, PortfolioConstraints } from '../domain/optimize/constraints.ts';
import { parseGroupsCsv, parseWeightsCsv } from '../data/constraints/constraint-csv.ts';
import { indexOfName } from './optimization-data.ts';
import type { ConstraintsSpec } from './optimize-input.ts';
import type { DefinitionDeps } from './funds-source.ts';
import type { ExposureMap } from './optimize-exposures.ts';
import { readSource } from './sources.ts';

/** Built constraints, with the exposure map when fund definitions were used. */
export interface BuiltConstraints {
  readonly constraints: PortfolioConstraints;
  readonly exposures?: ExposureMap;
}

function assetOf(assets: readonly string[], field: string, name: string): string {
  const i = indexOfName(assets, name);
  if (i < 0) throw invalidInput(`${field}.${name}`, name, 'not a returns column');
  return assets[i]!;
}

function vectorOf(
  assets: readonly string[],
  field: string,
  weights: Readonly<Record<string, number>>,
): number[] {
  const out = new Array<number>(assets.length).fill(0);
  for (const [name, w] of Object.entries(weights))
    out[assets.indexOf(assetOf(assets, field, name))] = w;
  return out;
}

function groupsOf(assets: readonly string[], spec: ConstraintsSpec): GroupConstraint[] {
  const given = [
    ...spec.groups.map((g) => ({ group: g, field: 'constraints.groups' })),
    ...(spec.groupsFile === undefined
      ? []
      : (() => {
          const { text, name } = readSource(spec.groupsFile, 'constraints.groupsFile');
          return parseGroupsCsv(text, name).map((g) => ({
            group: g,
            field: 'constraints.groupsFile',
          }));
        })()),
  ];
  const names = new Set<string>();
  return given.map(({ group: g, field }) => {
    if (names.has(g.name)) throw invalidInput(field, g.name, 'the group name is given twice');
    names.add(g.name);
    if (g.min !== undefined && g.max !== undefined && g.min > g.max)
      throw invalidInput(field, g.name, `group "${g.name}": the minimum exceeds the maximum`);
    const coefficients: Record<string, number> = {};
    for (const member of g.assets) {
      const i = indexOfName(assets, member);
      if (i < 0)
        throw invalidInput(field, member, `group "${g.name}": "${member}" is not a returns column`);
      if (coefficients[assets[i]!] !== undefined)
        throw invalidInput(field, member, `group "${g.name}": "${member}" is listed twice`);
      coefficients[assets[i]!] = 1;
    }
    return {
      name: g.name,
      coefficients,
      ...(g.min === undefined ? {} : { min: g.min }),
      ...(g.max === undefined ? {} : { max: g.max }),
    };
  });
}

function turnoverOf(
  assets: readonly string[],
  spec: ConstraintsSpec,
): PortfolioConstraints['turnover'] {
  const t = spec.turnover;
  if (t === undefined) return undefined;
  const field = 'constraints.turnover';
  if (t.currentWeights !== undefined && t.currentWeightsFile !== undefined)
    throw invalidInput(
      `${field}.currentWeightsFile`,
      'both',
      'give current weights or a current-weights file, not both',
    );
  let current: number[];
  if (t.currentWeightsFile !== undefined) {
    const { text, name } = readSource(t.currentWeightsFile, `${field}.currentWeightsFile`);
    current = vectorOf(assets, `${field}.currentWeightsFile`, parseWeightsCsv(text, name));
  } else if (t.currentWeights !== undefined) {
    current = vectorOf(assets, `${field}.currentWeights`, t.currentWeights);
  } else
    throw invalidInput(
      `${field}.currentWeights`,
      undefined,
      'turnover and costs are measured from current weights: give them',
    );
  return {
    currentWeights: current,
    ...(t.maxTurnover === undefined ? {} : { maxTurnover: t.maxTurnover }),
    ...(t.costBps === undefined ? {} : { costRate: t.costBps / 10_000 }),
    ...(t.fixedCost === undefined ? {} : { fixedCost: t.fixedCost }),
  };
}

function basicOf(spec: ConstraintsSpec): PortfolioConstraints {
  if (spec.grossLeverage !== undefined && !spec.longShort)
    throw invalidInput(
      'constraints.grossLeverage',
      spec.grossLeverage,
      'applies only when shorts are allowed (longShort)',
    );
  if (spec.maxBorrow !== undefined && spec.borrowSpreadAnnual === undefined)
    throw invalidInput(
      'constraints.maxBorrow',
      spec.maxBorrow,
      'needs a cash line (borrowSpreadAnnual)',
    );
  return {
    ...(spec.minWeight === undefined ? {} : { minWeight: spec.minWeight }),
    ...(spec.maxWeight === undefined ? {} : { maxWeight: spec.maxWeight }),
    ...(spec.longShort
      ? { longShort: spec.grossLeverage === undefined ? {} : { grossMax: spec.grossLeverage } }
      : {}),
    ...(spec.borrowSpreadAnnual === undefined
      ? {}
      : {
          budget: {
            kind: 'cashLine' as const,
            borrowSpreadAnnual: spec.borrowSpreadAnnual,
            ...(spec.maxBorrow === undefined ? {} : { maxBorrow: spec.maxBorrow }),
          },
        }),
  };
}

/** The constraints of `spec` over `assets` (module comment); `deps` for stored fund definitions. */
export async function buildConstraints(
  assets: readonly string[],
  spec: ConstraintsSpec,
  deps?: DefinitionDeps,
): Promise<BuiltConstraints> {
  const basic = basicOf(spec);
  const groups = groupsOf(assets, spec);
  const turnover = turnoverOf(assets, spec);
  const te = spec.trackingError;
  const trackingError =
    te === undefined
      ? undefined
      : {
          benchmarkWeights: vectorOf(
            assets,
            'constraints.trackingError.benchmarkWeights',
            te.benchmarkWeights,
          ),
          maxAnnual: te.maxAnnual,
        };
  // Fund definitions (YAML) are read only when exposures are used.
  const funds = spec.exposures === undefined ? undefined : await import('./optimize-exposures.ts');
  const map =
    funds === undefined || spec.exposures === undefined
      ? undefined
      : await funds.exposureMap(assets, spec.exposures, deps);
  const exposures =
    map === undefined || spec.exposures === undefined
      ? undefined
      : funds!.exposureConstraints(map, spec.exposures);
  return {
    constraints: {
      ...basic,
      ...(groups.length === 0 ? {} : { groups }),
      ...(exposures === undefined ? {} : { exposures }),
      ...(turnover === undefined ? {} : { turnover }),
      ...(trackingError === undefined ? {} : { trackingError }),
    },
    ...(map === undefined ? {} : { exposures: { names: map.names, loadings: map.loadings } }),
  };
}
