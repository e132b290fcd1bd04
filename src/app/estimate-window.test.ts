/**
 * Every estimate states its window: `estimate --symbols` and `returns` over stored data give the
 * window they used (from, to, periods) and say when the store holds data outside it, whether the
 * window was defaulted (the last ten years) or given.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { estimate } from './estimate.ts';
import { estimateEvaluate } from './estimate-evaluate.ts';
import { returns } from './returns.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

/** Month-end returns of A and B from 2012-01 to 2024-05 (149 months), stored as RETURNS:A/B. */
async function storeWithTwelveYears() {
  const d = testDeps({ offline: true }); // today 2024-06-20
  opened.push(d);
  const lines = ['date,a,b'];
  for (let m = 0; m < 149; m++) {
    const end = new Date(Date.UTC(2012, m + 1, 0)).toISOString().slice(0, 10);
    lines.push(`${end},${(0.01 * ((m % 5) - 2)).toFixed(3)},${(0.004 * ((m % 3) - 1)).toFixed(3)}`);
  }
  await dataImport({ file: { text: lines.join('\n'), name: 'ab.csv' }, kind: 'returns' }, d);
  return d;
}

describe('estimate --symbols with no start date on a store holding twelve years', () => {
  it('states the window used and WINDOW_SHORTER_THAN_STORED with what is stored', async () => {
    const d = await storeWithTwelveYears();
    const doc = await estimate(
      { panel: { kind: 'symbols', symbols: ['A', 'B'], frequency: 'monthly' } },
      d,
    );
    // Default window 2014-06-20..2024-06-20: the stored monthly returns dated 2014-06-30 …
    // 2024-05-31, 12 × 10 = 120 of them.
    expect(doc.window).toEqual({ from: '2014-06-30', to: '2024-05-31', observations: 120 });
    const w = doc.warnings.find((x) => x.code === 'WINDOW_SHORTER_THAN_STORED');
    expect(w?.details).toEqual({
      from: '2014-06-20',
      to: '2024-06-20',
      storedFrom: { A: '2012-01-31', B: '2012-01-31' },
    });
    expect(w?.message).toContain('the last 10 years (from 2014-06-20) were used');
  });
});

describe('returns with a given window inside what is stored', () => {
  it('--from 2015-01-01 --to 2020-12-31: window, requested dates and the data left out at both ends', async () => {
    const d = await storeWithTwelveYears();
    const doc = await returns(
      { symbols: ['A'], from: '2015-01-01', to: '2020-12-31', frequency: 'monthly' },
      d,
    );
    expect(doc.requested).toEqual({ from: '2015-01-01', to: '2020-12-31' });
    // Month ends 2015-01-31 … 2020-12-31: 72 returns.
    expect(doc.window).toEqual({ from: '2015-01-31', to: '2020-12-31', periods: 72 });
    const w = doc.warnings.find((x) => x.code === 'WINDOW_SHORTER_THAN_STORED');
    expect(w?.details).toEqual({
      from: '2015-01-01',
      to: '2020-12-31',
      fromGiven: true,
      storedFrom: { A: '2012-01-31' },
      storedTo: { A: '2024-05-31' },
    });
    expect(w?.message).toContain('the window 2015-01-01..2020-12-31 was used');
  });

  it('a window covering everything stored gives no such warning', async () => {
    const d = await storeWithTwelveYears();
    const doc = await returns({ symbols: ['A'], from: '2000-01-01', frequency: 'monthly' }, d);
    expect(doc.warnings.map((w) => w.code)).not.toContain('WINDOW_SHORTER_THAN_STORED');
    expect(doc.window?.to).toBe('2024-05-31');
  });
});

describe('estimate evaluate on stored symbols', () => {
  it('states its window and periods per year and carries the panel warnings', async () => {
    const d = await storeWithTwelveYears();
    const doc = await estimateEvaluate(
      { panel: { kind: 'symbols', symbols: ['A', 'B'], frequency: 'monthly' }, horizon: 3 },
      d,
    );
    expect(doc.window.to).toBe('2024-05-31');
    expect(doc.periodsPerYear).toBe(12);
    expect(doc.warnings.map((w) => w.code)).toContain('WINDOW_SHORTER_THAN_STORED');
  });
});
