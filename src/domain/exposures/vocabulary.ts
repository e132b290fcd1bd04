/**
 * Conversion of weight-and-leverage fund files (replication weights on coarse names plus a
 * `total_notional` multiplier, the upstream layout) into canonical fund definitions on
 * universe exposure ids.
 *
 * Convention (docs/conventions.md): economic exposure per $1 of NAV to a coarse name =
 * weight × total_notional; the vocabulary then spreads it over universe ids. Example: RSSB
 * written as BONDS 0.5 / GLOBAL_EQUITY 0.5 × 1.9 → BONDS 0.95 → broad_ust 0.95, and
 * GLOBAL_EQUITY 0.95 → us_large_equity 0.589, intl_developed_large_equity 0.266,
 * emerging_equity 0.095. Weights that do not sum to 1 are kept, never renormalised.
 */

import { invalidInput } from '../errors.ts';
import type {
  FundDefinition,
  FundUniverse,
  WeightStyleFund,
  WeightStyleUniverse,
} from './fund-types.ts';
import type { ExposureRegistry } from './registry.ts';
import { normalizeSymbol } from './symbol.ts';

/** Tolerance when checking whether replication weights sum to 1. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * Maps economic exposures on coarse names onto universe ids through the registry's
 * vocabulary. Returns id → economic exposure per $1 in registry order, omitting exact zeros.
 * Throws INVALID_INPUT naming `field` and the coarse name when a name is not in the vocabulary.
 *
 * @param sourceExposures - coarse name → economic exposure per $1 (already × leverage).
 * @param field - field path used in error messages, e.g. `funds.RSSB.exposures`.
 */
export function mapThroughVocabulary(
  sourceExposures: Readonly<Record<string, number>>,
  registry: ExposureRegistry,
  field: string,
): Record<string, number> {
  const totals = new Map<string, number>();
  for (const [name, economic] of Object.entries(sourceExposures)) {
    const found = registry.vocabularyEntry(name);
    if (found === undefined) {
      const known = Object.keys(registry.vocabulary).join(', ');
      throw invalidInput(
        `${field}.${name}`,
        name,
        `not in the exposure vocabulary (known: ${known})`,
      );
    }
    for (const [id, share] of Object.entries(found.entry.weights)) {
      totals.set(id, (totals.get(id) ?? 0) + economic * share);
    }
  }
  const result: Record<string, number> = {};
  for (const exposure of registry.exposures) {
    const value = totals.get(exposure.id);
    if (value !== undefined && value !== 0) result[exposure.id] = value;
  }
  return result;
}

/** Options of {@link convertWeightStyleFund}. */
export interface ConvertWeightStyleFundInput {
  /** The fund's symbol (normalised: trimmed, upper-cased) — used in messages. */
  readonly symbol: string;
  readonly fund: WeightStyleFund;
  /** Universe whose vocabulary maps the coarse names. */
  readonly registry: ExposureRegistry;
  /** Source file name recorded in the provenance, e.g. `fund_universe_sample.yaml`. */
  readonly sourceName: string;
}

function describeNotes(input: ConvertWeightStyleFundInput, names: readonly string[]): string {
  const { fund, registry } = input;
  const parts: string[] = [];
  const weightSum = Object.values(fund.exposures).reduce((sum, w) => sum + w, 0);
  if (Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) {
    parts.push(
      `Replication weights sum to ${Number(weightSum.toPrecision(6))}, not 1: kept as given, not ` +
        'renormalised (the definition explains only that part of the fund).',
    );
  }
  if (fund.replicationNotes !== undefined) parts.push(`Source note: "${fund.replicationNotes}".`);
  for (const name of names) {
    const note = registry.vocabularyEntry(name)?.entry.note;
    if (note !== undefined) parts.push(`${name}: ${note}`);
  }
  return parts.join(' ');
}

/**
 * Converts one weight-style fund to a canonical {@link FundDefinition}: economic exposure per
 * $1 = weight × `totalNotional`, kept per coarse name in `sourceExposures` and mapped onto
 * universe ids in `exposures` (registry order). `validatedBy` is null; `provenance` names the
 * source file; `notes` record weight sums ≠ 1, the source note and the vocabulary notes.
 * Throws INVALID_INPUT naming the fund and field for an unknown coarse name, a non-finite
 * weight or a non-positive / non-finite `totalNotional`.
 */
export function convertWeightStyleFund(input: ConvertWeightStyleFundInput): FundDefinition {
  const { symbol, fund, registry, sourceName } = input;
  if (!Number.isFinite(fund.totalNotional) || fund.totalNotional <= 0) {
    throw invalidInput(
      `funds.${symbol}.total_notional`,
      fund.totalNotional,
      'must be finite and > 0',
    );
  }
  const sourceExposures: Record<string, number> = {};
  const names: string[] = [];
  for (const [name, weight] of Object.entries(fund.exposures)) {
    if (!Number.isFinite(weight)) {
      throw invalidInput(`funds.${symbol}.exposures.${name}`, weight, 'weights must be finite');
    }
    const canonical = registry.vocabularyEntry(name)?.name ?? name;
    sourceExposures[canonical] = (sourceExposures[canonical] ?? 0) + weight * fund.totalNotional;
    if (!names.includes(canonical)) names.push(canonical);
  }
  const exposures = mapThroughVocabulary(sourceExposures, registry, `funds.${symbol}.exposures`);
  const notes = describeNotes(input, names);
  return {
    name: fund.name,
    category: fund.category,
    exposures,
    sourceExposures,
    provenance:
      `converted from ${sourceName} (economic = weight × total_notional ${fund.totalNotional}, ` +
      'mapped through the exposure vocabulary)',
    validatedBy: null,
    ...(notes === '' ? {} : { notes }),
  };
}

/** Options of {@link convertWeightStyleUniverse}. */
export interface ConvertWeightStyleUniverseInput {
  readonly universe: WeightStyleUniverse;
  readonly registry: ExposureRegistry;
  /** Source file name recorded in each fund's provenance. */
  readonly sourceName: string;
}

/**
 * Converts every fund of a weight-style file (see {@link convertWeightStyleFund}), keyed by
 * normalised symbol in file order. Throws INVALID_INPUT when two symbols normalise alike.
 */
export function convertWeightStyleUniverse(input: ConvertWeightStyleUniverseInput): FundUniverse {
  const funds: Record<string, FundDefinition> = {};
  for (const [written, fund] of Object.entries(input.universe.funds)) {
    const symbol = normalizeSymbol(written);
    if (symbol === '' || Object.hasOwn(funds, symbol)) {
      throw invalidInput(`funds.${written}`, written, 'empty or duplicate symbol');
    }
    funds[symbol] = convertWeightStyleFund({
      symbol,
      fund,
      registry: input.registry,
      sourceName: input.sourceName,
    });
  }
  return { funds };
}
