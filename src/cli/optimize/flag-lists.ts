/**
 * Parsers of the list-valued constraint flags of `optimize` / `frontier`. Every malformed item
 * is an INVALID_INPUT BallastError naming the flag and the offending text.
 *
 * - ranges `min:max` (either side may be empty = unbounded, not both): `0.4:0.8`, `:0.3`, `0.1:`
 * - keyed ranges `id=min:max,id=min:max` (`--exposure-bounds`, `--category-bounds`)
 * - groups `name=A+B+C:min:max` (`--group`, repeatable)
 * - weights `A=0.5,B=0.5` (`--current-weights`, `--benchmark-weights`, `--risk-budgets`)
 */

import { BallastError } from '../../app/errors.ts';
import type { GroupInput } from '../../app/optimize-input.ts';

/** `{ min?, max? }` of a range flag. */
export interface Limits {
  readonly min?: number;
  readonly max?: number;
}

/** An INVALID_INPUT error naming `--flag` and the offending text. */
export function flagError(flag: string, value: string, why: string): BallastError {
  return new BallastError('INVALID_INPUT', `--${flag}: ${why} (got "${value}")`, {
    field: flag,
    value,
  });
}

function bound(flag: string, text: string, whole: string): number | undefined {
  if (text.trim() === '') return undefined;
  const x = Number(text);
  if (!Number.isFinite(x)) throw flagError(flag, whole, `"${text}" is not a number`);
  return x;
}

/** `min:max` with optional sides; min ≤ max when both are given. */
export function parseRange(flag: string, text: string): Limits {
  const parts = text.split(':');
  if (parts.length !== 2)
    throw flagError(flag, text, 'expected min:max (either side may be empty)');
  const min = bound(flag, parts[0]!, text);
  const max = bound(flag, parts[1]!, text);
  if (min === undefined && max === undefined)
    throw flagError(flag, text, 'give a minimum, a maximum or both');
  if (min !== undefined && max !== undefined && min > max)
    throw flagError(flag, text, 'the minimum exceeds the maximum');
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function keyed(flag: string, item: string): [string, string] {
  const eq = item.indexOf('=');
  const key = eq < 0 ? '' : item.slice(0, eq).trim();
  if (key === '') throw flagError(flag, item, 'expected name=value');
  return [key, item.slice(eq + 1)];
}

function items(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function noDuplicate(
  seen: Set<string>,
  entry: { readonly flag: string; readonly key: string; readonly item: string },
): void {
  if (seen.has(entry.key)) throw flagError(entry.flag, entry.item, `"${entry.key}" is given twice`);
  seen.add(entry.key);
}

/** `id=min:max,...` → id → limits (ids unique). */
export function parseKeyedRanges(flag: string, text: string): Map<string, Limits> {
  const out = new Map<string, Limits>();
  const seen = new Set<string>();
  for (const item of items(text)) {
    const [key, range] = keyed(flag, item);
    noDuplicate(seen, { flag, key, item });
    out.set(key, parseRange(flag, range));
  }
  if (out.size === 0) throw flagError(flag, text, 'no id=min:max item');
  return out;
}

/** One `--group name=A+B+C:min:max`. */
export function parseGroupFlag(text: string): GroupInput {
  const [name, rest] = keyed('group', text);
  const colon = rest.indexOf(':');
  if (colon < 0) throw flagError('group', text, 'expected name=A+B+C:min:max');
  const members = rest
    .slice(0, colon)
    .split('+')
    .map((s) => s.trim());
  if (members.some((m) => m === ''))
    throw flagError('group', text, 'members are asset names joined by +');
  const seen = new Set<string>();
  members.forEach((m) => noDuplicate(seen, { flag: 'group', key: m, item: text }));
  const limits = parseRange('group', rest.slice(colon + 1));
  return { name, assets: members, ...limits };
}

/** `A=0.5,B=0.5` → asset → weight (finite numbers, assets unique). */
export function parseWeightList(flag: string, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  const seen = new Set<string>();
  for (const item of items(text)) {
    const [asset, value] = keyed(flag, item);
    noDuplicate(seen, { flag, key: asset, item });
    const x = bound(flag, value, item);
    if (x === undefined) throw flagError(flag, item, 'missing weight');
    out[asset] = x;
  }
  if (seen.size === 0) throw flagError(flag, text, 'no asset=weight item');
  return out;
}
