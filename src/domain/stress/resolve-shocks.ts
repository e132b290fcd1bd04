/**
 * Hypothetical shocks → one return shock per exposure.
 *
 * Resolution of a {@link ShockSpec} target, most specific first:
 * 1. an exposure id (`us_large_equity`) — that exposure;
 * 2. a category id (`equity_beta`) — every exposure of the category;
 * 3. a shorthand group ({@link SHOCK_GROUPS}): `equity` = category `equity_beta`; `rates` =
 *    every exposure of category `nominal_fixed_income` plus any exposure with a known duration.
 * An exposure hit by several specs takes the most specific one (exposure > category > group);
 * two specs of the same specificity on one exposure are an error. Exposures no spec reaches
 * get no shock (0): a hypothetical scenario moves only what it names.
 *
 * Yield shocks (`bp`) become returns through duration (first-order, plus convexity when
 * known): r ≈ −D·Δy + ½·C·Δy² with D ≥ 0 — a rise in yields (Δy > 0) lowers a bond, a fall
 * raises it. The approximation is used only where it keeps that sign and stays a possible
 * return: its slope −D + C·Δy must not turn positive along the move (C·Δy ≤ D; beyond, a
 * large rise would seem to raise the bond) and r ≥ −1; outside, the shock is INVALID_INPUT
 * naming `shocks[i].size`. An exposure the portfolio holds that a yield shock reaches but
 * that has no duration is an error asking for a duration (`durations.<id>`, years) — never a
 * guessed figure. Errors name the input field (`shocks[2].target`, `durations.broad_ust`).
 */

import { BallastError, invalidInput } from '../errors.ts';
import { checkShockSpecs, type ShockSpec } from './shock-spec.ts';

/** An exposure's rate sensitivity and where the figure comes from. */
export interface DurationInfo {
  /** Modified (effective) duration, years. */
  readonly years: number;
  /** Convexity, years²; absent when not known (first-order only). */
  readonly convexity?: number;
  /** Provenance, e.g. `config/exposures.yaml (ICE index factsheet, as of 2024-06-28)` or `input`. */
  readonly source: string;
}

/** Shorthand groups accepted as shock targets. */
export const SHOCK_GROUPS = {
  equity: 'every exposure of category equity_beta',
  rates:
    'yield shock on every exposure of category nominal_fixed_income and every exposure with a duration',
} as const;

/** The universe as the resolver needs it. */
export interface ShockUniverse {
  /** Exposures in universe order with their category ids. */
  readonly exposures: readonly { readonly id: string; readonly category: string }[];
  readonly durations: ReadonlyMap<string, DurationInfo>;
}

/** One exposure's resolved shock and how it was obtained. */
export interface ResolvedShock {
  readonly exposure: string;
  /** Simple return applied to $1 of the exposure (decimal). */
  readonly shock: number;
  /** Human-readable derivation, e.g. `rates=+200bp: −6.5 × 0.02`. */
  readonly rule: string;
}

/**
 * Return of a bond exposure for a parallel yield change `dy` (decimal): −D·dy + ½·C·dy²
 * (second term only when convexity is known).
 */
export function returnFromYieldChange(duration: DurationInfo, dy: number): number {
  return -duration.years * dy + 0.5 * (duration.convexity ?? 0) * dy * dy;
}

function targetsOf(
  spec: ShockSpec,
  at: { universe: ShockUniverse; index: number },
): { ids: string[]; rank: number } {
  const { universe } = at;
  const ids = universe.exposures.map((e) => e.id);
  if (ids.includes(spec.target)) return { ids: [spec.target], rank: 2 };
  const inCategory = (c: string): string[] =>
    universe.exposures.filter((e) => e.category === c).map((e) => e.id);
  const category = inCategory(spec.target);
  if (category.length > 0) return { ids: category, rank: 1 };
  if (spec.target === 'equity') return { ids: inCategory('equity_beta'), rank: 0 };
  if (spec.target === 'rates') {
    return {
      ids: universe.exposures
        .filter((e) => e.category === 'nominal_fixed_income' || universe.durations.has(e.id))
        .map((e) => e.id),
      rank: 0,
    };
  }
  const field = `shocks[${at.index}].target`;
  throw new BallastError(
    'NOT_FOUND',
    `${field}: unknown target "${spec.target}" (${spec.text}); expected an exposure id, a category id or one of ${Object.keys(SHOCK_GROUPS).join(', ')}`,
    { field, value: spec.target },
  );
}

/**
 * Why the duration approximation cannot price `dy` for `duration` (see the module comment), or
 * undefined when it can.
 */
export function yieldShockProblem(duration: DurationInfo, dy: number): string | undefined {
  const { years, convexity = 0 } = duration;
  if (!(years >= 0)) return `its duration ${years} is negative`;
  if (convexity * dy > years)
    return `with duration ${years} and convexity ${convexity} the approximation −D·Δy + ½·C·Δy² stops ${dy > 0 ? 'falling' : 'rising'} beyond a yield change of ${Number(((years / convexity) * 10_000).toPrecision(6))}bp, so it would show a ${dy > 0 ? 'rise' : 'fall'} in yields ${dy > 0 ? 'raising' : 'lowering'} the bond`;
  const r = returnFromYieldChange(duration, dy);
  if (r < -1)
    return `duration ${years} × ${dy} gives a return of ${Number(r.toPrecision(6))}, below −1 (−100 %)`;
  return undefined;
}

function shockFor(
  chosen: { spec: ShockSpec; index: number },
  id: string,
  durations: ReadonlyMap<string, DurationInfo>,
): { shock: number; rule: string } | undefined {
  const { spec, index } = chosen;
  if (spec.kind === 'return') return { shock: spec.size, rule: spec.text };
  const d = durations.get(id);
  if (!d) return undefined;
  const problem = yieldShockProblem(d, spec.size);
  if (problem !== undefined)
    throw new BallastError(
      'INVALID_INPUT',
      `shocks[${index}].size: the yield shock ${spec.text} cannot be priced on ${id}: ${problem} (got ${spec.size})`,
      { field: `shocks[${index}].size`, value: spec.size, exposure: id, duration: d },
    );
  const convexity = d.convexity === undefined ? '' : ` + ½ × ${d.convexity} × ${spec.size}²`;
  return {
    shock: returnFromYieldChange(d, spec.size),
    rule: `${spec.text}: −${d.years} × ${spec.size}${convexity} (duration from ${d.source})`,
  };
}

/**
 * Resolves `specs` (checked with `checkShockSpecs`) to one shock per exposure reached (universe
 * order). `held` lists the exposures the portfolio holds: a held exposure reached by a yield
 * shock without a duration throws INVALID_INPUT naming `durations.<id>` (details: `exposure`,
 * `shock`); an unheld one is left out. Unknown targets throw NOT_FOUND naming
 * `shocks[i].target`; two equally specific specs on one exposure throw INVALID_INPUT; a yield
 * change the duration approximation cannot price ({@link yieldShockProblem}) throws
 * INVALID_INPUT naming `shocks[i].size`.
 */
export function resolveShocks(
  specs: readonly ShockSpec[],
  universe: ShockUniverse,
  held: ReadonlySet<string>,
): ResolvedShock[] {
  const chosen = new Map<string, { spec: ShockSpec; rank: number; index: number }>();
  checkShockSpecs(specs).forEach((spec, index) => {
    const { ids, rank } = targetsOf(spec, { universe, index });
    for (const id of ids) {
      const prior = chosen.get(id);
      if (prior && prior.rank === rank) {
        throw invalidInput(
          `shocks[${index}].target`,
          spec.target,
          `${id} is already shocked by ${prior.spec.text} at the same level (exposure, category or group); name the exposure to override`,
        );
      }
      if (!prior || prior.rank < rank) chosen.set(id, { spec, rank, index });
    }
  });
  const out: ResolvedShock[] = [];
  for (const { id } of universe.exposures) {
    const c = chosen.get(id);
    if (!c) continue;
    const s = shockFor(c, id, universe.durations);
    if (s) out.push({ exposure: id, ...s });
    else if (held.has(id)) {
      const field = `durations.${id}`;
      throw new BallastError(
        'INVALID_INPUT',
        `${field}: the yield shock ${c.spec.text} reaches ${id}, which has no duration in config/exposures.yaml; give its modified duration in years — Ballast does not guess one`,
        { field, value: undefined, exposure: id, shock: c.spec.text },
      );
    }
  }
  return out;
}
