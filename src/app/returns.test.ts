import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { returns, returnsRows } from './returns.ts';

describe('returns use case (stored data, offline)', () => {
  it('computes total and price returns with a dividend and a split by hand, and aligns them', async () => {
    const d = testDeps({ offline: true });
    try {
      await dataImport(
        {
          file: {
            text: [
              'date,close,dividend,split',
              '2024-03-01,40,,',
              '2024-03-04,41,0.2,', // total (41 + 0.2)/40 − 1 = +3 %; price 41/40 − 1 = +2.5 %
              '2024-03-05,20.5,,2', // 20.5/(41/2) − 1 = 0
              '2024-03-07,18.45,,', // 18.45/20.5 − 1 = −10 % (03-06 missing: a gap, no fill)
            ].join('\n'),
          },
          symbol: 'DIV',
        },
        d,
      );
      await dataImport(
        {
          file: {
            text: 'date,close\n2024-03-01,10\n2024-03-04,11\n2024-03-05,11\n2024-03-06,12.1\n2024-03-07,12.1\n',
          },
          symbol: 'PLN',
        },
        d,
      );
      const range = { from: '2024-03-01', to: '2024-03-07' };
      const total = await returns({ symbols: ['div', 'PLN'], ...range }, d);
      expect(total.series.DIV!.map((p) => p.date)).toEqual([
        '2024-03-04',
        '2024-03-05',
        '2024-03-07',
      ]);
      const [r1, r2, r3] = total.series.DIV!.map((p) => p.value);
      expect(r1).toBeCloseTo(0.03, 14);
      expect(r2).toBeCloseTo(0, 14);
      expect(r3).toBeCloseTo(-0.1, 14);
      // common dates drop PLN's 03-06 (DIV has no value there), and say so
      expect(total.series.PLN!.map((p) => p.value)).toEqual([11 / 10 - 1, 0, 12.1 / 12.1 - 1]);
      expect(total.warnings.map((w) => w.code)).toContain('DATES_DROPPED');
      expect(total.provenance.DIV).toMatchObject({ source: 'csv:input', stale: true });
      const price = await returns({ symbols: ['DIV'], kind: 'price', ...range }, d);
      expect(price.series.DIV![0]!.value).toBeCloseTo(0.025, 14);
      const pairwise = await returns({ symbols: ['DIV', 'PLN'], align: 'pairwise', ...range }, d);
      const table = returnsRows(pairwise);
      expect(table.ids).toEqual(['DIV', 'PLN']);
      expect(table.rows.find((r) => r.date === '2024-03-06')!.values).toEqual([
        null,
        12.1 / 11 - 1,
      ]);
    } finally {
      await d.close();
    }
  });

  it('says when the default ten-year window is shorter than what is stored', async () => {
    // today 2024-06-20 → default from 2014-06-20; the store holds 2013
    const d = testDeps({ offline: true });
    try {
      await dataImport(
        {
          file: {
            text: 'date,close\n2013-01-02,10\n2013-01-03,11\n2024-06-17,20\n2024-06-18,21\n',
          },
          symbol: 'OLD',
        },
        d,
      );
      const doc = await returns({ symbols: ['OLD'] }, d);
      const w = doc.warnings.find((x) => x.code === 'WINDOW_SHORTER_THAN_STORED');
      expect(w?.details).toEqual({
        from: '2014-06-20',
        to: '2024-06-20',
        storedFrom: { OLD: '2013-01-02' },
      });
      // 21/20 − 1 on 06-18 (06-17 has no previous close inside the window's lookback)
      expect(doc.series.OLD!.at(-1)!.value).toBeCloseTo(0.05, 14);
    } finally {
      await d.close();
    }
  });

  it('names a bad kind', async () => {
    const d = testDeps({ offline: true });
    try {
      await expect(returns({ symbols: ['X'], kind: 'nominal' as never }, d)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'kind' },
      });
    } finally {
      await d.close();
    }
  });
});
