/**
 * A deterministic fingerprint of an estimation's inputs, so a {@link ReturnDistribution} can be
 * reproduced and compared across runs. Implemented here (pure, no `node:crypto`):
 *
 * - FNV-1a 64-bit (Fowler–Noll–Vo; http://www.isthe.com/chongo/tech/comp/fnv/): offset basis
 *   0xcbf29ce484222325, prime 0x100000001b3, per byte h = (h XOR byte) · prime mod 2⁶⁴.
 *   Computed on four 16-bit limbs so every intermediate is an exact double. Not
 *   cryptographic: it detects changed inputs, it does not resist forgery.
 * - Canonical encoding of the inputs (version 1): the UTF-8 bytes of the canonical JSON
 *   (keys sorted, no spaces) of `{ v: 1, assets, dates, periodsPerYear, mean, covariance,
 *   parameters }`, one 0x00 byte, then every return as an IEEE-754 float64 little-endian,
 *   asset by asset in asset order (−0 written as +0).
 *
 * The string form is `fnv1a64:` followed by 16 lower-case hex digits.
 */

import { invalidInput } from '../errors.ts';
import type { AlignedTable } from '../series/align-common.ts';

/** A JSON value (finite numbers only), as stored in method parameters. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

interface Fnv64 {
  limbs: [number, number, number, number];
}

function fnvStart(): Fnv64 {
  return { limbs: [0x2325, 0x8422, 0x9ce4, 0xcbf2] };
}

function fnvUpdate(state: Fnv64, bytes: Uint8Array): void {
  let [h0, h1, h2, h3] = state.limbs;
  for (const byte of bytes) {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  state.limbs = [h0, h1, h2, h3];
}

function fnvHex(state: Fnv64): string {
  return [...state.limbs]
    .reverse()
    .map((limb) => limb.toString(16).padStart(4, '0'))
    .join('');
}

/** FNV-1a 64 of `bytes` as 16 lower-case hex digits ("" → cbf29ce484222325). */
export function fnv1a64(bytes: Uint8Array): string {
  const state = fnvStart();
  fnvUpdate(state, bytes);
  return fnvHex(state);
}

/**
 * `fnv1a64:<hex>` of float64 values (little-endian, −0 as +0): a compact stand-in for a long
 * input series inside method parameters (e.g. a market return series).
 */
export function hashFloat64(values: ArrayLike<number>): string {
  const buffer = new Uint8Array(8 * values.length);
  const view = new DataView(buffer.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(8 * i, values[i]! + 0, true);
  return `fnv1a64:${fnv1a64(buffer)}`;
}

/** JSON with object keys sorted at every level; throws on non-finite numbers. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidInput('parameters', value, 'numbers must be finite');
    return JSON.stringify(value + 0);
  }
  if (Array.isArray(value))
    return `[${(value as readonly JsonValue[]).map(canonicalJson).join(',')}]`;
  const record = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key] ?? null)}`).join(',')}}`;
}

/** What an estimate depends on beyond the returns panel. */
export interface HashedMethod {
  readonly mean: string;
  readonly covariance: string;
  /** Every other input (windows, spans, weights, views, risk-free rate …), JSON-encodable. */
  readonly parameters: Readonly<Record<string, JsonValue>>;
}

/** The inputs hash of an estimation (see the module comment for the exact encoding). */
export function hashEstimationInputs(input: {
  readonly returns: AlignedTable;
  readonly periodsPerYear: number;
  readonly method: HashedMethod;
}): string {
  const { returns, method } = input;
  const header = canonicalJson({
    v: 1,
    assets: [...returns.ids],
    dates: [...returns.dates],
    periodsPerYear: input.periodsPerYear,
    mean: method.mean,
    covariance: method.covariance,
    parameters: method.parameters,
  });
  const state = fnvStart();
  fnvUpdate(state, new TextEncoder().encode(header));
  fnvUpdate(state, new Uint8Array([0]));
  const buffer = new Uint8Array(8 * returns.dates.length);
  const view = new DataView(buffer.buffer);
  returns.columns.forEach((column, k) => {
    if (column.length !== returns.dates.length) {
      throw invalidInput(
        `returns.${returns.ids[k] ?? k}`,
        column.length,
        `expected ${returns.dates.length} values`,
      );
    }
    column.forEach((value, t) => view.setFloat64(8 * t, value + 0, true));
    fnvUpdate(state, buffer);
  });
  return `fnv1a64:${fnvHex(state)}`;
}
