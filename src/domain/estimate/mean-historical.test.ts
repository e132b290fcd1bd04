import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { ewmaMean, ewmaMeanReturns } from './mean-ewma.ts';
import { arithmeticMeanReturns, geometricMeanReturns } from './mean-historical.ts';
import { panel } from './mean-test-panel.ts';

// Tolerances: annual expected returns to 1e-14 (hand arithmetic in decimals); against the naive
// product formula 1e-12 relative (growth factors up to ~1e9 for k = 252).
const RATE = 14;

function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

const returns = panel({ A: [0.01, 0.02, -0.01], B: [0, 0.03, 0.03] });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof BallastError ? error.code : 'not a BallastError';
  }
  return undefined;
}

describe('historical expected returns', () => {
  it('annualises the arithmetic mean by k (PyPortfolioOpt compounding=False)', () => {
    // A: (0.01 + 0.02 − 0.01)/3 × 12 = 0.08;  B: (0 + 0.03 + 0.03)/3 × 12 = 0.24.
    const mu = arithmeticMeanReturns(returns, { periodsPerYear: 12 });
    expect(mu[0]).toBeCloseTo(0.08, RATE);
    expect(mu[1]).toBeCloseTo(0.24, RATE);
  });

  it('compounds the geometric mean as (Π(1 + r))^(k/T) − 1 (PyPortfolioOpt compounding=True)', () => {
    // A: 1.01 · 1.02 · 0.99 = 1.019898, ^(12/3) − 1 = 0.08199925207759984.
    // B: 1.00 · 1.03 · 1.03 = 1.0609,   ^(12/3) − 1 = 0.26677008138761593.
    const mu = geometricMeanReturns(returns, { periodsPerYear: 12 });
    expect(mu[0]).toBeCloseTo(0.08199925207759984, RATE);
    expect(mu[1]).toBeCloseTo(0.26677008138761593, RATE);
  });

  it('agrees with the naive product formula and constant returns, for any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1, 4, 12, 52, 252),
        (values, k) => {
          const mu = geometricMeanReturns(panel({ X: values }), { periodsPerYear: k })[0]!;
          const product = values.reduce((acc, r) => acc * (1 + r), 1);
          expectRelative(mu, product ** (k / values.length) - 1);
          const constant = Array.from(values, () => values[0]!);
          const flat = geometricMeanReturns(panel({ X: constant }), { periodsPerYear: k })[0]!;
          expectRelative(flat, (1 + values[0]!) ** k - 1);
        },
      ),
    );
  });

  it('rejects empty panels, bad frequencies and impossible returns with named fields', () => {
    expect(codeOf(() => arithmeticMeanReturns(panel({ A: [] }), { periodsPerYear: 12 }))).toBe(
      'INSUFFICIENT_DATA',
    );
    expect(codeOf(() => geometricMeanReturns(returns, { periodsPerYear: 0 }))).toBe(
      'INVALID_INPUT',
    );
    expect(() => geometricMeanReturns(panel({ A: [0.1, -1] }), { periodsPerYear: 12 })).toThrow(
      /returns\.A\[1\]/,
    );
    expect(() =>
      arithmeticMeanReturns({ ids: [], dates: [], columns: [] }, { periodsPerYear: 12 }),
    ).toThrow(/at least one asset/);
    expect(() =>
      arithmeticMeanReturns(
        { ids: ['A', 'B'], dates: ['2024-01-31'], columns: [new Float64Array(1)] },
        { periodsPerYear: 12 },
      ),
    ).toThrow(/one column per asset/);
    expect(() =>
      arithmeticMeanReturns(
        { ids: ['A'], dates: ['2024-01-31'], columns: [new Float64Array(2)] },
        { periodsPerYear: 12 },
      ),
    ).toThrow(/expected 1 values/);
  });
});

describe('EWMA expected returns (pandas ewm(span).mean(), adjust=True)', () => {
  it('weights the latest return most: span 3 → α = 0.5, weights 1, 0.5, 0.25', () => {
    // m_A = (−0.01·1 + 0.02·0.5 + 0.01·0.25) / 1.75 = 0.0025 / 1.75 = 0.00142857…
    expect(ewmaMean(returns.columns[0]!, 0.5)).toBeCloseTo(0.0025 / 1.75, 16);
    const linear = ewmaMeanReturns(returns, { periodsPerYear: 12, span: 3, compounding: false });
    expect(linear[0]).toBeCloseTo(0.017142857142857144, RATE); // 12 · m_A
    const compounded = ewmaMeanReturns(returns, { periodsPerYear: 12, span: 3 });
    expect(compounded[0]).toBeCloseTo(0.01727819448618506, RATE); // (1 + m_A)^12 − 1
  });

  it('tends to the arithmetic mean for a very long span', () => {
    const mu = ewmaMeanReturns(returns, { periodsPerYear: 12, span: 1e12, compounding: false });
    expect(mu[0]).toBeCloseTo(0.08, 9);
    expect(mu[1]).toBeCloseTo(0.24, 9);
  });

  it('uses span 500 by default and rejects a span below 1', () => {
    const byDefault = ewmaMeanReturns(returns, { periodsPerYear: 12 });
    const explicit = ewmaMeanReturns(returns, { periodsPerYear: 12, span: 500, compounding: true });
    expect(Array.from(byDefault)).toEqual(Array.from(explicit));
    expect(() => ewmaMeanReturns(returns, { periodsPerYear: 12, span: 0.5 })).toThrow(/span/);
  });
});
