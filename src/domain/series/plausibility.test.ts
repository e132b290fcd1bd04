import { describe, expect, it } from 'vitest';
import {
  panelPlausibilityWarnings,
  PRICE_JUMP,
  RETURNS_LOOK_LIKE_PERCENT,
} from './plausibility.ts';

const MONTHS = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'];
const YEARS = ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'];
const panel = (dates: string[], columns: Record<string, number[]>) => ({
  ids: Object.keys(columns),
  dates,
  columns: Object.values(columns).map((c) => Float64Array.from(c)),
});

describe('returns that look like percentages', () => {
  it('monthly returns 1.2, −0.8, 0.6, 0.3 (3 of 4 above 0.5 in magnitude) warn, naming the column', () => {
    const warnings = panelPlausibilityWarnings(
      panel(MONTHS, { PCT: [1.2, -0.8, 0.6, 0.3], OK: [0.012, -0.008, 0.006, 0.003] }),
      { file: 'r.csv', values: 'returns' },
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: RETURNS_LOOK_LIKE_PERCENT,
      details: { file: 'r.csv', column: 'PCT', value: 1.2, date: '2024-01-31', large: 3, count: 4 },
    });
    expect(warnings[0]!.message).toContain('3 of 4 returns exceed ±0.5');
  });

  it('monthly returns with only half above 0.5 (2 of 4: median |r| not above 0.5) do not warn', () => {
    const w = panelPlausibilityWarnings(panel(MONTHS, { A: [0.9, -0.7, 0.1, 0.2] }), {
      file: 'r.csv',
      values: 'returns',
    });
    expect(w).toEqual([]);
  });

  it('annual returns 0.8, 0.9, 0.7, 0.6 do not warn (only daily, weekly or monthly files)', () => {
    const w = panelPlausibilityWarnings(panel(YEARS, { A: [0.8, 0.9, 0.7, 0.6] }), {
      file: 'r.csv',
      values: 'returns',
    });
    expect(w).toEqual([]);
  });
});

describe('a price that jumps ×100 between rows', () => {
  it('10 → 1000 (×100) and 1000 → 10 (÷100) warn once with the count; 10 → 999 does not', () => {
    const w = panelPlausibilityWarnings(
      panel(MONTHS, { JUMPY: [10, 1000, 10, 10.5], CALM: [10, 999, 998, 997] }),
      { file: 'p.csv', values: 'prices' },
    );
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      code: PRICE_JUMP,
      details: { column: 'JUMPY', previous: 10, value: 1000, date: '2024-02-29', jumps: 2 },
    });
    expect(w[0]!.message).toContain('×100');
    expect(w[0]!.message).toContain('and 1 more time(s)');
  });
});
