import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { dataPrices } from './data-prices.ts';

let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps({ offline: true });
  await dataImport(
    {
      file: {
        text: 'date,close,dividend\n2024-03-04,100,0\n2024-03-05,101,0.5\n2024-03-06,99,0\n',
      },
      symbol: 'ABC',
    },
    deps,
  );
});
afterEach(async () => {
  await deps.close();
});

describe('dataPrices use case', () => {
  it('gives the stored bars of a symbol in the range, with their source', async () => {
    const doc = await dataPrices({ symbol: ' abc ', from: '2024-03-05' }, deps);
    expect(doc.symbol).toBe('ABC');
    expect(doc.bars.map((b) => [b.date, b.close, b.dividend, b.source])).toEqual([
      ['2024-03-05', 101, 0.5, 'csv:input'],
      ['2024-03-06', 99, 0, 'csv:input'],
    ]);
    expect((await dataPrices({ symbol: 'ABC', to: '2024-03-01' }, deps)).bars).toEqual([]);
  });

  it('is NOT_FOUND for a symbol with nothing stored, and names a reversed range', async () => {
    await expect(dataPrices({ symbol: 'NOPE' }, deps)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'symbol', value: 'NOPE' },
    });
    await expect(
      dataPrices({ symbol: 'ABC', from: '2024-03-06', to: '2024-03-05' }, deps),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'from' } });
    await expect(dataPrices({ symbol: 'ABC', from: '2024-3-6' }, deps)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'from' },
    });
  });
});
