/**
 * The CSV files of optimisation constraints:
 *
 * - groups `group,asset,min,max`: one member per row; min and max may be blank and must agree
 *   within a group, which needs at least one of them (min ≤ max);
 * - weights `asset,weight` (current or benchmark weights): decimals of the portfolio, each asset
 *   once.
 *
 * Asset names are kept as written (trimmed); callers match them to their columns. Every
 * malformed cell is INVALID_INPUT naming file, line, column and value.
 */

import { BallastError } from '../../domain/errors.ts';
import { checkHeader, MAX_INPUT_MAGNITUDE, RowReader } from '../csv/fields.ts';
import { parseCsv } from '../csv/parse-csv.ts';

/** A group of a groups file: its members and limits on Σ w over them. */
export interface GroupRow {
  readonly name: string;
  readonly assets: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

/** A decimal (exponent allowed: `1e-3`), finite and at most `MAX_INPUT_MAGNITUDE` in size. */
function signedNumber(r: RowReader, column: string): number | undefined {
  const text = r.text(column);
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || !Number.isFinite(x))
    throw r.fail(column, 'not a number');
  if (!(Math.abs(x) <= MAX_INPUT_MAGNITUDE))
    throw r.fail(column, 'out of range: the magnitude must be at most 1e15');
  return x;
}

/** Parses a groups file (module comment). */
export function parseGroupsCsv(text: string, file: string): GroupRow[] {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['group', 'asset', 'min', 'max'], optional: [] });
  const groups = new Map<string, { assets: string[]; min?: number; max?: number; line: number }>();
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const name = r.requireText('group');
    const asset = r.requireText('asset');
    const g = groups.get(name) ?? { assets: [], line: row.line };
    if (g.assets.includes(asset)) throw r.fail('asset', `listed twice in group "${name}"`);
    g.assets.push(asset);
    for (const side of ['min', 'max'] as const) {
      const x = signedNumber(r, side);
      if (x === undefined) continue;
      if (g[side] !== undefined && g[side] !== x)
        throw r.fail(side, `group "${name}" already has ${side} ${g[side]}`);
      g[side] = x;
    }
    groups.set(name, g);
  }
  return [...groups].map(([name, g]) => {
    const fail = (why: string) =>
      new BallastError('INVALID_INPUT', `${file}:${g.line}: group "${name}": ${why}`, {
        file,
        line: g.line,
        column: 'group',
        value: name,
      });
    if (g.min === undefined && g.max === undefined) throw fail('neither a min nor a max');
    if (g.min !== undefined && g.max !== undefined && g.min > g.max)
      throw fail('the minimum exceeds the maximum');
    return {
      name,
      assets: g.assets,
      ...(g.min === undefined ? {} : { min: g.min }),
      ...(g.max === undefined ? {} : { max: g.max }),
    };
  });
}

/** Parses a weights file `asset,weight` into asset → weight (module comment). */
export function parseWeightsCsv(text: string, file: string): Record<string, number> {
  const table = parseCsv(text, file);
  checkHeader(file, table.header, { required: ['asset', 'weight'], optional: [] });
  const out: Record<string, number> = {};
  for (const row of table.rows) {
    const r = new RowReader(file, row);
    const asset = r.requireText('asset');
    if (Object.hasOwn(out, asset)) throw r.fail('asset', 'listed twice');
    const weight = signedNumber(r, 'weight');
    if (weight === undefined) throw r.fail('weight', 'a value is required');
    out[asset] = weight;
  }
  if (Object.keys(out).length === 0)
    throw new BallastError('INVALID_INPUT', `${file}: no weights after the header`, { file });
  return out;
}
