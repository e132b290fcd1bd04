import { describe, expect, it } from 'vitest';
import { evaluationPortfolios } from './portfolios.ts';

describe('evaluation portfolios', () => {
  it('starts with equal weight and adds seeded long-only portfolios that sum to 1', () => {
    const ps = evaluationPortfolios({ assets: 4, random: 10, seed: 3 });
    expect(ps).toHaveLength(11);
    expect(Array.from(ps[0] ?? [])).toEqual([0.25, 0.25, 0.25, 0.25]);
    for (const w of ps) {
      expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      expect(w.every((v) => v >= 0)).toBe(true);
    }
    expect(
      evaluationPortfolios({ assets: 4, random: 10, seed: 3 }).map((w) => Array.from(w)),
    ).toEqual(ps.map((w) => Array.from(w)));
    expect(
      Array.from(evaluationPortfolios({ assets: 4, random: 1, seed: 4 })[1] ?? []),
    ).not.toEqual(Array.from(ps[1] ?? []));
  });

  it('defaults to 20 random portfolios and rejects bad counts', () => {
    expect(evaluationPortfolios({ assets: 2 })).toHaveLength(21);
    expect(() => evaluationPortfolios({ assets: 0 })).toThrow(/assets/);
    expect(() => evaluationPortfolios({ assets: 2, random: -1 })).toThrow(/random/);
  });
});
