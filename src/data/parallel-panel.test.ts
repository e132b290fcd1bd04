import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from './test-helpers.ts';
import { readPanelPart } from './csv/panel-part.ts';
import { readReturnsPanel } from './csv/returns-panel.ts';
import { prefetchReturnsPanel, readReturnsPanelParallel } from './parallel-panel.ts';

const dir = mkdtempSync(join(tmpdir(), 'ballast-parallel-panel-'));

/** A `date,A,B,C` file of `rows` weekdays-free daily dates with values from `cell(t, j)`. */
function file(name: string, rows: number, cell: (t: number, j: number) => string): string {
  const lines = ['date,a,b,c'];
  for (let t = 0; t < rows; t++) {
    const date = new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10);
    lines.push([date, cell(t, 0), cell(t, 1), cell(t, 2)].join(','));
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const value = (t: number, j: number): string => String(((t * 7 + j * 13) % 17) / 1000 - 0.008);

const plain = (panel: ReturnType<typeof readReturnsPanel>) => ({
  ids: panel.ids,
  dates: panel.dates,
  columns: panel.columns.map((c) => [...c]),
  dropped: panel.dropped,
});

describe('readReturnsPanelParallel', () => {
  it('reads the panel one thread reads, with the centred cross-products of its columns', async () => {
    const path = file('plain.csv', 200, value);
    const panel = await readReturnsPanelParallel(
      { path },
      { minBytes: 0, gram: true, wasm: false },
    );
    const single = readReturnsPanel({ path });
    expect(plain(panel)).toEqual(plain(single));
    // Second method: Σ_t (x_t − x̄)(y_t − ȳ) over the columns one thread read.
    const { gram } = panel;
    expect(gram?.count).toBe(200);
    const means = single.columns.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
    single.columns.forEach((x, i) =>
      single.columns.forEach((y, j) => {
        let s = 0;
        for (let t = 0; t < 200; t++) s += (x[t]! - means[i]!) * (y[t]! - means[j]!);
        expect(Math.abs(gram!.gram[i * 3 + j]! - s)).toBeLessThan(1e-15);
      }),
    );
    means.forEach((m, j) => expect(Math.abs(gram!.means[j]! - m)).toBeLessThan(1e-17));
  });

  it('counts the dates dropped in both halves and reads quoted cells', async () => {
    const path = file('gaps.csv', 120, (t, j) =>
      (t === 3 || t === 100) && j === 1 ? '' : t === 90 && j === 2 ? '"0.004"' : value(t, j),
    );
    const panel = await readReturnsPanelParallel(
      { path },
      { minBytes: 0, gram: true, wasm: false },
    );
    expect(plain(panel)).toEqual(plain(readReturnsPanel({ path })));
    expect(panel.dropped.count).toBe(2);
    expect(panel.dropped.emptyCells).toEqual({ B: 2 });
    expect(panel.gram?.count).toBe(118);
    expect(panel.columns[2]![89]).toBe(0.004); // row 90 after the dropped row 3
  });

  it('gives the errors one thread gives, naming the line in the second half', async () => {
    const bad = file('bad.csv', 100, (t, j) => (t === 80 && j === 0 ? '5%' : value(t, j)));
    const expected = await failure(() => readReturnsPanel({ path: bad }));
    expect(expected.message).toContain('bad.csv:82:');
    expect(
      await failure(() => readReturnsPanelParallel({ path: bad }, { minBytes: 0, wasm: false })),
    ).toEqual(expected);
  });

  it('refuses dates that go back across the split as one thread does', async () => {
    const lines = [
      'date,a',
      '2020-01-05,0.01',
      '2020-01-06,0.02',
      '2020-01-01,0.03',
      '2020-01-07,0.01',
    ];
    const path = join(dir, 'back.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const expected = await failure(() => readReturnsPanel({ path }));
    expect(expected.message).toContain('ascending');
    const share = 0.6; // the split falls after 2020-01-06
    expect(
      await failure(() => readReturnsPanelParallel({ path }, { minBytes: 0, share, wasm: false })),
    ).toEqual(expected);
  });

  it('reads small files, text and missing files on one thread', async () => {
    const path = file('small.csv', 10, value);
    const small = await readReturnsPanelParallel({ path }, { gram: true, wasm: false });
    expect(small.gram).toBeUndefined();
    expect(plain(small)).toEqual(plain(readReturnsPanel({ path })));
    const text = await readReturnsPanelParallel(
      { text: 'date,a\n2020-01-01,0.01\n2020-01-02,0.02\n', name: 't.csv' },
      { minBytes: 0, gram: true, wasm: false },
    );
    expect(text.gram).toBeUndefined();
    expect([...text.columns[0]!]).toEqual([0.01, 0.02]);
    const missing = await failure(() =>
      readReturnsPanelParallel({ path: join(dir, 'none.csv') }, { minBytes: 0, wasm: false }),
    );
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('prefetchReturnsPanel', () => {
  it('starts the read that a later read of the same file takes over', async () => {
    const path = file('prefetch.csv', 150, value);
    prefetchReturnsPanel(path, { minBytes: 0, wasm: false });
    const panel = await readReturnsPanelParallel(
      { path },
      { minBytes: 0, gram: true, wasm: false },
    );
    expect(plain(panel)).toEqual(plain(readReturnsPanel({ path })));
    expect(panel.gram?.count).toBe(150);
    prefetchReturnsPanel(path, { minBytes: 0, wasm: false });
    const noGram = await readReturnsPanelParallel({ path }, { minBytes: 0, wasm: false });
    expect(noGram.gram).toBeUndefined();
    expect(plain(noGram)).toEqual(plain(panel));
  });

  it('is dropped when the file changed before the read', async () => {
    const path = file('changed.csv', 150, value);
    prefetchReturnsPanel(path, { minBytes: 0, wasm: false });
    file('changed.csv', 140, (t, j) => value(t + 1, j));
    const panel = await readReturnsPanelParallel(
      { path },
      { minBytes: 0, gram: true, wasm: false },
    );
    expect(panel.dates).toHaveLength(140);
    expect(plain(panel)).toEqual(plain(readReturnsPanel({ path })));
  });

  it('reads a file on two threads with the WebAssembly reader, the worker started ahead', async () => {
    const path = file('whole.csv', 150, value);
    prefetchReturnsPanel(path, { minBytes: 0 });
    const panel = await readReturnsPanelParallel({ path }, { gram: true });
    expect(plain(panel)).toEqual(plain(readReturnsPanel({ path })));
    expect(panel.gram?.count).toBe(150);
    // Second method for the combined Gram: the two-pass sums over the whole panel.
    const means = panel.columns.map((c) => c.reduce((a, v) => a + v, 0) / c.length);
    let s01 = 0;
    for (let t = 0; t < 150; t++)
      s01 += (panel.columns[0]![t]! - means[0]!) * (panel.columns[1]![t]! - means[1]!);
    expect(Math.abs(panel.gram!.gram[1]! - s01)).toBeLessThan(1e-15);
    // Lower-case ids: the worker's part has none; the ids come from this thread's header.
    prefetchReturnsPanel(path, { minBytes: 0 });
    const lower = await readReturnsPanelParallel({ path }, { columnCase: 'lower' });
    expect(lower.ids).toEqual(['a', 'b', 'c']);
    expect(plain(lower)).toEqual(plain(readReturnsPanel({ path }, { columnCase: 'lower' })));
  });

  it('reads a file the kernels leave alone with the JavaScript reader after a prefetch', async () => {
    const path = file('quoted.csv', 150, (t, j) => (t === 9 && j === 0 ? '"0.002"' : value(t, j)));
    prefetchReturnsPanel(path, { minBytes: 0 });
    const panel = await readReturnsPanelParallel({ path });
    expect(plain(panel)).toEqual(plain(readReturnsPanel({ path })));
    expect(panel.columns[0]![9]).toBe(0.002);
  });

  it('refuses dates that go back across the split, as one thread does', async () => {
    const path = file('back-ahead.csv', 150, value);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(120, 1, `2020-01-02${lines[120]!.slice(10)}`); // a date after the split goes back
    writeFileSync(path, lines.join('\n'));
    const expected = await failure(() => readReturnsPanel({ path }));
    expect(expected.message).toContain('ascending');
    prefetchReturnsPanel(path, { minBytes: 0 });
    expect(await failure(() => readReturnsPanelParallel({ path }, { gram: true }))).toEqual(
      expected,
    );
  });

  it('does nothing for a small or missing file', async () => {
    const path = file('tiny.csv', 5, value);
    prefetchReturnsPanel(path);
    prefetchReturnsPanel(join(dir, 'absent.csv'), { minBytes: 0 });
    expect(plain(await readReturnsPanelParallel({ path }))).toEqual(
      plain(readReturnsPanel({ path })),
    );
  });
});

describe('readPanelPart', () => {
  it('reads the lines of a byte range after the header', () => {
    const path = join(dir, 'part.csv');
    const text = 'date,a,b\n2020-01-01,0.01,0.02\n2020-01-02,0.03,\n2020-01-03,0.05,0.06\n';
    writeFileSync(path, text);
    const start = text.indexOf('2020-01-02');
    const result = readPanelPart({
      path,
      start,
      end: text.length,
      header: ['date', 'a', 'b'],
      gram: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.part.dates).toEqual(['2020-01-03']);
    expect(result.part.firstDate).toBe('2020-01-02');
    expect([...result.part.empty]).toEqual([0, 1]);
    expect(result.part.total).toBe(2);
    expect(result.part.columns.map((c) => [...c])).toEqual([[0.05], [0.06]]);
  });

  it('gives up on a refused row or an unreadable file', () => {
    const path = join(dir, 'part-bad.csv');
    writeFileSync(path, 'date,a\n2020-01-01,x\n');
    expect(readPanelPart({ path, start: 7, end: 100, header: ['date', 'a'], gram: false })).toEqual(
      {
        ok: false,
      },
    );
    expect(
      readPanelPart({
        path: join(dir, 'nope.csv'),
        start: 0,
        end: 9,
        header: ['date', 'a'],
        gram: false,
      }),
    ).toEqual({ ok: false });
  });
});
