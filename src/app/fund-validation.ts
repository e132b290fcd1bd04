/**
 * Fund definitions checked against the exposure universe (config/exposures.yaml), written once
 * for every use case that accepts definitions only when they validate (`funds import`, `funds
 * save`); `funds validate` reports the same issues as data.
 */

import { BallastError } from '../domain/errors.ts';
import type { FundUniverse } from '../domain/exposures/fund-types.ts';
import {
  hasFundErrors,
  validateFundUniverse,
  type FundIssue,
} from '../domain/exposures/validate-funds.ts';
import { warning, type Warning } from '../domain/warnings.ts';
import { loadExposureRegistry } from '../data/config/load-exposure-config.ts';

/** Issues as indented lines (`  error: funds.X.exposures.y: unknown exposure id y`). */
export function issuesText(issues: readonly FundIssue[]): string {
  return issues.map((i) => `  ${i.severity}: ${i.field}: ${i.message}`).join('\n');
}

/** Warnings (code `FUND_DEFINITION`) of issues that are not errors. */
export function fundWarnings(issues: readonly FundIssue[]): Warning[] {
  return issues.map((i) =>
    warning('FUND_DEFINITION', `${i.field}: ${i.message}`, { symbol: i.symbol, field: i.field }),
  );
}

/**
 * The issues of `universe` (read from `name`), all warnings; INVALID_INPUT when any is an error,
 * naming `field` (default: the first error's field, e.g. `funds.X.exposures.y`) with every issue
 * in `details.issues`.
 */
export async function validatedFunds(
  universe: FundUniverse,
  name: string,
  field?: string,
): Promise<FundIssue[]> {
  const issues = validateFundUniverse(universe, await loadExposureRegistry());
  if (!hasFundErrors(issues)) return issues;
  const errors = issues.filter((i) => i.severity === 'error');
  const named = field ?? errors[0]!.field;
  throw new BallastError(
    'INVALID_INPUT',
    `${name}: ${named}: the fund definitions do not validate against the exposure universe:\n${issuesText(errors)}`,
    { field: named, file: name, issues },
  );
}
