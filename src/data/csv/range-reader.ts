/**
 * A {@link RowReader} over a plain record's cells as positions in the file's text: values are
 * read in place — numbers and money without cutting the cell out, repeated texts (dates,
 * accounts, symbols, types) as one shared string each — with the same values and the same
 * errors as the string-based reader, which it falls back on for anything unusual.
 */

import { decimalAt } from './decimal.ts';
import { centsOf, MAX_CENTS, MAX_INPUT_MAGNITUDE, RowReader } from './fields.ts';
import type { PlainRecord } from './parse-csv.ts';

const NO_CELLS: Readonly<Record<string, string>> = {};
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;

/**
 * Strings read from ranges of a text, one string per distinct content: an open-addressing
 * table of FNV-1a hashes, compared character by character. Past {@link RangeStrings.LIMIT}
 * distinct contents (a column of unique texts) new ones are cut out fresh and not kept.
 */
export class RangeStrings {
  /** Distinct contents kept at most. */
  static readonly LIMIT = 1 << 16;
  /** Slot → 1 + index in {@link strings} (0: empty); the load stays at most one half. */
  private slots = new Int32Array(1024);
  private readonly strings: string[] = [];
  /** Kept string `k` read as a symbol cell and found valid: its upper-case form. */
  readonly symbols: (string | undefined)[] = [];

  /** `text.slice(a, b)`, the same string object each time the content repeats. */
  get(text: string, a: number, b: number): string {
    const k = this.index(text, a, b);
    return k >= 0 ? this.strings[k]! : text.slice(a, b);
  }

  /** The index of `text[a, b)` among the kept strings (kept now when new), or −1 past the limit. */
  index(text: string, a: number, b: number): number {
    const mask = this.slots.length - 1;
    let slot = RangeStrings.hash(text, a, b) & mask;
    for (let k = this.slots[slot]!; k !== 0; k = this.slots[slot]!) {
      const known = this.strings[k - 1]!;
      if (known.length === b - a) {
        let i = 0;
        while (i < known.length && known.charCodeAt(i) === text.charCodeAt(a + i)) i++;
        if (i === known.length) return k - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (this.strings.length >= RangeStrings.LIMIT) return -1;
    this.keep(text.slice(a, b), slot);
    return this.strings.length - 1;
  }

  private keep(s: string, slot: number): void {
    this.strings.push(s);
    this.symbols.push(undefined);
    this.slots[slot] = this.strings.length;
    if (2 * this.strings.length > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.strings.forEach((s, k) => {
      let slot = RangeStrings.hash(s, 0, s.length) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = k + 1;
    });
    this.slots = slots;
  }

  /** FNV-1a of `text[a, b)`, seeded with its length. */
  private static hash(text: string, a: number, b: number): number {
    let h = 0x811c9dc5 ^ (b - a);
    for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h;
  }
}

/** What a {@link RangeReader} reads with: the header's positions and the shared strings. */
export interface RangeContext {
  readonly columns: ReadonlyMap<string, number>;
  readonly strings: RangeStrings;
}

const NO_OPTIONS: { min?: number; positive?: boolean } = {};

/**
 * Reads typed cells of plain records in place: point it at a record with {@link RangeReader.at}
 * and read that record only during the visitor's call.
 */
export class RangeReader extends RowReader {
  private record: PlainRecord = {
    text: '',
    starts: new Int32Array(0),
    ends: new Int32Array(0),
    count: 0,
    line: 0,
  };
  private readonly place: { line: number; cells: Readonly<Record<string, string>> };

  constructor(
    file: string,
    private readonly context: RangeContext,
  ) {
    const place = { line: 0, cells: NO_CELLS };
    super(file, place);
    this.place = place;
  }

  /** Reads `record` from now on. */
  at(record: PlainRecord): this {
    this.record = record;
    this.place.line = record.line;
    return this;
  }

  /** The cell's position, or −1 when the header has no such column or the line is short of it. */
  private column(column: string): number {
    const k = this.context.columns.get(column) ?? -1;
    return k < this.record.count ? k : -1;
  }

  protected override cell(column: string): string | undefined {
    const k = this.context.columns.get(column);
    if (k === undefined) return undefined;
    if (k >= this.record.count) return '';
    return this.record.text.slice(this.record.starts[k], this.record.ends[k]);
  }

  override text(column: string): string | undefined {
    const k = this.column(column);
    const { record } = this;
    if (k < 0 || record.starts[k] === record.ends[k]) return undefined;
    return this.context.strings.get(record.text, record.starts[k]!, record.ends[k]!);
  }

  /** The value of cell `k` when it is a plain decimal (no exponent); NaN otherwise or when empty. */
  private plain(k: number): number {
    const { record } = this;
    if (k < 0) return NaN;
    const a = record.starts[k]!;
    const b = record.ends[k]!;
    for (let i = a; i < b; i++) if ((record.text.charCodeAt(i) | 0x20) === 0x65) return NaN;
    return a === b ? NaN : decimalAt(record.text, a, b);
  }

  override number(column: string, opts = NO_OPTIONS): number | undefined {
    return this.numberAt(this.column(column), column, opts);
  }

  private numberAt(
    k: number,
    column: string,
    opts: { min?: number; positive?: boolean },
  ): number | undefined {
    const n = this.plain(k);
    if (
      !(Math.abs(n) <= MAX_INPUT_MAGNITUDE) ||
      (opts.positive && !(n > 0)) ||
      (opts.min !== undefined && n < opts.min)
    ) {
      return super.number(column, opts); // empty, or the error the string reader gives
    }
    return n;
  }

  override cents(column: string, opts: { min?: number } = NO_OPTIONS): number | undefined {
    const k = this.column(column);
    const n = this.numberAt(k, column, opts);
    if (n === undefined) return undefined;
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
    const cents = centsOf(whole, thousandths);
    if (!(cents <= MAX_CENTS)) throw this.centsTooLarge(column);
    return n < 0 ? -cents : cents;
  }

  override symbol(column: string): string | undefined {
    const k = this.column(column);
    const { record } = this;
    if (k < 0 || record.starts[k] === record.ends[k]) return undefined;
    const { strings } = this.context;
    const i = strings.index(record.text, record.starts[k]!, record.ends[k]!);
    const known = i >= 0 ? strings.symbols[i] : undefined;
    if (known !== undefined) return known;
    const symbol = super.symbol(column)!;
    if (i >= 0) strings.symbols[i] = symbol;
    return symbol;
  }
}
