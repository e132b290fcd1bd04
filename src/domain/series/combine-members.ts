/**
 * Weighted combination of member return series into one exposure return series
 * (docs/conventions.md, "Returns": a composite averages, per date, only the members that have an
 * observation, renormalising their weights).
 *
 * For each date in the union of the members' dates, with P the members observed that day:
 *
 *   r_t = Σ_{i∈P} w_i r_{i,t} / Σ_{i∈P} w_i
 *
 * Missing members are never forward-filled or zero-filled; each point lists its contributors.
 * Policy `all` instead keeps only dates on which every member is observed.
 */

import { BallastError, invalidInput } from '../errors.ts';
import type { ReturnPoint, ReturnSeries } from './types.ts';
import { assertReturnSeries } from './validate-series.ts';

/** A member series with its (positive, not necessarily normalised) weight. */
export interface WeightedMember {
  /** Ticker or series key, reported in `contributors`. */
  readonly id: string;
  readonly weight: number;
  /** Simple returns, ascending; all members at the same frequency. */
  readonly returns: ReturnSeries;
}

/** `available` (default): renormalise over present members; `all`: require every member. */
export type MemberPolicy = 'available' | 'all';

/** A combined return with the ids that contributed to it, in member order. */
export interface ExposureReturnPoint extends ReturnPoint {
  readonly contributors: readonly string[];
}

/** Options of {@link combineMembers}. */
export interface CombineOptions {
  readonly policy?: MemberPolicy;
}

function validate(members: readonly WeightedMember[]): void {
  if (members.length === 0) throw invalidInput('members', [], 'at least one member is needed');
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (m.id.length === 0 || seen.has(m.id)) {
      throw invalidInput(`members[${i}].id`, m.id, 'ids must be non-empty and unique');
    }
    seen.add(m.id);
    if (!Number.isFinite(m.weight) || m.weight <= 0) {
      throw invalidInput(`members[${i}].weight`, m.weight, `weight of ${m.id} must be positive`);
    }
    assertReturnSeries(`members[${i}].returns`, m.returns);
  });
}

/**
 * Combines members per date (see the module comment). Throws `INVALID_INPUT` on bad members
 * and `INSUFFICIENT_DATA` when no date qualifies.
 */
export function combineMembers(
  members: readonly WeightedMember[],
  options: CombineOptions = {},
): ExposureReturnPoint[] {
  validate(members);
  const policy = options.policy ?? 'available';
  const lookups = members.map((m) => new Map(m.returns.map((p) => [p.date, p.value])));
  const dates = [...new Set(members.flatMap((m) => m.returns.map((p) => p.date)))].sort();
  const out: ExposureReturnPoint[] = [];
  for (const date of dates) {
    let weighted = 0;
    let weightSum = 0;
    const contributors: string[] = [];
    members.forEach((member, i) => {
      const value = lookups[i]?.get(date);
      if (value === undefined) return;
      weighted += member.weight * value;
      weightSum += member.weight;
      contributors.push(member.id);
    });
    if (policy === 'all' && contributors.length < members.length) continue;
    out.push({ date, value: weighted / weightSum, contributors });
  }
  if (out.length === 0) throw noData(members, policy);
  return out;
}

function noData(members: readonly WeightedMember[], policy: MemberPolicy): BallastError {
  const ids = members.map((m) => m.id).join(', ');
  const why = policy === 'all' ? 'no date on which every member has a return' : 'no returns';
  return new BallastError('INSUFFICIENT_DATA', `members ${ids}: ${why}`, {
    members: members.map((m) => m.id),
    policy,
  });
}
