import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import type { AppDeps } from './deps.ts';
import { dataPrices } from './data-prices.ts';
import { knownAtDeps } from './known-at-deps.ts';

/** `knownAtDeps`: use cases over the data as known at a time (docs/data-versions.md). */

const T1 = '2024-06-20T20:00:00.000Z';
const T2 = '2024-06-21T20:00:00.000Z';

describe('knownAtDeps', () => {
  it('reads the close known then, never fetches, and refuses writes naming its field', async () => {
    const first = testDeps({ now: T1, offline: true });
    await dataImport(
      { file: { text: 'date,close\n2024-06-18,110', name: 'a.csv' }, symbol: 'X' },
      first,
    );
    await first.close();
    const deps = testDeps({ now: T2, db: first.db });
    try {
      await dataImport(
        { file: { text: 'date,close\n2024-06-18,105', name: 'b.csv' }, symbol: 'X' },
        deps,
      );
      const close = async (d: AppDeps) =>
        (await dataPrices({ symbol: 'X' }, d)).bars.map((b) => b.close);
      // The import of T1 stored 110; the one of T2 replaced it with 105.
      expect(await close(knownAtDeps(deps, '2024-06-21T00:00:00+02:00'))).toEqual([110]);
      expect(await close(knownAtDeps(deps, T2))).toEqual([105]);
      expect(await close(deps)).toEqual([105]);
      const then = knownAtDeps(deps, T1);
      expect(then.offline).toBe(true);
      expect(deps.offline).toBe(false);
      await expect(
        dataImport(
          { file: { text: 'date,close\n2024-06-19,1', name: 'c.csv' }, symbol: 'X' },
          then,
        ),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'knownAt' } });
      expect(() => knownAtDeps(deps, 'yesterday', 'input.knownAt')).toThrow(
        /^input\.knownAt: must be an ISO-8601 timestamp/,
      );
      expect(await close(deps)).toEqual([105]);
    } finally {
      await deps.close();
    }
  });
});
