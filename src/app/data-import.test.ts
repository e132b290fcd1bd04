import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport, IMPORT_CHUNK_ROWS } from './data-import.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
const deps = () => {
  const d = testDeps();
  opened.push(d);
  return d;
};

/** `rows` daily closes from 1990-01-01 on (one calendar day apart), close 100 + i/100. */
function pricesCsv(rows: number): string {
  const start = Date.UTC(1990, 0, 1);
  const lines = ['date,close'];
  for (let i = 0; i < rows; i++)
    lines.push(`${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${100 + i / 100}`);
  return lines.join('\n');
}

describe('dataImport use case', () => {
  it('writes 12,000 prices in chunks of 5,000 (progress in characters), then nothing on re-import', async () => {
    const d = deps();
    const text = pricesCsv(12_000);
    const doc = await dataImport(
      { file: { text, name: 'big.csv' }, kind: 'prices', symbol: ' big ' },
      d,
    );
    expect(doc).toEqual([{ id: 'BIG', kind: 'prices', rows: 12_000, written: 12_000 }]);
    expect(IMPORT_CHUNK_ROWS).toBe(5000);
    expect(d.progress.tasks[0]).toMatchObject({ total: text.length, done: true });
    const ticks = d.progress.tasks[0]!.ticks;
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(text.length);
    const store = await d.store();
    const coverage = await store.coverage('BIG');
    expect(coverage).toMatchObject({
      first: '1990-01-01',
      rows: 12_000,
      source: 'csv:big.csv',
      fetchedAt: '2024-06-20T20:00:00.000Z',
    });
    const again = await dataImport(
      { file: { text, name: 'big.csv' }, kind: 'prices', symbol: 'BIG' },
      d,
    );
    expect(again[0]!.written).toBe(0);
  });

  it('stores each column of a returns file as RETURNS:<column>', async () => {
    const d = deps();
    const doc = await dataImport(
      {
        file: { text: 'date,spy,agg\n2024-01-31,0.01,0.002\n2024-02-29,,-0.001\n', name: 'r.csv' },
        kind: 'returns',
      },
      d,
    );
    // the empty SPY cell is a missing observation, not a zero
    expect(doc).toEqual([
      { id: 'RETURNS:SPY', kind: 'returns', rows: 1, written: 1 },
      { id: 'RETURNS:AGG', kind: 'returns', rows: 2, written: 2 },
    ]);
    const points = await (await d.store()).getSeriesPoints('RETURNS:AGG');
    expect(points.map((p) => p.value)).toEqual([0.002, -0.001]);
  });

  it('needs a symbol for prices and writes nothing from a bad file', async () => {
    const d = deps();
    await expect(
      dataImport({ file: { text: 'date,close\n2024-01-02,1\n' }, kind: 'prices' }, d),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'symbol' } });
    await expect(
      dataImport(
        {
          file: { text: 'date,close\n2024-01-02,1\n2024-01-03,abc\n', name: 'bad.csv' },
          symbol: 'X',
        },
        d,
      ),
    ).rejects.toThrow(/bad\.csv:3/);
    expect(await (await d.store()).listCoverage()).toEqual([]);
  });

  it('streams an import into PGlite the same way, all or nothing', async () => {
    const d = testDeps({ db: 'pglite://memory' });
    opened.push(d);
    const doc = await dataImport(
      { file: { text: pricesCsv(6_000), name: 'p.csv' }, symbol: 'PG' },
      d,
    );
    expect(doc).toEqual([{ id: 'PG', kind: 'prices', rows: 6_000, written: 6_000 }]);
    const bad = `${pricesCsv(6_000)}\n2010-01-01,abc`;
    await expect(
      dataImport({ file: { text: bad, name: 'bad.csv' }, symbol: 'PG2' }, d),
    ).rejects.toThrow(/bad\.csv:6002/);
    expect((await (await d.store()).listCoverage()).map((c) => c.id)).toEqual(['PG']);
  }, 60_000);
});
