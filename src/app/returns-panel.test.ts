import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { loadReturnsPanel } from './returns-panel.ts';

const opened: { close(): Promise<void> }[] = [];
const deps = (...args: Parameters<typeof testDeps>) => {
  const d = testDeps(...args);
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

describe('loadReturnsPanel from a file', () => {
  it('keeps the dates every column has and reports the date dropped inside the window', async () => {
    const text = [
      'date,a,b',
      '2024-01-31,0.01,0.02',
      '2024-02-29,0.03,', // b has no value: the date drops out for both, reported
      '2024-03-31,-0.02,0.01',
      '2024-04-30,0.02,-0.01',
    ].join('\n');
    const panel = await loadReturnsPanel({ kind: 'file', file: { text, name: 'gap.csv' } }, deps());
    expect(panel.origin).toBe('file');
    expect(panel.periodsPerYear).toBeUndefined();
    expect(panel.table.ids).toEqual(['A', 'B']);
    expect(panel.table.dates).toEqual(['2024-01-31', '2024-03-31', '2024-04-30']);
    expect(Array.from(panel.table.columns[0]!)).toEqual([0.01, -0.02, 0.02]);
    expect(panel.warnings).toHaveLength(1);
    expect(panel.warnings[0]).toMatchObject({
      code: 'DATES_DROPPED',
      details: { dropped: 1, missingBySeries: { B: 1 }, dates: ['2024-02-29'] },
    });
  });

  it('turns prices into simple returns: 100 → 110 → 99 gives +10 % then −10 %', async () => {
    const text = 'date,x\n2024-01-02,100\n2024-01-03,110\n2024-01-04,99\n';
    const panel = await loadReturnsPanel({ kind: 'file', file: { text }, prices: true }, deps());
    expect(panel.table.dates).toEqual(['2024-01-03', '2024-01-04']);
    const [up, down] = Array.from(panel.table.columns[0]!);
    expect(up).toBeCloseTo(110 / 100 - 1, 15);
    expect(down).toBeCloseTo(99 / 110 - 1, 15);
  });

  it('refuses a non-positive price naming the column and date', async () => {
    const text = 'date,x\n2024-01-02,100\n2024-01-03,0\n';
    await expect(
      loadReturnsPanel({ kind: 'file', file: { text }, prices: true }, deps()),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'file.X', value: 0 } });
  });

  it('names the field of a bad source', async () => {
    await expect(loadReturnsPanel({ kind: 'nope' } as never, deps())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'kind' },
    });
  });
});

describe('loadReturnsPanel for the exposure universe', () => {
  it('falls back to the bundled monthly real returns when the store is empty', async () => {
    const panel = await loadReturnsPanel({ kind: 'universe' }, deps());
    expect(panel.origin).toBe('sample');
    expect(panel.periodsPerYear).toBe(12);
    expect(panel.warnings.map((w) => w.code)).toEqual(['SAMPLE_DATA']);
    // the file itself, read independently: header ids and the first row's first value
    const lines = readFileSync('data/samples/exposure_real_returns_monthly.csv', 'utf8')
      .trim()
      .split('\n');
    const header = lines[0]!.split(',').slice(1);
    expect(panel.table.ids).toEqual(header);
    expect(panel.table.dates).toHaveLength(lines.length - 1);
    expect(panel.table.columns[0]![0]).toBe(Number(lines[1]!.split(',')[1]));
  });

  it('refuses source store when the store holds no universe data', async () => {
    await expect(
      loadReturnsPanel({ kind: 'universe', source: 'store' }, deps()),
    ).rejects.toMatchObject({ code: 'DATA_UNAVAILABLE' });
  });
});

describe('loadReturnsPanel for stored symbols', () => {
  it('computes total returns from imported prices, offline, at the requested frequency', async () => {
    const d = deps({ offline: true });
    const prices = [
      'date,close,dividend',
      '2024-03-01,50,',
      '2024-03-04,51,', // 51/50 − 1 = +2 %
      '2024-03-05,50,0.49', // (50 + 0.49)/51 − 1 = −1 %
    ].join('\n');
    await dataImport({ file: { text: prices }, kind: 'prices', symbol: 'abc' }, d);
    await dataImport(
      { file: { text: prices.replace(',0.49', ',') }, kind: 'prices', symbol: 'XYZ' },
      d,
    );
    const panel = await loadReturnsPanel(
      { kind: 'symbols', symbols: ['abc', ' xyz '], from: '2024-03-01', to: '2024-03-05' },
      d,
    );
    expect(panel.origin).toBe('symbols');
    expect(panel.periodsPerYear).toBe(252);
    expect(panel.table.ids).toEqual(['ABC', 'XYZ']);
    expect(panel.table.dates).toEqual(['2024-03-04', '2024-03-05']);
    expect(panel.table.columns[0]![0]).toBeCloseTo(0.02, 14);
    expect(panel.table.columns[0]![1]).toBeCloseTo(-0.01, 14);
    expect(panel.table.columns[1]![1]).toBeCloseTo(50 / 51 - 1, 14);
    expect(panel.provenance?.ABC?.source).toBe('csv:input');
  });
});
