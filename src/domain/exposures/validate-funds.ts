/**
 * Validation of a canonical fund universe against an exposure registry. Problems are
 * returned as data (errors make a definition unusable, warnings deserve a look) so a caller
 * can show all of them at once.
 */

import type { FundDefinition, FundUniverse } from './fund-types.ts';
import type { ExposureRegistry } from './registry.ts';
import { normalizeSymbol } from './symbol.ts';
import { mapThroughVocabulary } from './vocabulary.ts';

/** `error`: the definition cannot be used as is; `warning`: plausible but unusual. */
export type FundIssueSeverity = 'error' | 'warning';

/** One problem found in a fund universe. */
export interface FundIssue {
  readonly severity: FundIssueSeverity;
  /** The symbol as written in the universe. */
  readonly symbol: string;
  /** Field path, e.g. `funds.RSSB.exposures.us_large`. */
  readonly field: string;
  readonly message: string;
}

/** Thresholds of {@link validateFundUniverse}. */
export interface FundValidationOptions {
  /** Gross economic exposure per $1 (Σ|e_k|) above which a warning is raised. Default 5. */
  readonly maxGrossExposure?: number;
  /** Absolute tolerance when comparing `exposures` with mapped `sourceExposures`. Default 1e-9. */
  readonly tolerance?: number;
}

type Report = (severity: FundIssueSeverity, field: string, message: string) => void;

interface CheckContext {
  readonly registry: ExposureRegistry;
  readonly report: Report;
  readonly maxGross: number;
  readonly tolerance: number;
}

function checkExposures(definition: FundDefinition, context: CheckContext): void {
  const { registry, report, maxGross } = context;
  const entries = Object.entries(definition.exposures);
  if (entries.length === 0) report('error', 'exposures', 'no exposures: the fund explains nothing');
  let gross = 0;
  let net = 0;
  for (const [id, value] of entries) {
    if (!registry.has(id)) report('error', `exposures.${id}`, `unknown exposure id ${id}`);
    if (!Number.isFinite(value)) {
      report('error', `exposures.${id}`, `exposure must be a finite number (got ${value})`);
      continue;
    }
    if (value === 0) report('warning', `exposures.${id}`, 'zero exposure listed; remove it');
    gross += Math.abs(value);
    net += value;
  }
  if (gross > maxGross) {
    report('warning', 'exposures', `gross exposure ${gross} per $1 exceeds ${maxGross}`);
  }
  if (net < 0) report('warning', 'exposures', `net exposure ${net} per $1 is negative`);
}

function checkSourceExposures(definition: FundDefinition, context: CheckContext): void {
  const { registry, report, tolerance } = context;
  const source = definition.sourceExposures;
  if (source === undefined) return;
  for (const [name, value] of Object.entries(source)) {
    if (!Number.isFinite(value)) {
      report('error', `sourceExposures.${name}`, `exposure must be a finite number (got ${value})`);
      return;
    }
    if (registry.vocabularyEntry(name) === undefined) {
      report('warning', `sourceExposures.${name}`, `${name} is not in the exposure vocabulary`);
      return;
    }
  }
  const mapped = mapThroughVocabulary(source, registry, 'sourceExposures');
  const ids = new Set([...Object.keys(mapped), ...Object.keys(definition.exposures)]);
  for (const id of ids) {
    const expected = mapped[id] ?? 0;
    const actual = definition.exposures[id] ?? 0;
    if (Math.abs(expected - actual) > tolerance) {
      report(
        'warning',
        `exposures.${id}`,
        `${actual} differs from sourceExposures mapped through the vocabulary (${expected})`,
      );
    }
  }
}

/**
 * Checks every definition of `universe` and returns the issues in universe order.
 *
 * Errors: symbol not trimmed/upper-case (or empty), empty name or provenance, no exposures,
 * unknown exposure id, non-finite exposure or source exposure.
 * Warnings: zero exposure entry, gross exposure per $1 above `maxGrossExposure` (default 5),
 * negative net exposure, a source name missing from the vocabulary, and `exposures` differing
 * from `sourceExposures` mapped through the vocabulary by more than `tolerance`.
 */
export function validateFundUniverse(
  universe: FundUniverse,
  registry: ExposureRegistry,
  options: FundValidationOptions = {},
): FundIssue[] {
  const maxGross = options.maxGrossExposure ?? 5;
  const tolerance = options.tolerance ?? 1e-9;
  const issues: FundIssue[] = [];
  for (const [symbol, definition] of Object.entries(universe.funds)) {
    const report: Report = (severity, field, message) => {
      issues.push({ severity, symbol, field: `funds.${symbol}.${field}`, message });
    };
    if (symbol === '' || symbol !== normalizeSymbol(symbol)) {
      report('error', 'symbol', `symbol ${JSON.stringify(symbol)} must be trimmed and upper-case`);
    }
    if (definition.name.trim() === '') report('error', 'name', 'name is empty');
    if (definition.provenance.trim() === '') report('error', 'provenance', 'provenance is empty');
    const context: CheckContext = { registry, report, maxGross, tolerance };
    checkExposures(definition, context);
    checkSourceExposures(definition, context);
  }
  return issues;
}

/** True when any issue is an error. */
export function hasFundErrors(issues: readonly FundIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
