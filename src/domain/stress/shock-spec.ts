/**
 * Hypothetical shock specifications as written on the command line:
 * `equity=-0.3,us_large_equity=-0.35,rates=+200bp`.
 *
 * Conventions:
 * - `target=x` with a plain decimal is a **return** shock (−0.3 = −30 %); `x%` is percent
 *   (−30% = −0.3). A return shock must be ≥ −1 (an unlevered exposure cannot lose more than
 *   everything; leverage is applied later, through fund definitions).
 * - `target=±Nbp` is a **yield** change in basis points (200bp = +0.02 in decimal yield),
 *   converted into a return through the exposure's duration (see `duration.ts`).
 * - Targets are exposure ids, category ids or a shorthand group (`equity`, `rates`); they are
 *   resolved against the universe in `resolve-shocks.ts`. A target given twice is an error.
 */

import { invalidInput, type BallastError } from '../errors.ts';

/** One parsed `target=value` item. */
export interface ShockSpec {
  /** Exposure id, category id or group name, lower-cased and trimmed. */
  readonly target: string;
  /** `return`: a simple return (decimal); `yield`: a yield change (decimal, 0.02 = 200 bp). */
  readonly kind: 'return' | 'yield';
  readonly value: number;
  /** The item as written (for reports and error messages). */
  readonly text: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function parseValue(text: string, item: string): Pick<ShockSpec, 'kind' | 'value'> {
  const v = text.trim().toLowerCase();
  const bad = (why: string): BallastError => invalidInput('--shock', item, why);
  if (v.endsWith('bp')) {
    const n = v.slice(0, -2).trim();
    if (!NUMBER.test(n)) throw bad('expected a yield change such as +200bp');
    return { kind: 'yield', value: Number(n) / 10000 };
  }
  const percent = v.endsWith('%');
  const n = percent ? v.slice(0, -1).trim() : v;
  if (!NUMBER.test(n)) throw bad('expected a decimal return (-0.3), a percent (-30%) or bp');
  const value = percent ? Number(n) / 100 : Number(n);
  if (value < -1) throw bad('a return shock cannot be below -1 (-100 %)');
  return { kind: 'return', value };
}

/**
 * Parses `target=value[,target=value…]`. Throws INVALID_INPUT naming the item for an empty
 * list, a missing `=`, an empty target, a malformed value or a target given twice.
 */
export function parseShocks(text: string): ShockSpec[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw invalidInput('--shock', text, 'expected target=value items');
  const seen = new Set<string>();
  return items.map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw invalidInput('--shock', item, 'expected target=value (e.g. equity=-0.3)');
    const target = item.slice(0, eq).trim().toLowerCase();
    if (seen.has(target)) throw invalidInput('--shock', item, `target ${target} given twice`);
    seen.add(target);
    return { target, ...parseValue(item.slice(eq + 1), item), text: item };
  });
}

/**
 * Parses `--duration id=years[:convexity],…` (modified duration in years, optional convexity
 * in years²). Throws INVALID_INPUT for a malformed item or a negative figure.
 */
export function parseDurations(
  text: string,
): Map<string, { years: number; convexity?: number; source: string }> {
  const out = new Map<string, { years: number; convexity?: number; source: string }>();
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^([a-z][a-z0-9_]*)=([0-9.]+)(?::([0-9.]+))?$/.exec(item.toLowerCase());
    const years = Number(m?.[2]);
    const convexity = m?.[3] === undefined ? undefined : Number(m[3]);
    if (!m || !Number.isFinite(years) || (convexity !== undefined && !Number.isFinite(convexity)))
      throw invalidInput('--duration', item, 'expected id=years or id=years:convexity, ≥ 0');
    out.set(m[1]!, {
      years,
      ...(convexity === undefined ? {} : { convexity }),
      source: '--duration',
    });
  }
  if (out.size === 0) throw invalidInput('--duration', text, 'expected id=years items');
  return out;
}
