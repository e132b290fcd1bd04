import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { dataList } from './data-list.ts';

describe('dataList use case', () => {
  it('lists stored prices then series with their range, rows and provenance', async () => {
    const d = testDeps();
    try {
      expect(await dataList({}, d)).toEqual([]);
      await dataImport(
        {
          file: { text: 'date,value\n2024-01-02,0.05\n2024-01-03,0.051\n', name: 'cash.csv' },
          kind: 'series',
          symbol: 'dgs3mo',
        },
        d,
      );
      await dataImport(
        {
          file: {
            text: 'date,close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n',
            name: 'z.csv',
          },
          symbol: 'zzz',
        },
        d,
      );
      const list = await dataList({}, d);
      expect(list.map((e) => [e.kind, e.id, e.first, e.last, e.rows])).toEqual([
        ['prices', 'ZZZ', '2024-01-02', '2024-01-04', 3],
        ['series', 'DGS3MO', '2024-01-02', '2024-01-03', 2],
      ]);
      expect(list[0]).toMatchObject({
        sources: ['csv:z.csv'],
        fetchedAt: '2024-06-20T20:00:00.000Z',
      });
    } finally {
      await d.close();
    }
  });
});
