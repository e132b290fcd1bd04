import { BallastError } from '../../domain/errors.ts';
import type { PortfolioConstraints } from '../../domain/optimize/constraints.ts';
import type { Objective } from '../../domain/optimize/objectives.ts';
import { numberOption } from '../estimate/methods.ts';

/** `--objective` values of the mean-variance family (solved by `optimize`). */
export const MEAN_VARIANCE_OBJECTIVES = [
  'min-variance',
  'max-sharpe',
  'efficient-return',
  'efficient-risk',
  'utility',
  'max-return',
  'max-diversification',
] as const;

/** Options that shape the objective and the constraints. */
export interface ObjectiveOptions {
  readonly objective: string;
  readonly targetReturn?: string | undefined;
  readonly targetVolatility?: string | undefined;
  readonly riskAversion?: string | undefined;
  readonly minWeight?: string | undefined;
  readonly maxWeight?: string | undefined;
  readonly longShort?: boolean | undefined;
  readonly grossLeverage?: string | undefined;
  readonly borrowSpread?: string | undefined;
}

function required(name: string, value: string | undefined, objective: string): number {
  const x = numberOption(name, value);
  if (x === undefined)
    throw new BallastError('INVALID_INPUT', `--${name} is required with --objective ${objective}`, {
      field: name,
    });
  return x;
}

/** The mean-variance objective of `--objective`. */
export function meanVarianceObjective(o: ObjectiveOptions): Objective {
  switch (o.objective) {
    case 'min-variance':
      return { kind: 'minVariance' };
    case 'max-sharpe':
      return { kind: 'maxSharpe' };
    case 'efficient-return':
      return {
        kind: 'efficientReturn',
        targetReturnAnnual: required('target-return', o.targetReturn, o.objective),
      };
    case 'efficient-risk':
      return {
        kind: 'efficientRisk',
        targetVolatilityAnnual: required('target-volatility', o.targetVolatility, o.objective),
      };
    case 'utility':
      return {
        kind: 'utility',
        riskAversion: numberOption('risk-aversion', o.riskAversion, (x) => x > 0) ?? 1,
      };
    case 'max-return':
      return { kind: 'maxReturn' };
    case 'max-diversification':
      return { kind: 'maxDiversification' };
    default:
      throw new BallastError('INVALID_INPUT', `--objective: unknown objective "${o.objective}"`, {
        field: 'objective',
        value: o.objective,
      });
  }
}

/**
 * Constraints from the flags: per-asset bounds (`--min-weight`, `--max-weight`), long-only by
 * default or `--long-short` (bounds −1..1 unless given) with `--gross-leverage` as Σ|w| ≤ G,
 * fully invested unless `--borrow-spread` opens a cash line (borrowing at rf + spread).
 */
export function constraintsFrom(o: ObjectiveOptions): PortfolioConstraints {
  const minWeight = numberOption('min-weight', o.minWeight);
  const maxWeight = numberOption('max-weight', o.maxWeight);
  const gross = numberOption('gross-leverage', o.grossLeverage, (x) => x > 0);
  const spread = numberOption('borrow-spread', o.borrowSpread, (x) => x >= 0);
  return {
    ...(minWeight === undefined ? {} : { minWeight }),
    ...(maxWeight === undefined ? {} : { maxWeight }),
    ...(o.longShort ? { longShort: gross === undefined ? {} : { grossMax: gross } } : {}),
    ...(spread === undefined
      ? {}
      : { budget: { kind: 'cashLine' as const, borrowSpreadAnnual: spread } }),
  };
}
