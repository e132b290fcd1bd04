/**
 * Hypothetical shock specifications: one `{ target, kind, size }` per shocked target.
 *
 * Conventions:
 * - `kind: 'return'`: `size` is a simple **return** of the exposure (−0.3 = −30 %). It must be
 *   ≥ −1 (an unlevered exposure cannot lose more than everything; leverage is applied later,
 *   through fund definitions).
 * - `kind: 'yield'`: `size` is a **yield change** in decimal (0.02 = +200 bp), converted into a
 *   return through the exposure's duration (see `resolve-shocks.ts`). Its magnitude is at most
 *   {@link MAX_YIELD_CHANGE} (±2,000 bp): beyond that a figure is a unit mistake (200 meant as
 *   basis points) or outside anything a duration approximation can say.
 * - The `rates` group is shocked by a yield change only: a `return` on `rates` is refused (a
 *   bare `rates=+200` read as a +20,000 % return on bonds is the mistake this prevents). A
 *   return on bonds is given by exposure or category (`broad_ust=-0.05`).
 * - Targets are exposure ids, category ids or a shorthand group (`equity`, `rates`), lower
 *   case; they are resolved against the universe in `resolve-shocks.ts`. A target given twice
 *   is an error.
 * How a face writes them (the CLI's `equity=-0.3,rates=+200bp`) is the face's business: errors
 * here name the input field (`shocks[2].size`).
 */

import { BallastError, invalidInput } from '../errors.ts';

/** Largest yield change accepted, decimal (0.2 = 2,000 bp), either sign. */
export const MAX_YIELD_CHANGE = 0.2;

/** One hypothetical shock. */
export interface ShockSpec {
  /** Exposure id, category id or group name, lower-cased and trimmed. */
  readonly target: string;
  /** `return`: a simple return (decimal); `yield`: a yield change (decimal, 0.02 = 200 bp). */
  readonly kind: 'return' | 'yield';
  readonly size: number;
  /** How the shock is shown in rules and messages (e.g. `rates=+200bp`). */
  readonly text: string;
}

/**
 * Checks shock specs (see the module comment). Throws INVALID_INPUT naming `shocks[i].target`,
 * `shocks[i].kind` or `shocks[i].size` for an empty list, an empty or repeated target, a
 * non-finite size, a return below −1, a return on the `rates` group or a yield change beyond
 * ±{@link MAX_YIELD_CHANGE}.
 */
export function checkShockSpecs(specs: readonly ShockSpec[]): readonly ShockSpec[] {
  if (specs.length === 0) throw invalidInput('shocks', [], 'at least one shock is needed');
  const seen = new Map<string, number>();
  specs.forEach((spec, i) => {
    if (spec.target.trim() === '')
      throw invalidInput(`shocks[${i}].target`, spec.target, 'empty target');
    const earlier = seen.get(spec.target);
    if (earlier !== undefined)
      throw new BallastError(
        'INVALID_INPUT',
        `shocks[${i}].target: target ${spec.target} given twice (got ${JSON.stringify(spec.target)})`,
        { field: `shocks[${i}].target`, value: spec.target, first: `shocks[${earlier}]` },
      );
    seen.set(spec.target, i);
    if (!Number.isFinite(spec.size))
      throw invalidInput(`shocks[${i}].size`, spec.size, 'must be a finite decimal');
    if (spec.kind === 'return' && spec.size < -1)
      throw invalidInput(
        `shocks[${i}].size`,
        spec.size,
        'a return shock cannot be below -1 (-100 %)',
      );
    if (spec.kind === 'return' && spec.target === 'rates')
      throw invalidInput(
        `shocks[${i}].kind`,
        spec.kind,
        `the rates group takes a yield change (kind "yield", e.g. +200bp), not a return (${spec.text}); a return on bonds is given by exposure or category, e.g. broad_ust=-0.05`,
      );
    if (spec.kind === 'yield' && Math.abs(spec.size) > MAX_YIELD_CHANGE)
      throw invalidInput(
        `shocks[${i}].size`,
        spec.size,
        `a yield change of ${shockText(spec).split('=')[1]} (${spec.text}) is beyond ±${MAX_YIELD_CHANGE * 10_000}bp, where no duration approximation holds (as a decimal, 0.02 is +200bp)`,
      );
  });
  return specs;
}

/** The conventional text of a shock: `equity=-0.3`, `rates=+200bp`. */
export function shockText(spec: Pick<ShockSpec, 'target' | 'kind' | 'size'>): string {
  if (spec.kind === 'return') return `${spec.target}=${spec.size}`;
  const bp = Number((spec.size * 10_000).toPrecision(12));
  return `${spec.target}=${bp >= 0 ? '+' : ''}${bp}bp`;
}
