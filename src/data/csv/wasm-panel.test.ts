import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../test-helpers.ts';
import { createRng } from '../../core/random/index.ts';
import { prefetchReturnsPanel, readReturnsPanelParallel } from '../parallel-panel.ts';
import { readReturnsPanel } from './returns-panel.ts';
import {
  mergeCentredGramsWasm,
  readHeadWasm,
  readReturnsPanelWasm,
  wasmPanelAvailable,
} from './wasm-panel.ts';
import { centredGram, mergeCentredGrams } from '../../core/stats/centred-gram.ts';

const dir = mkdtempSync(join(tmpdir(), 'ballast-wasm-panel-'));
let files = 0;

/** Writes `text` to a new file and returns its path. */
function write(text: string): string {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

const plain = (panel: ReturnType<typeof readReturnsPanel>) => ({
  ids: panel.ids,
  dates: panel.dates,
  // Object.is keeps −0 apart from 0 (toEqual on numbers would too; spelled out here).
  columns: panel.columns.map((c) => [...c].map((v) => (Object.is(v, -0) ? '-0' : v))),
  dropped: panel.dropped,
});

describe('readReturnsPanelWasm', () => {
  it('is built for the tests (scripts/build-wasm.mjs in the global setup)', () => {
    expect(wasmPanelAvailable()).toBe(true);
  });

  it('reads the panel the JavaScript reader reads, cell for cell', () => {
    // Every number path: ≤ 15 digits (exact), 16–19 digits (double-double), more digits and
    // exponents beyond ±22 (Number()), signs, −0, leading zeros, a bare point, CRLF, empty
    // cells (dropped dates), an empty line, a BOM and a quoted header, no final line feed.
    const text =
      '\uFEFFdate,"a",b,c\r\n' +
      '2020-01-01,0.012,-0.0052360124583730025,6.334887228237043e-8\r\n' +
      '2020-01-02,+1.5e-3,0.12345678901234567890123,-0\r\n' +
      '2020-01-03,,0.5,0.25\n' +
      '\n' +
      '2020-01-06,007.50,.5,1.\n' +
      '2020-01-07,1e-30,-0.99999999999999999999,999999999999999.9\n' +
      '2020-01-08,1.234567890123456e-25,1e+2,0.00001234567890123456789\n' +
      '2020-01-09,0.1,0.2,';
    const path = write(text);
    const fast = readReturnsPanelWasm(path);
    expect(fast).toBeDefined();
    const js = readReturnsPanel({ path });
    expect(plain(fast!)).toEqual(plain(js));
    expect(fast!.dropped.count).toBe(2);
    expect(fast!.dropped.emptyCells).toEqual({ A: 1, C: 1 });
    // Spot values by hand: Number() of the cell text.
    expect(fast!.columns[1]![0]).toBe(Number('-0.0052360124583730025'));
    expect(fast!.columns[2]![0]).toBe(6.334887228237043e-8);
    expect(Object.is(fast!.columns[2]![1], -0)).toBe(true);
    expect(fast!.columns[0]![2]).toBe(7.5);
  });

  it('reads 20,000 random decimals exactly as Number() does', () => {
    const random = createRng(20261207);
    const rng = (): number => random.nextFloat();
    const digits = (n: number): string =>
      Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
    const cells: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const form = k % 5;
      const sign = rng() < 0.5 ? '-' : '';
      if (form === 0)
        cells.push(String((rng() - 0.5) * 0.1)); // shortest round trip
      else if (form === 1) cells.push(`${sign}0.${digits(1 + Math.floor(rng() * 22))}`);
      else if (form === 2) cells.push(`${digits(1 + Math.floor(rng() * 3))}.${digits(17)}`);
      else if (form === 3)
        cells.push(`${sign}${digits(1)}.${digits(15)}e-${1 + Math.floor(rng() * 30)}`);
      else cells.push(`0.${'0'.repeat(Math.floor(rng() * 6))}${digits(19)}`);
    }
    const width = 8;
    const lines = ['date,' + Array.from({ length: width }, (_, j) => `s${j}`).join(',')];
    for (let r = 0; r * width < cells.length; r++) {
      const date = new Date(Date.UTC(2000, 0, 1 + r)).toISOString().slice(0, 10);
      lines.push([date, ...cells.slice(r * width, (r + 1) * width)].join(','));
    }
    const panel = readReturnsPanelWasm(write(`${lines.join('\n')}\n`));
    expect(panel).toBeDefined();
    let differ = 0;
    cells.forEach((cell, k) => {
      const expected = Number(cell);
      const got = panel!.columns[k % width]![Math.floor(k / width)];
      if (!Object.is(got, expected)) differ++;
    });
    expect(differ).toBe(0);
  });

  it('gives the centred cross-products of the columns (a second method: two-pass sums)', () => {
    // 5 columns (not a multiple of the kernel's 4) and 7 complete rows (odd) after a drop.
    const rows = ['date,a,b,c,d,e'];
    for (let t = 0; t < 8; t++) {
      const cells = [0, 1, 2, 3, 4].map((j) =>
        t === 2 && j === 3 ? '' : String(((t * 7 + j * 13) % 17) / 1000 - 0.008),
      );
      rows.push([`2021-03-${String(t + 1).padStart(2, '0')}`, ...cells].join(','));
    }
    const path = write(`${rows.join('\n')}\n`);
    const panel = readReturnsPanelWasm(path, { gram: true })!;
    const { gram } = panel;
    expect(gram?.count).toBe(7);
    const js = readReturnsPanel({ path });
    const means = js.columns.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
    js.columns.forEach((x, i) =>
      js.columns.forEach((y, j) => {
        let s = 0;
        for (let t = 0; t < 7; t++) s += (x[t]! - means[i]!) * (y[t]! - means[j]!);
        expect(Math.abs(gram!.gram[i * 5 + j]! - s)).toBeLessThan(1e-17);
      }),
    );
    means.forEach((m, j) => expect(gram!.means[j]).toBe(m));
  });

  it.each([
    ['a quoted cell', 'date,a\n2020-01-01,"0.1"\n'],
    ['a blank in a cell', 'date,a\n2020-01-01, 0.1\n'],
    ['a percentage', 'date,a\n2020-01-01,5%\n'],
    ['another date form', 'date,a\n2020/01/01,0.1\n'],
    ['a date that does not exist', 'date,a\n2020-02-30,0.1\n'],
    ['dates out of order', 'date,a\n2020-01-02,0.1\n2020-01-01,0.2\n'],
    ['a repeated date', 'date,a\n2020-01-02,0.1\n2020-01-02,0.2\n'],
    ['too many cells', 'date,a\n2020-01-01,0.1,0.2\n'],
    ['too few cells', 'date,a,b\n2020-01-01,0.1\n'],
    ['a return below -1', 'date,a\n2020-01-01,-1.5\n'],
    ['a value too large', 'date,a\n2020-01-01,1e16\n'],
    ['text in a cell', 'date,a\n2020-01-01,abc\n'],
    ['no complete row', 'date,a,b\n2020-01-01,0.1,\n'],
    ['a header only', 'date,a\n'],
    ['a bad header', 'when,a\n2020-01-01,0.1\n'],
  ])('leaves %s to the JavaScript reader, which gives the same result', async (_, text) => {
    const path = write(text);
    expect(readReturnsPanelWasm(path)).toBeUndefined();
    const expected = await failure(() => readReturnsPanel({ path })).catch(() => undefined);
    const got = await failure(() => readReturnsPanelParallel({ path })).catch(() => undefined);
    if (expected === undefined) {
      expect(plain(await readReturnsPanelParallel({ path }))).toEqual(
        plain(readReturnsPanel({ path })),
      );
    } else expect(got).toEqual(expected);
  });

  it('reads a file right after a larger one as the JavaScript reader does (a reused instance)', () => {
    // The kernels keep their instance between reads: the second, shorter file lands on memory
    // still holding the first one's bytes, parsed values and centred columns.
    const rng = createRng(11);
    const long = ['date,a,b,c,d,e,f,g'];
    for (let t = 0; t < 300; t++) {
      const cells = Array.from({ length: 7 }, () => String(rng.nextFloat() / 50 - 0.01));
      long.push(
        [
          `2020-${String(1 + Math.floor(t / 28)).padStart(2, '0')}-${String(1 + (t % 28)).padStart(2, '0')}`,
          ...cells,
        ].join(','),
      );
    }
    const first = write(`${long.join('\n')}\n`);
    // No final line feed: the byte after the text must read as the end, not as old bytes.
    const second = write('date,x,y,z\n2021-01-04,0.01,0.02,0.03\n2021-01-05,-0.01,0.5,-0.25');
    for (const path of [first, second, first]) {
      const fast = readReturnsPanelWasm(path, { gram: true });
      expect(fast).toBeDefined();
      expect(plain(fast!)).toEqual(plain(readReturnsPanel({ path })));
      const js = readReturnsPanel({ path });
      const expected = centredGram(js.columns, js.dates.length);
      let differ = 0;
      expected.gram.forEach((v, k) => (Math.abs(v - fast!.gram!.gram[k]!) <= 1e-15 ? 0 : differ++));
      expect(differ).toBe(0);
    }
    // By hand for the second file: means (0.01 − 0.01)/2 = 0, so the Gram of column x is
    // 0.01² + 0.01² = 2e-4.
    const again = readReturnsPanelWasm(second, { gram: true })!;
    expect(again.gram!.gram[0]).toBeCloseTo(2e-4, 18);
  });

  it('reads a file larger than its window, lines across the edges, as the JavaScript reader does', async () => {
    // ~4 MB: read through the kernels' 1 MB window in rounds, on one thread and on two (the
    // worker's range and this thread's head both span rounds). CRLF on some lines, blank lines,
    // a row with an empty cell (dropped), no final line feed.
    const rng = createRng(29);
    const width = 40;
    const lines = [['date', ...Array.from({ length: width }, (_, j) => `c${j}`)].join(',')];
    for (let t = 0; t < 5000; t++) {
      const date = new Date(Date.UTC(2000, 0, 1 + t)).toISOString().slice(0, 10);
      const cells = Array.from({ length: width }, (_, j) =>
        t === 1234 && j === 7
          ? ''
          : j % 5 === 0
            ? (rng.nextFloat() / 10).toFixed(4)
            : String(rng.nextFloat() / 10 - 0.05),
      );
      lines.push([date, ...cells].join(',') + (t % 7 === 3 ? '\r' : ''));
      if (t % 500 === 250) lines.push('');
    }
    const path = write(lines.join('\n'));
    const js = readReturnsPanel({ path });
    expect(js.dates.length).toBe(4999);
    const fast = readReturnsPanelWasm(path, { gram: true });
    expect(fast).toBeDefined();
    expect(plain(fast!)).toEqual(plain(js));
    prefetchReturnsPanel(path, { minBytes: 0 });
    const parallel = await readReturnsPanelParallel({ path }, { gram: true });
    expect(plain(parallel)).toEqual(plain(js));
    // The Gram of both against the two-pass sums of one entry (a second method).
    const means = js.columns.map((c) => c.reduce((a, v) => a + v, 0) / c.length);
    let s = 0;
    for (let t = 0; t < js.dates.length; t++)
      s += (js.columns[3]![t]! - means[3]!) * (js.columns[17]![t]! - means[17]!);
    expect(Math.abs(fast!.gram!.gram[3 * width + 17]! - s)).toBeLessThan(1e-13);
    expect(Math.abs(parallel.gram!.gram[3 * width + 17]! - s)).toBeLessThan(1e-13);
  });

  it('leaves a line longer than its window to the JavaScript reader', async () => {
    // A row of 80,000 cells of 16–17 characters: over 1 MB.
    const width = 80000;
    const header = ['date', ...Array.from({ length: width }, (_, j) => `c${j}`)].join(',');
    const row = (d: string): string =>
      [d, ...Array.from({ length: width }, (_, j) => `0.012345678901${j % 97}`)].join(',');
    const path = write(`${header}\n${row('2020-01-01')}\n${row('2020-01-02')}\n`);
    expect(readReturnsPanelWasm(path)).toBeUndefined();
    const panel = await readReturnsPanelParallel({ path });
    expect(panel.dates).toEqual(['2020-01-01', '2020-01-02']);
    expect(panel.columns[79999]![1]).toBe(Number(`0.012345678901${79999 % 97}`));
  });

  it("gives each column's first and last dates with a value, and its empty cells", () => {
    // By hand: a has values on 01-02, 01-03 and 01-06, b on 01-01, 01-02, 01-06 and 01-07.
    const path = write(
      'date,a,b\n' +
        '2020-01-01,,0.1\n' +
        '2020-01-02,0.2,0.3\n' +
        '2020-01-03,0.4,\n' +
        '2020-01-06,0.5,0.6\n' +
        '2020-01-07,,0.7\n' +
        '2020-01-08,,\n',
    );
    const head = readHeadWasm(path)!;
    expect(head.part.first).toEqual(['2020-01-02', '2020-01-01']);
    expect(head.part.last).toEqual(['2020-01-06', '2020-01-07']);
    expect([...head.part.empty]).toEqual([3, 2]);
    expect(head.part.dates).toEqual(['2020-01-02', '2020-01-06']);
    expect(head.part.droppedDates).toEqual([
      '2020-01-01',
      '2020-01-03',
      '2020-01-07',
      '2020-01-08',
    ]);
  });

  it('merges a part with an empty one into a whole Gram (parts hold their upper triangle)', () => {
    const part = { count: 3, means: Float64Array.of(0.1, 0.2), gram: Float64Array.of(2, 5, 0, 7) };
    const none = { count: 0, means: Float64Array.of(0, 0), gram: new Float64Array(4) };
    expect([...mergeCentredGramsWasm(none, part).gram]).toEqual([2, 5, 5, 7]);
  });

  it('fills columns reserved in given storage when parts are appended (PanelRows.reserve)', () => {
    const path = write('date,a,b\n2020-01-01,0.1,0.2\n2020-01-02,0.3,0.4\n2020-01-03,0.5,0.6\n');
    const head = readHeadWasm(path, { end: 28 })!;
    expect(head.part.dates).toEqual(['2020-01-01']);
    const storage = new Float64Array(2 * 3);
    // Too small a storage, then the right one.
    expect(head.rows.reserve(3, new Float64Array(5))).toBe(false);
    expect(head.rows.reserve(3, storage)).toBe(true);
    const rest = readHeadWasm(path)!.part;
    const tail = { ...rest, dates: rest.dates.slice(1), firstDate: '2020-01-02', total: 2 };
    const columns = rest.columns.map((c) => c.subarray(1));
    expect(head.rows.append(head.part)).toBe(true);
    expect(head.rows.append({ ...tail, columns })).toBe(true);
    const panel = head.rows.finish();
    // By hand: column a = 0.1, 0.3, 0.5 and b = 0.2, 0.4, 0.6, written into the storage.
    expect([...storage]).toEqual([0.1, 0.3, 0.5, 0.2, 0.4, 0.6]);
    expect(panel.columns[1]!.buffer).toBe(storage.buffer);
    expect(head.rows.reserve(3, storage)).toBe(false);
  });

  it('reads a missing file as undefined (the JavaScript reader names it)', async () => {
    const path = join(dir, 'absent.csv');
    expect(readReturnsPanelWasm(path)).toBeUndefined();
    expect((await failure(() => readReturnsPanelParallel({ path }))).code).toBe('NOT_FOUND');
  });

  it("merges two blocks' Grams as mergeCentredGrams does, bit for bit", () => {
    const random = createRng(5);
    const block = (rows: number, width: number): Float64Array[] =>
      Array.from({ length: width }, () =>
        Float64Array.from({ length: rows }, () => random.nextFloat() * 0.02 - 0.01),
      );
    const width = 37;
    const a = centredGram(block(50, width), 50);
    const b = centredGram(block(31, width), 31);
    const js = mergeCentredGrams(a, b);
    const wasm = mergeCentredGramsWasm(a, b);
    expect(wasm.count).toBe(81);
    expect([...wasm.means]).toEqual([...js.means]);
    let differ = 0;
    js.gram.forEach((v, i) => (Object.is(v, wasm.gram[i]) ? 0 : differ++));
    expect(differ).toBe(0);
    // By hand on one entry: G = A + B + (T_a·T_b/T)·δ_i·δ_j (Chan, Golub and LeVeque).
    const w = (50 * 31) / 81;
    const d3 = b.means[3]! - a.means[3]!;
    const d5 = b.means[5]! - a.means[5]!;
    const expected = a.gram[3 * width + 5]! + b.gram[3 * width + 5]! + w * d3 * d5;
    expect(Math.abs(wasm.gram[5 * width + 3]! - expected)).toBeLessThan(1e-18);
    // An empty block: the other one, as the JavaScript function gives it.
    const none = {
      count: 0,
      means: new Float64Array(width),
      gram: new Float64Array(width * width),
    };
    expect(mergeCentredGramsWasm(a, none)).toBe(a);
    // The merged matrix is a view of its instance's memory, which no later read or merge uses.
    const kept = Float64Array.from(wasm.gram);
    mergeCentredGramsWasm(b, a);
    readReturnsPanelWasm(write('date,x,y\n2021-01-04,0.5,0.25\n2021-01-05,0.125,0.75\n'), {
      gram: true,
    });
    expect([...wasm.gram]).toEqual([...kept]);
  });
});
