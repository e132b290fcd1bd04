/**
 * Implausible inputs get a warning naming the file, the column and the value, and are used as
 * given (never rescaled): returns that look like percentages and a price that jumps ×100.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { loadReturnsPanel } from './returns-panel.ts';

const opened: { close(): Promise<void> }[] = [];
const deps = () => {
  const d = testDeps();
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

/** Monthly returns written in percent: 1.2 means 1.2 %, read as +120 %. */
const PERCENT =
  'date,spy,agg\n2024-01-31,1.2,0.004\n2024-02-29,-0.8,0.002\n2024-03-31,2.1,-0.001\n';
/** Daily closes where one row is in cents (10,050 after 100.40). */
const JUMP = 'date,close\n2024-01-02,100.2\n2024-01-03,100.4\n2024-01-04,10050\n2024-01-05,100.6\n';

describe('a returns file whose returns look like percentages', () => {
  it('data import warns RETURNS_LOOK_LIKE_PERCENT on that column and stores the values as given', async () => {
    const d = deps();
    const doc = await dataImport({ file: { text: PERCENT, name: 'pct.csv' }, kind: 'returns' }, d);
    expect(doc[0]).toMatchObject({ id: 'RETURNS:SPY', rows: 3 });
    // 3 of 3 SPY returns exceed 0.5 in magnitude on a monthly file; AGG's do not.
    expect(doc[0]!.warnings).toEqual([
      expect.objectContaining({
        code: 'RETURNS_LOOK_LIKE_PERCENT',
        details: expect.objectContaining({ file: 'pct.csv', column: 'SPY', value: 1.2, large: 3 }),
      }),
    ]);
    expect(doc[1]!.warnings).toBeUndefined();
    const points = await (await d.store()).getSeriesPoints('RETURNS:SPY');
    expect(points.map((p) => p.value)).toEqual([1.2, -0.8, 2.1]);
  });

  it('a returns panel from the file warns RETURNS_LOOK_LIKE_PERCENT too', async () => {
    const panel = await loadReturnsPanel(
      { kind: 'file', file: { text: PERCENT, name: 'pct.csv' } },
      deps(),
    );
    expect(panel.warnings.map((w) => [w.code, w.details['column']])).toEqual([
      ['RETURNS_LOOK_LIKE_PERCENT', 'SPY'],
    ]);
  });
});

describe('a prices file whose close jumps ×100 between rows', () => {
  it('data import warns PRICE_JUMP naming the line, the column and both prices', async () => {
    const doc = await dataImport(
      { file: { text: JUMP, name: 'cents.csv' }, kind: 'prices', symbol: 'X' },
      deps(),
    );
    // 10050 / 100.4 = 100.1 (≥ 100) on line 4; back to 100.6 is ×0.01001 (not ≤ 1/100).
    expect(doc[0]!.warnings).toEqual([
      expect.objectContaining({
        code: 'PRICE_JUMP',
        details: expect.objectContaining({
          file: 'cents.csv',
          line: 4,
          column: 'close',
          previous: 100.4,
          value: 10050,
          jumps: 1,
        }),
      }),
    ]);
    expect(doc[0]!.warnings![0]!.message).toMatch(/^cents\.csv:4: column "close"/);
  });

  it('a price panel (--prices) warns PRICE_JUMP on that column', async () => {
    const text = 'date,x,y\n2024-01-02,100,50\n2024-01-03,101,5000\n2024-01-04,102,50.5\n';
    const panel = await loadReturnsPanel(
      { kind: 'file', file: { text, name: 'p.csv' }, prices: true },
      deps(),
    );
    expect(panel.warnings.map((w) => [w.code, w.details['column'], w.details['value']])).toEqual([
      ['PRICE_JUMP', 'Y', 5000],
    ]);
  });

  it('a calm prices file has no warnings at all', async () => {
    const doc = await dataImport(
      { file: { text: 'date,close\n2024-01-02,100\n2024-01-03,101\n' }, symbol: 'C' },
      deps(),
    );
    expect(doc[0]).toEqual({ id: 'C', kind: 'prices', rows: 2, written: 2 });
  });
});
