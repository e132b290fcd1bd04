import { describe, expect, it } from 'vitest';
import { providerDisagreements } from './provider-disagreement.ts';

const bar = (date: string, close: number, extra: { dividend?: number; split?: number } = {}) => ({
  date,
  close,
  dividend: extra.dividend ?? 0,
  split: extra.split ?? 1,
});
const names = { primary: 'stooq', secondary: 'yahoo' };

describe('providerDisagreements', () => {
  it('flags a close more than 0.5 % apart and leaves one within it alone', () => {
    // 06-06: |534.66 − 534.01| / 534.66 = 0.65 / 534.66 = 0.001216 ≤ 0.005: agree.
    // 06-07: |534.01 − 540.00| / 540.00 = 5.99 / 540 = 0.011093 > 0.005: disagree.
    const check = providerDisagreements(
      [bar('2024-06-06', 534.66), bar('2024-06-07', 534.01)],
      [bar('2024-06-06', 534.01), bar('2024-06-07', 540.0)],
      names,
    );
    expect(check.compared).toBe(2);
    expect(check.findings).toHaveLength(1);
    const [f] = check.findings;
    expect(f).toMatchObject({ date: '2024-06-07', code: 'PROVIDER_DISAGREEMENT', field: 'close' });
    expect(f!.details.difference).toBeCloseTo(5.99 / 540, 12);
    expect(f!.details.primary).toEqual({ provider: 'stooq', value: 534.01 });
    expect(f!.details.secondary).toEqual({ provider: 'yahoo', value: 540 });
    expect(f!.message).toBe('close 534.01 from stooq but 540 from yahoo');
  });

  it('flags a dividend or a split only one provider has', () => {
    // Dividend 1.7592 against 0: |Δ| = 1.7592 > $0.001. Split 4 against 1. Closes equal.
    const check = providerDisagreements(
      [bar('2024-06-21', 544.51, { dividend: 1.7592 }), bar('2024-06-24', 100, { split: 4 })],
      [bar('2024-06-21', 544.51), bar('2024-06-24', 100)],
      names,
    );
    expect(check.findings.map((f) => [f.date, f.field, f.details.difference])).toEqual([
      ['2024-06-21', 'dividend', 1.7592],
      ['2024-06-24', 'split', 3],
    ]);
  });

  it('counts dates one side lacks without calling them disagreements', () => {
    const check = providerDisagreements(
      [bar('2024-06-06', 10), bar('2024-06-07', 10)],
      [bar('2024-06-05', 99), bar('2024-06-06', 10)],
      names,
    );
    expect(check).toEqual({ findings: [], compared: 1, onlyPrimary: 1, onlySecondary: 1 });
  });

  it('takes the tolerances it is given', () => {
    // |100 − 100.3| / 100.3 = 0.002991: above 0.001, below the default 0.005.
    const a = [bar('2024-06-06', 100, { dividend: 0.5 })];
    const b = [bar('2024-06-06', 100.3, { dividend: 0.504 })];
    expect(providerDisagreements(a, b, names).findings.map((f) => f.field)).toEqual(['dividend']);
    const strict = providerDisagreements(a, b, {
      ...names,
      closeTolerance: 0.001,
      dividendTolerance: 0.01,
    });
    expect(strict.findings.map((f) => f.field)).toEqual(['close']);
  });
});
