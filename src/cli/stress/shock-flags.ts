/**
 * The stress command's flag syntax, parsed into use-case input:
 * - `--shock equity=-0.3,us_large_equity=-35%,rates=+200bp`: a plain decimal is a return shock
 *   (−0.3 = −30 %), `x%` a return in percent, `±Nbp` a yield change in basis points
 *   (200bp = 0.02 of yield). `rates` (every bond exposure) takes a yield change only, so it
 *   must carry its unit: `rates=+200bp` or `rates=+2%` (two points of yield); a bare
 *   `rates=+200` is refused, never read as a +20 000 % return. A bare decimal return above +1
 *   (`equity=+30`, i.e. +3 000 %) is refused too: write a percent (`+30%`), so a percent typed
 *   without its sign is never taken for a decimal;
 * - `--duration broad_ust=6.5[:convexity],…`: modified duration in years (convexity in years²);
 * - `--window FROM:TO`: ISO dates.
 * Syntax errors name the flag and the item; what the values mean (a return below −1, an unknown
 * target) is checked by the use case, which names its input fields.
 */

import { invalidInput } from '../../app/errors.ts';
import { isIsoDate } from '../../app/schemas.ts';

/** One shock of `--shock`, as the `stress` use case takes it: `size` in the unit written. */
export interface ShockFlag {
  readonly target: string;
  readonly kind: 'return' | 'yield';
  readonly size: number;
  readonly unit: 'decimal' | 'percent' | 'bp';
  /** The item as written (shown in the scenario's rules). */
  readonly text: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The shorthand target that takes a yield change only (every bond exposure). */
const RATES = 'rates';

function parseValue(
  text: string,
  at: { item: string; target: string },
): Pick<ShockFlag, 'kind' | 'size' | 'unit'> {
  const { item, target } = at;
  const v = text.trim().toLowerCase();
  if (v.endsWith('bp')) {
    const n = v.slice(0, -2).trim();
    if (!NUMBER.test(n))
      throw invalidInput('--shock', item, 'expected a yield change such as +200bp');
    return { kind: 'yield', size: Number(n), unit: 'bp' };
  }
  const percent = v.endsWith('%');
  const n = percent ? v.slice(0, -1).trim() : v;
  if (!NUMBER.test(n))
    throw invalidInput('--shock', item, 'expected a decimal return (-0.3), a percent (-30%) or bp');
  if (target === RATES && !percent)
    throw invalidInput(
      '--shock',
      item,
      'a rate shock carries its unit, bp or % of yield (+200bp = +2%); a bare number is ambiguous',
    );
  if (target === RATES) return { kind: 'yield', size: Number(n), unit: 'percent' };
  if (!percent && Number(n) > 1)
    throw invalidInput(
      '--shock',
      item,
      `a bare number is a decimal return (${n} = ${Number((Number(n) * 100).toPrecision(12))} %); write ${signed(n)}% for a percent`,
    );
  return { kind: 'return', size: Number(n), unit: percent ? 'percent' : 'decimal' };
}

function signed(n: string): string {
  return /^[+-]/.test(n) ? n : `+${n}`;
}

function items(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Parses `--shock target=value[,target=value…]` (see the module comment). */
export function parseShockFlag(text: string): ShockFlag[] {
  const list = items(text);
  if (list.length === 0) throw invalidInput('--shock', text, 'expected target=value items');
  return list.map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw invalidInput('--shock', item, 'expected target=value (e.g. equity=-0.3)');
    const target = item.slice(0, eq).trim().toLowerCase();
    return { target, ...parseValue(item.slice(eq + 1), { item, target }), text: item };
  });
}

/** Parses `--duration id=years[:convexity],…` into durations by exposure id. */
export function parseDurationFlag(
  text: string,
): Record<string, { years: number; convexity?: number; source: string }> {
  const out: Record<string, { years: number; convexity?: number; source: string }> = {};
  for (const item of items(text)) {
    const m = /^([a-z][a-z0-9_]*)=([0-9.]+)(?::([0-9.]+))?$/.exec(item.toLowerCase());
    const years = Number(m?.[2]);
    const convexity = m?.[3] === undefined ? undefined : Number(m[3]);
    if (!m || !Number.isFinite(years) || (convexity !== undefined && !Number.isFinite(convexity)))
      throw invalidInput('--duration', item, 'expected id=years or id=years:convexity, ≥ 0');
    out[m[1]!] = { years, ...(convexity === undefined ? {} : { convexity }), source: '--duration' };
  }
  if (Object.keys(out).length === 0)
    throw invalidInput('--duration', text, 'expected id=years items');
  return out;
}

/** Parses `--window FROM:TO` (ISO dates, FROM before TO). */
export function parseWindowFlag(text: string): { from: string; to: string } {
  const [from, to, ...rest] = text.split(':').map((s) => s.trim());
  if (
    rest.length > 0 ||
    from === undefined ||
    to === undefined ||
    !isIsoDate(from) ||
    !isIsoDate(to)
  )
    throw invalidInput(
      '--window',
      text,
      'expected FROM:TO with ISO dates, e.g. 2020-02-19:2020-03-23',
    );
  if (!(from < to)) throw invalidInput('--window', text, 'FROM must be before TO');
  return { from, to };
}
