/**
 * Constraint flags an objective cannot honour are refused before any work, naming the flag and
 * the objectives that accept it — asked of the domain's capability table (through the app),
 * never a list kept here.
 */

import { BallastError } from '../../app/errors.ts';
import {
  FEATURE_FIELD,
  isObjectiveKind,
  OBJECTIVE_NAMES,
  objectivesAccepting,
  refusal,
  type ConstraintFeature,
} from '../../app/optimize.ts';
import {
  extendedFlagsGiven,
  type CardinalityFlags,
  type ConstraintFlags,
} from './constraint-flags.ts';

/** The constraint feature each flag sets (flags that only report, like `--funds`, set none). */
const FLAG_FEATURES: Readonly<Record<string, ConstraintFeature>> = {
  '--long-short': 'longShort',
  '--borrow-spread': 'cashLine',
  '--exposure-bounds': 'exposures',
  '--category-bounds': 'exposures',
  '--max-gross-exposure': 'exposures',
  '--group': 'groups',
  '--groups': 'groups',
  '--current-weights': 'turnover',
  '--current': 'turnover',
  '--max-turnover': 'turnover',
  '--cost-bps': 'turnover',
  '--fixed-cost': 'fixedCosts',
  '--benchmark-weights': 'trackingError',
  '--tracking-error-limit': 'trackingError',
  '--max-assets': 'cardinality',
  '--min-position': 'cardinality',
};

const kebab = (kind: string): string => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string): string =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Refuses a constraint flag `objective` cannot honour (module comment). */
export function checkSupported(
  objective: string,
  options: ConstraintFlags & CardinalityFlags,
): void {
  const kind = camel(objective);
  if (!isObjectiveKind(kind)) return;
  const given = [
    ...(options.longShort === true ? ['--long-short'] : []),
    ...(options.borrowSpread === undefined ? [] : ['--borrow-spread']),
    ...extendedFlagsGiven(options),
  ];
  for (const flag of given) {
    const feature = FLAG_FEATURES[flag];
    if (feature === undefined || refusal(kind, feature) === undefined) continue;
    const others = objectivesAccepting(feature)
      .map(kebab)
      .filter((o) => (OBJECTIVE_NAMES as readonly string[]).includes(o));
    throw new BallastError(
      'INVALID_INPUT',
      `${flag} is not supported with --objective ${objective}: ${FEATURE_FIELD[feature]} is available with ${others.join(', ')}`,
      { field: flag.slice(2), value: objective },
    );
  }
}
