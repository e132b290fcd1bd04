/**
 * A {@link RowReader} over a plain record's cells as positions in the file's text: values are
 * read in place — numbers and money without cutting the cell out, repeated texts (dates,
 * accounts, symbols, types) as one shared string each — with the same values and the same
 * errors as the string-based reader, which it falls back on for anything unusual.
 */

import { decimalAt } from './decimal.ts';
import { RowReader } from './fields.ts';
import type { PlainRecord } from './parse-csv.ts';

const NO_CELLS: Readonly<Record<string, string>> = {};
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;

/** Strings read from ranges of a text, one string per distinct content (FNV-1a hash). */
export class RangeStrings {
  private readonly byHash = new Map<number, string>();
  /** Symbol cells already checked: raw text → upper-case symbol. */
  readonly symbols = new Map<string, string>();

  /** `text.slice(a, b)`, the same string object each time the content repeats. */
  get(text: string, a: number, b: number): string {
    let h = 0x811c9dc5 ^ (b - a);
    for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const known = this.byHash.get(h);
    if (known !== undefined && known.length === b - a && text.startsWith(known, a)) return known;
    const fresh = text.slice(a, b);
    if (known === undefined) this.byHash.set(h, fresh);
    return fresh;
  }
}

/** What a {@link RangeReader} reads with: the header's positions and the shared strings. */
export interface RangeContext {
  readonly columns: ReadonlyMap<string, number>;
  readonly strings: RangeStrings;
}

/** Reads typed cells of a plain record in place (use it only during the visitor's call). */
export class RangeReader extends RowReader {
  constructor(
    file: string,
    private readonly record: PlainRecord,
    private readonly context: RangeContext,
  ) {
    super(file, { line: record.line, cells: NO_CELLS });
  }

  /** The cell's position, or −1 when the header has no such column. */
  private at(column: string): number {
    return this.context.columns.get(column) ?? -1;
  }

  protected override cell(column: string): string | undefined {
    const k = this.at(column);
    if (k < 0) return undefined;
    if (k >= this.record.count) return '';
    return this.record.text.slice(this.record.starts[k], this.record.ends[k]);
  }

  override text(column: string): string | undefined {
    const k = this.at(column);
    const { record } = this;
    if (k < 0 || k >= record.count || record.starts[k] === record.ends[k]) return undefined;
    return this.context.strings.get(record.text, record.starts[k]!, record.ends[k]!);
  }

  /** The cell's value when it is a plain decimal (no exponent); NaN otherwise or when empty. */
  private plain(column: string): number {
    const k = this.at(column);
    const { record } = this;
    if (k < 0 || k >= record.count) return NaN;
    const a = record.starts[k]!;
    const b = record.ends[k]!;
    for (let i = a; i < b; i++) if ((record.text.charCodeAt(i) | 0x20) === 0x65) return NaN;
    return a === b ? NaN : decimalAt(record.text, a, b);
  }

  override number(
    column: string,
    opts: { min?: number; positive?: boolean } = {},
  ): number | undefined {
    const n = this.plain(column);
    if (n !== n || (opts.positive && !(n > 0)) || (opts.min !== undefined && n < opts.min)) {
      return super.number(column, opts); // empty, or the error the string reader gives
    }
    return n;
  }

  override cents(column: string, opts: { min?: number } = {}): number | undefined {
    const n = this.number(column, opts);
    if (n === undefined) return undefined;
    const k = this.at(column);
    const { text } = this.record;
    let i = this.record.starts[k]!;
    const end = this.record.ends[k]!;
    const sign = text.charCodeAt(i);
    if (sign === PLUS || sign === MINUS) i++;
    let whole = 0;
    let digits = 0;
    for (; i < end && text.charCodeAt(i) !== DOT; i++) {
      whole = whole * 10 + (text.charCodeAt(i) - 0x30);
      digits++;
    }
    if (digits > 15) return super.cents(column, opts);
    let thousandths = 0;
    for (let place = 0, j = i + 1; place < 3; place++, j++) {
      thousandths = thousandths * 10 + (j < end ? text.charCodeAt(j) - 0x30 : 0);
    }
    // As RowReader.cents: thousandths of the unsigned text, rounded half away from zero.
    const tenths = whole * 1000 + thousandths;
    const cents = Math.floor(tenths / 10) + (tenths % 10 >= 5 ? 1 : 0);
    return n < 0 ? -cents : cents;
  }

  override symbol(column: string): string | undefined {
    const raw = this.text(column);
    if (raw === undefined) return undefined;
    const known = this.context.strings.symbols.get(raw);
    if (known !== undefined) return known;
    const symbol = super.symbol(column)!;
    this.context.strings.symbols.set(raw, symbol);
    return symbol;
  }
}
