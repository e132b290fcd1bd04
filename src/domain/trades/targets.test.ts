import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { resolveTargets, targetsFromRows } from './targets.ts';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof BallastError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('targetsFromRows', () => {
  it('reads a CASH row as the cash line and upper-cases symbols', () => {
    expect(
      targetsFromRows([
        { symbol: ' vti ', weight: 0.7 },
        { symbol: 'GOVT', weight: 0.5 },
        { symbol: 'cash', weight: -0.2 },
      ]),
    ).toEqual({ weightsBySymbol: { VTI: 0.7, GOVT: 0.5 }, cashWeight: -0.2 });
  });

  it('has no cash line without a CASH row', () => {
    expect(targetsFromRows([{ symbol: 'VTI', weight: 1 }])).toEqual({
      weightsBySymbol: { VTI: 1 },
    });
  });

  it('rejects a repeated symbol or a second cash line', () => {
    expect(
      codeOf(() =>
        targetsFromRows([
          { symbol: 'VTI', weight: 0.5 },
          { symbol: 'vti', weight: 0.5 },
        ]),
      ),
    ).toMatch(/INVALID_INPUT: targets\[1\]\.symbol: symbol listed twice/);
    expect(
      codeOf(() =>
        targetsFromRows([
          { symbol: 'CASH', weight: 0.5 },
          { symbol: 'Cash', weight: 0.5 },
        ]),
      ),
    ).toMatch(/second cash line/);
  });
});

describe('resolveTargets', () => {
  it('derives a residual cash line: 1 − Σ weights', () => {
    const r = resolveTargets({ weightsBySymbol: { B: 0.5, A: 0.7 }, cashWeight: 'residual' });
    expect([...r.weights.keys()]).toEqual(['A', 'B']);
    expect(r.cashWeight).toBeCloseTo(-0.2, 15);
  });

  it('checks the budget with an explicit cash line', () => {
    expect(codeOf(() => resolveTargets({ weightsBySymbol: { A: 0.7 }, cashWeight: 0.2 }))).toMatch(
      /plus the cash line must sum to 1/,
    );
    expect(resolveTargets({ weightsBySymbol: { A: 0.8 }, cashWeight: 0.2 }).cashWeight).toBe(0.2);
  });

  it('rejects non-finite weights, a CASH symbol and duplicates after normalising', () => {
    expect(codeOf(() => resolveTargets({ weightsBySymbol: { A: Number.NaN } }))).toMatch(/finite/);
    expect(codeOf(() => resolveTargets({ weightsBySymbol: { CASH: 1 } }))).toMatch(
      /not a tradable symbol/,
    );
    expect(codeOf(() => resolveTargets({ weightsBySymbol: { a: 0.5, A: 0.5 } }))).toMatch(
      /listed twice/,
    );
    expect(
      codeOf(() => resolveTargets({ weightsBySymbol: { A: 1 }, cashWeight: Infinity })),
    ).toMatch(/cash weight must be a finite/);
  });
});
