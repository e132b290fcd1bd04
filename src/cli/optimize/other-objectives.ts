import { BallastError } from '../../domain/errors.ts';
import type { Objective } from '../../domain/optimize/objectives.ts';
import type { AlignedTable } from '../../domain/series/align-common.ts';
import { numberOption } from '../estimate/methods.ts';
import { inferPeriodsPerYear, tableToMatrix } from '../estimate/panel.ts';
import type { ObjectiveOptions } from './objectives.ts';

/** `--objective` values solved outside the mean-variance family. */
export const OTHER_OBJECTIVES = [
  'risk-parity',
  'hrp',
  'herc',
  'min-cvar',
  'min-cdar',
  'min-semivariance',
] as const;

const LINKAGES = ['single', 'average', 'complete', 'ward'] as const;

function linkageOption(value: string | undefined): { linkage?: (typeof LINKAGES)[number] } {
  if (value === undefined) return {};
  if ((LINKAGES as readonly string[]).includes(value))
    return { linkage: value as (typeof LINKAGES)[number] };
  throw new BallastError(
    'INVALID_INPUT',
    `--linkage: expected one of ${LINKAGES.join(', ')} (got "${value}")`,
    { field: 'linkage', value },
  );
}

/** Flags of the objectives outside the mean-variance family. */
export type OtherObjectiveFlags = ObjectiveOptions & {
  readonly confidence?: string | undefined;
  readonly periodsPerYear?: string | undefined;
  readonly linkage?: string | undefined;
};

/**
 * The domain objective of `--objective` for risk parity, HRP and HERC (`--linkage` overrides
 * the default tree), min CVaR and min CDaR (`--confidence`, default 0.95; `--target-return`) and
 * min semivariance (below 0 per period; `--target-return`). The scenario objectives carry the
 * returns panel itself, with `--periods-per-year` or the frequency inferred from its dates.
 */
export function otherObjective(table: AlignedTable, options: OtherObjectiveFlags): Objective {
  const linkage = linkageOption(options.linkage);
  const confidence = numberOption('confidence', options.confidence, (x) => x > 0 && x < 1) ?? 0.95;
  const targetReturnAnnual = numberOption('target-return', options.targetReturn);
  const target = targetReturnAnnual === undefined ? {} : { targetReturnAnnual };
  const scenarios = (): { returns: ReturnType<typeof tableToMatrix>; periodsPerYear: number } => ({
    returns: tableToMatrix(table),
    periodsPerYear:
      numberOption('periods-per-year', options.periodsPerYear, (x) => x > 0) ??
      inferPeriodsPerYear(table.dates),
  });
  switch (options.objective) {
    case 'risk-parity':
      return { kind: 'riskParity' };
    case 'hrp':
      return { kind: 'hrp', ...linkage };
    case 'herc':
      return { kind: 'herc', ...linkage };
    case 'min-cvar':
      return { kind: 'minCvar', scenarios: scenarios(), confidence, ...target };
    case 'min-cdar':
      return { kind: 'minCdar', scenarios: scenarios(), confidence, ...target };
    case 'min-semivariance':
      return { kind: 'minSemivariance', scenarios: scenarios(), ...target };
    default:
      throw new BallastError(
        'INVALID_INPUT',
        `--objective: unknown objective "${options.objective}"`,
        { field: 'objective', value: options.objective },
      );
  }
}
