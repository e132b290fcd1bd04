/**
 * Substitutes for a fund sold to harvest a loss: funds of the universe that keep the economic
 * exposure close without being substantially identical (docs/tax-harvest.md).
 *
 * Conventions:
 * - A fund's exposure vector is its definition's economic exposure per $1 of NAV, by exposure id
 *   (docs/conventions.md, "Holdings, ledger and exposures"); an id a definition does not list is 0.
 * - Distance is the L1 distance `Σ_k |s_k − f_k|` over the union of ids: the economic dollars per
 *   $1 moved that the switch changes in total. A candidate is kept when its distance is at most the
 *   tolerance, within 1e-9 absolute (docs/conventions.md, "Tolerances": a check on a result).
 * - A fund of the sold fund's equivalence group (the sold fund itself included) is never a
 *   substitute: buying it within the wash window would wash the loss.
 * - A sold fund without a definition has no substitutes: none are guessed.
 */

import type { FundUniverse } from '../exposures/fund-types.ts';
import { invalidInput } from '../errors.ts';
import { groupOf, type Equivalents } from './equivalents.ts';

/** Slack on the tolerance check (docs/conventions.md, "Tolerances"). */
const CHECK_SLACK = 1e-9;

/** One substitute for a sold fund. */
export interface Substitute {
  readonly symbol: string;
  /** The fund's published name. */
  readonly name: string;
  /** Its equivalence group (the symbol itself when it has none). */
  readonly group: string;
  /** L1 distance of the per-$1 exposure vectors (module comment). */
  readonly distance: number;
  /** The substitute's economic exposure per $1 of NAV, by exposure id. */
  readonly exposures: Readonly<Record<string, number>>;
  /** Substitute − sold per $1, by exposure id, non-zero entries only, ids sorted. */
  readonly difference: Readonly<Record<string, number>>;
}

/** The substitutes of one sold fund. */
export interface SubstituteSearch {
  readonly symbol: string;
  readonly group: string;
  /** Whether the sold fund has a definition in the universe (no definition: no substitutes). */
  readonly inUniverse: boolean;
  /** The sold fund's economic exposure per $1 of NAV (`{}` when not in the universe). */
  readonly exposures: Readonly<Record<string, number>>;
  /** Within tolerance, nearest first (ties by symbol). */
  readonly substitutes: readonly Substitute[];
}

/** Options of {@link findSubstitutes}. */
export interface SubstituteOptions {
  /** Largest L1 distance kept (≥ 0). */
  readonly tolerance: number;
  /** Equivalence groups; default every symbol its own group. */
  readonly equivalents?: Equivalents;
}

/** `b − a` per id over the union of ids, zeros dropped, ids sorted. */
export function exposureDifference(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: Record<string, number> = {};
  for (const id of ids) {
    const d = (b[id] ?? 0) - (a[id] ?? 0);
    if (d !== 0) out[id] = d;
  }
  return out;
}

/** L1 distance `Σ_k |b_k − a_k|` of two exposure vectors (an absent id is 0). */
export function exposureDistance(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): number {
  return Object.values(exposureDifference(a, b)).reduce((sum, d) => sum + Math.abs(d), 0);
}

/**
 * The substitutes of `symbol` in `universe` (module comment), nearest first.
 *
 * @throws BallastError INVALID_INPUT naming `tolerance` when it is not a finite number ≥ 0.
 */
export function findSubstitutes(
  symbol: string,
  universe: FundUniverse,
  options: SubstituteOptions,
): SubstituteSearch {
  const { tolerance } = options;
  if (!(Number.isFinite(tolerance) && tolerance >= 0))
    throw invalidInput('tolerance', tolerance, 'must be a finite number ≥ 0');
  const equivalents = options.equivalents ?? new Map<string, string>();
  const group = groupOf(equivalents, symbol);
  const sold = Object.hasOwn(universe.funds, symbol) ? universe.funds[symbol] : undefined;
  if (sold === undefined)
    return { symbol, group, inUniverse: false, exposures: {}, substitutes: [] };
  const substitutes: Substitute[] = [];
  for (const [other, fund] of Object.entries(universe.funds)) {
    const otherGroup = groupOf(equivalents, other);
    if (otherGroup === group) continue;
    const difference = exposureDifference(sold.exposures, fund.exposures);
    const distance = Object.values(difference).reduce((sum, d) => sum + Math.abs(d), 0);
    if (distance > tolerance + CHECK_SLACK) continue;
    substitutes.push({
      symbol: other,
      name: fund.name,
      group: otherGroup,
      distance,
      exposures: fund.exposures,
      difference,
    });
  }
  substitutes.sort((a, b) => a.distance - b.distance || a.symbol.localeCompare(b.symbol));
  return { symbol, group, inUniverse: true, exposures: sold.exposures, substitutes };
}
