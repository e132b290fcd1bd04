/**
 * A strict reader of TXF V042 files, written from the spec's grammar (Intuit, "TXF Spec Version
 * 042", 11/30/2011, sections VII.A–B and VIII; see txf.ts for the copy read), so that what
 * {@link txfDocument} writes can be read back and checked, and a broker's TXF file can be read:
 *
 * ```text
 * file    = header record*
 * header  = "V042" EOL  "A" program EOL  "D" [" "] date EOL  "^" EOL
 * record  = field+ "^" EOL                  (a record ends at a line holding "^")
 * field   = "T" ("S" | "D")  |  "N" refnum  |  "C" copy (1–255)  |  "L" line (≥ 1)
 *         | "P" text  |  "X" text  |  "D" [date | "VARIOUS" | "INHERITED"]  |  "$" [amount]
 * date    = M[M] "/" D[D] "/" YYYY          (a real calendar date)
 * amount  = ["-"] digits [("," digits{3})*] ["." digit{1,2}]
 * EOL     = CRLF | LF                       (the last EOL may be missing)
 * ```
 *
 * A record holds `T` and `N` once, `C` and `L` at most once (defaults 1). Lines are printable
 * ASCII, never empty. The header's export date may have one space after `D`, as the spec's own
 * example 1 writes it. `VARIOUS` and `INHERITED` are read in any case, as brokers write them.
 * Anything else is refused: one INVALID_INPUT naming the file, the line and its text.
 */

import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import type { Cents } from '../ledger/money.ts';
import type { Form8949Box } from './form8949.ts';

/** The header of a TXF file. */
export interface TxfHeader {
  /** Always `042`: the only version read. */
  readonly version: string;
  /** The `A` line: the program that wrote the file. */
  readonly program: string;
  /** The `D` line: the export date. */
  readonly exportDate: IsoDate;
}

/** A date line's value: a date, a word, or nothing (an empty `D` line). */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- names the two words a date line may hold
export type TxfDate = IsoDate | 'VARIOUS' | 'INHERITED' | null;

/** A value line of a record, in file order, with its 1-based line number. */
export type TxfField =
  | { readonly kind: 'P' | 'X'; readonly text: string; readonly line: number }
  | { readonly kind: 'D'; readonly date: TxfDate; readonly line: number }
  | { readonly kind: '$'; readonly cents: Cents | null; readonly line: number };

/** One record (between two `^` lines). */
export interface TxfRecord {
  /** Line of the record's first field. */
  readonly line: number;
  /** `S` summary or `D` detail. */
  readonly type: 'S' | 'D';
  readonly refnum: number;
  readonly copy: number;
  readonly lineNumber: number;
  /** The `P`, `X`, `D` and `$` lines, in file order. */
  readonly fields: readonly TxfField[];
}

/** A parsed TXF file. */
export interface TxfFile {
  readonly header: TxfHeader;
  readonly records: readonly TxfRecord[];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;
const POSITIVE_INT = /^[1-9]\d{0,8}$/;

/** Where the reader is: the file name and the line for the message. */
interface At {
  readonly file: string;
  readonly line: number;
}

function fail(at: At, text: string, why: string): BallastError {
  return new BallastError(
    'INVALID_INPUT',
    `${at.file}:${at.line}: ${why} (got ${JSON.stringify(text)})`,
    { file: at.file, line: at.line, value: text },
  );
}

/** `M/D/YYYY` or `MM/DD/YYYY` to an ISO date, or undefined when it is not a real date. */
export function txfDateToIso(text: string): IsoDate | undefined {
  const m = US_DATE.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A TXF amount (`1,000.00`, `-500`, `12.5`) to exact integer cents, or undefined. */
export function txfAmountToCents(text: string): Cents | undefined {
  if (!AMOUNT.test(text)) return undefined;
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = text.replace('-', '').replaceAll(',', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return undefined;
  return negative && cents !== 0 ? -cents : cents;
}

function dateField(value: string, at: At): TxfDate {
  if (value === '') return null;
  const word = value.toUpperCase();
  if (word === 'VARIOUS' || word === 'INHERITED') return word;
  const iso = txfDateToIso(value);
  if (iso === undefined) throw fail(at, value, 'D: not a MM/DD/YYYY date, VARIOUS or INHERITED');
  return iso;
}

function positive(value: string, at: At, field: { name: string; max?: number }): number {
  const max = field.max ?? Infinity;
  if (!POSITIVE_INT.test(value) || Number(value) > max)
    throw fail(
      at,
      value,
      `${field.name}: not an integer from 1${max === Infinity ? '' : ` to ${max}`}`,
    );
  return Number(value);
}

/** Reads one record's lines (without its `^`) into a record. */
class RecordBuilder {
  private type: 'S' | 'D' | undefined;
  private refnum: number | undefined;
  private copy: number | undefined;
  private lineNumber: number | undefined;
  private readonly fields: TxfField[] = [];

  constructor(readonly start: At) {}

  add(letter: string, value: string, at: At): void {
    const once = (set: unknown, name: string): void => {
      if (set !== undefined) throw fail(at, letter + value, `a second ${name} line in one record`);
    };
    switch (letter) {
      case 'T':
        once(this.type, 'T');
        if (value !== 'S' && value !== 'D') throw fail(at, letter + value, 'T: not S or D');
        this.type = value;
        return;
      case 'N':
        once(this.refnum, 'N');
        this.refnum = positive(value, at, { name: 'N refnum' });
        return;
      case 'C':
        once(this.copy, 'C');
        this.copy = positive(value, at, { name: 'C copy', max: 255 });
        return;
      case 'L':
        once(this.lineNumber, 'L');
        this.lineNumber = positive(value, at, { name: 'L line' });
        return;
      case 'P':
      case 'X':
        this.fields.push({ kind: letter, text: value, line: at.line });
        return;
      case 'D':
        this.fields.push({ kind: 'D', date: dateField(value, at), line: at.line });
        return;
      case '$': {
        const cents = value === '' ? null : txfAmountToCents(value);
        if (cents === undefined) throw fail(at, letter + value, '$: not an amount');
        this.fields.push({ kind: '$', cents, line: at.line });
        return;
      }
      default:
        throw fail(at, letter + value, `unknown field letter ${JSON.stringify(letter)}`);
    }
  }

  build(): TxfRecord {
    if (this.type === undefined) throw fail(this.start, '^', 'record without a T line');
    if (this.refnum === undefined) throw fail(this.start, '^', 'record without an N line');
    return {
      line: this.start.line,
      type: this.type,
      refnum: this.refnum,
      copy: this.copy ?? 1,
      lineNumber: this.lineNumber ?? 1,
      fields: this.fields,
    };
  }
}

function readHeader(lines: readonly string[], file: string): TxfHeader {
  const at = (i: number): At => ({ file, line: i + 1 });
  const [v, a, d, caret] = lines;
  if (v === undefined || !/^V\d{3}$/.test(v)) throw fail(at(0), v ?? '', 'not a V version line');
  if (v !== 'V042') throw fail(at(0), v, 'unsupported TXF version: only V042 is read');
  if (a === undefined || !/^A./.test(a)) throw fail(at(1), a ?? '', 'not an A program line');
  const date =
    d !== undefined && d.startsWith('D') ? txfDateToIso(d.slice(1).replace(/^ /, '')) : undefined;
  if (date === undefined) throw fail(at(2), d ?? '', 'not a D export date line (D MM/DD/YYYY)');
  if (caret !== '^') throw fail(at(3), caret ?? '', 'the header must end with a ^ line');
  return { version: '042', program: a.slice(1), exportDate: date };
}

/**
 * Parses a TXF V042 file (grammar above) into its header and records, each field checked.
 *
 * @param file - name used in error messages (`file:line`).
 * @throws BallastError INVALID_INPUT naming the file, the line and its text.
 */
export function parseTxf(text: string, file = 'TXF'): TxfFile {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    if (!PRINTABLE_ASCII.test(line))
      throw fail({ file, line: i + 1 }, line, line === '' ? 'empty line' : 'not printable ASCII');
  });
  const header = readHeader(lines, file);
  const records: TxfRecord[] = [];
  let builder: RecordBuilder | undefined;
  for (let i = 4; i < lines.length; i++) {
    const line = lines[i]!;
    const at = { file, line: i + 1 };
    if (line === '^') {
      if (builder === undefined) throw fail(at, line, 'empty record (^ right after ^)');
      records.push(builder.build());
      builder = undefined;
      continue;
    }
    const letter = line[0]!;
    if (letter === 'V' || letter === 'A' || letter === '^')
      throw fail(at, line, `${letter} line outside the header`);
    builder ??= new RecordBuilder(at);
    builder.add(letter, line.slice(1), at);
  }
  if (builder !== undefined)
    throw fail(builder.start, lines[builder.start.line - 1]!, 'record not closed by ^');
  return { header, records };
}

/** What a Schedule D refnum says: its holding term (null when unknown) and its Form 8949 copy. */
export interface TxfRefnumMeaning {
  readonly term: 'short' | 'long' | null;
  readonly box: Form8949Box;
}

/** The Schedule D refnums of spec V042 (section X, "Schedule D"; section IV, 11/30/2011). */
export const TXF_SCHEDULE_D: ReadonlyMap<number, TxfRefnumMeaning> = new Map<
  number,
  TxfRefnumMeaning
>([
  [321, { term: 'short', box: 'basis-reported' }],
  [711, { term: 'short', box: 'basis-not-reported' }],
  [712, { term: 'short', box: 'not-reported' }],
  [323, { term: 'long', box: 'basis-reported' }],
  [713, { term: 'long', box: 'basis-not-reported' }],
  [714, { term: 'long', box: 'not-reported' }],
  [673, { term: null, box: 'basis-reported' }],
  [715, { term: null, box: 'basis-not-reported' }],
  [716, { term: null, box: 'not-reported' }],
  [682, { term: null, box: 'basis-reported' }],
  [718, { term: null, box: 'basis-not-reported' }],
]);

/** A Schedule D sale read from a record of format 4 or 5. */
export interface TxfCapitalGain {
  readonly line: number;
  readonly refnum: number;
  /** Holding term of the refnum; null for 673/715/716 (unknown) and 682/718 (wash sale). */
  readonly term: 'short' | 'long' | null;
  /** The Form 8949 copy of the refnum. */
  readonly box: Form8949Box;
  /** `P`: the security. */
  readonly description: string;
  readonly acquired: TxfDate;
  readonly disposed: IsoDate;
  /** First `$`: cost basis; null when the line is empty. */
  readonly costBasisCents: Cents | null;
  /** Second `$`: sales net. */
  readonly proceedsCents: Cents;
  /** Third `$` of format 5: the disallowed wash-sale loss; null when absent or empty. */
  readonly disallowedCents: Cents | null;
  readonly format: 4 | 5;
}

function gainOf(record: TxfRecord, file: string): TxfCapitalGain {
  const meaning = TXF_SCHEDULE_D.get(record.refnum)!;
  const values = record.fields.filter((f) => f.kind !== 'X');
  const shape = values.map((f) => f.kind).join('');
  const at = { file, line: record.line };
  if (shape !== 'PDD$$' && shape !== 'PDD$$$')
    throw fail(at, shape, `N${record.refnum}: fields must be P D D $ $ [$] (record format 4 or 5)`);
  const [p, acquired, sold, cost, proceeds, disallowed] = values as [
    Extract<TxfField, { kind: 'P' | 'X' }>,
    Extract<TxfField, { kind: 'D' }>,
    Extract<TxfField, { kind: 'D' }>,
    Extract<TxfField, { kind: '$' }>,
    Extract<TxfField, { kind: '$' }>,
    Extract<TxfField, { kind: '$' }> | undefined,
  ];
  if (sold.date === null || !isIsoDate(sold.date))
    throw fail({ file, line: sold.line }, String(sold.date), 'date sold must be a date');
  if (proceeds.cents === null) throw fail({ file, line: proceeds.line }, '$', 'sales net is empty');
  return {
    line: record.line,
    refnum: record.refnum,
    term: meaning.term,
    box: meaning.box,
    description: p.text,
    acquired: acquired.date,
    disposed: sold.date,
    costBasisCents: cost.cents,
    proceedsCents: proceeds.cents,
    disallowedCents: disallowed?.cents ?? null,
    format: disallowed === undefined ? 4 : 5,
  };
}

/**
 * The Schedule D sales of a parsed file: every record whose refnum is in {@link TXF_SCHEDULE_D},
 * read as record format 4 (`P`, `D` acquired, `D` sold, `$` cost, `$` sales net) or 5 (and `$`
 * disallowed wash-sale loss); `X` lines are skipped; other records are not sales and are left out.
 *
 * @throws BallastError INVALID_INPUT naming the line of a sale record of another shape, without a
 *   date sold or without sales net.
 */
export function txfCapitalGains(txf: TxfFile, file = 'TXF'): TxfCapitalGain[] {
  return txf.records.filter((r) => TXF_SCHEDULE_D.has(r.refnum)).map((r) => gainOf(r, file));
}
