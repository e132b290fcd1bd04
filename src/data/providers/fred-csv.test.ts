import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fredNumber, parseFredCsv } from './fred-csv.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/providers/fred/${name}`, import.meta.url), 'utf8');

describe('FRED CSV download', () => {
  it('reads the current (observation_date, empty cell) and older (DATE, ".") layouts alike', () => {
    const current = parseFredCsv(fixture('dgs3mo.csv'), 'DGS3MO');
    const legacy = parseFredCsv(fixture('dgs3mo-legacy.csv'), 'DGS3MO');
    expect(legacy).toEqual(current);
    expect(current.map((o) => o.date)).toEqual([
      '2023-12-26',
      '2023-12-27',
      '2023-12-28',
      '2023-12-29',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
    ]);
    expect(current[3]).toEqual({ date: '2023-12-29', value: 5.4 });
  });

  it('returns no observations for a header-only file', () => {
    expect(parseFredCsv('\uFEFFobservation_date,DGS10\r\n', 'DGS10')).toEqual([]);
  });

  it('reports a CSV of another series, an HTML page or a non-number as malformed', () => {
    expect(() => parseFredCsv(fixture('dgs3mo.csv'), 'DGS10')).toThrow(/malformed.*header/);
    expect(() => parseFredCsv('<html><body>error</body></html>', 'DGS3MO')).toThrow(/malformed/);
    expect(() => parseFredCsv('observation_date,DGS3MO\n2024-01-02,five\n', 'DGS3MO')).toThrow(
      /not a number/,
    );
    expect(() => parseFredCsv('observation_date,DGS3MO\n01/02/2024,4.1\n', 'DGS3MO')).toThrow(
      /line 2/,
    );
  });

  it('treats "." and an empty cell as missing, never as zero', () => {
    expect(fredNumber('2024-01-01', '.')).toBeUndefined();
    expect(fredNumber('2024-01-01', '')).toBeUndefined();
    expect(fredNumber('2024-01-02', '0.00')).toBe(0);
    expect(fredNumber('2024-01-02', '-0.05')).toBe(-0.05);
  });
});
