import { describe, expect, it } from 'vitest';
import { BallastError } from '../domain/errors.ts';
import { factors } from './factors.ts';

/** y = (1, 3, 2, 5) on x = (0, 1, 2, 3), monthly; the factor file has one more month. */
const Y = 'date,Y,Z\n2020-01-31,1,0.1\n2020-02-29,3,0.2\n2020-03-31,2,0.1\n2020-04-30,5,0.3\n';
const X = 'date,X\n2020-01-31,0\n2020-02-29,1\n2020-03-31,2\n2020-04-30,3\n2020-05-29,9\n';

describe('factors use case', () => {
  it('OLS by hand: β = Sxy/Sxx = 5.5/5, α = ȳ − β x̄, t, R²', () => {
    const doc = factors({
      returns: { text: Y },
      column: 'y',
      factors: ['X'],
      factorReturns: { text: X, name: 'x.csv' },
    });
    // x̄ = 1.5, ȳ = 2.75; Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5;
    // Sxy = (−1.5)(−1.75) + (−0.5)(0.25) + (0.5)(−0.75) + (1.5)(2.25) = 5.5 → β = 1.1,
    // α = 2.75 − 1.1 × 1.5 = 1.1 per period, × 12 = 13.2 a year.
    expect(doc.observations).toBe(4);
    expect(doc.periodsPerYear).toBe(12);
    expect(doc.betas['X']!.beta).toBeCloseTo(1.1, 13);
    expect(doc.alpha).toBeCloseTo(1.1, 13);
    expect(doc.alphaAnnual).toBeCloseTo(13.2, 12);
    // Residuals −0.1, 0.8, −1.3, 0.6: RSS = 2.7, σ̂² = 2.7/(4 − 2) = 1.35;
    // se(β) = √(1.35/5) = √0.27, t = 1.1/√0.27; TSS = 8.75 → R² = 1 − 2.7/8.75.
    expect(doc.betas['X']!.se).toBeCloseTo(Math.sqrt(0.27), 13);
    expect(doc.betas['X']!.t).toBeCloseTo(1.1 / Math.sqrt(0.27), 12);
    expect(doc.rSquared).toBeCloseTo(1 - 2.7 / 8.75, 13);
    expect(doc.residualVolAnnual).toBeCloseTo(Math.sqrt(1.35 * 12), 12);
    // The factor file's May has no Y: nothing of Y is dropped, so no warning.
    expect(doc.warnings).toEqual([]);
  });

  it('says how many dates of the column the factors lack', () => {
    const doc = factors({
      returns: { text: X.replace('date,X', 'date,Y') },
      column: 'Y',
      factors: ['X'],
      factorReturns: { text: Y.replace('date,Y,Z', 'date,X,Z') },
      periodsPerYear: 12,
    });
    expect(doc.observations).toBe(4);
    expect(doc.warnings).toEqual([
      {
        code: 'DATES_DROPPED',
        message: 'Y: 1 of 5 dates dropped (not every factor has a return on them); 4 used',
        details: { field: 'factors', dropped: 1, total: 5, dates: ['2020-05-29'] },
      },
    ]);
  });

  it('names the field of bad input', () => {
    const fieldOf = (work: () => unknown): unknown => {
      try {
        work();
      } catch (e) {
        return e instanceof BallastError ? [e.code, e.details['field']] : e;
      }
      return 'no error';
    };
    const base = { returns: { text: Y }, column: 'Y' };
    expect(fieldOf(() => factors({ ...base, factors: ['Z', 'z'] }))).toEqual([
      'INVALID_INPUT',
      'factors',
    ]);
    expect(() => factors({ ...base, factors: ['Z', 'z'] })).toThrow(
      'factors: lists Z twice (got ["Z","z"])',
    );
    expect(fieldOf(() => factors({ ...base, factors: ['Y'] }))).toEqual([
      'INVALID_INPUT',
      'factors',
    ]);
    expect(fieldOf(() => factors({ ...base, factors: [] }))).toEqual(['INVALID_INPUT', 'factors']);
    expect(fieldOf(() => factors({ ...base, factors: ['Q'] }))).toEqual([
      'INVALID_INPUT',
      'factors',
    ]);
    expect(fieldOf(() => factors({ ...base, column: 'Q', factors: ['Z'] }))).toEqual([
      'INVALID_INPUT',
      'column',
    ]);
    expect(fieldOf(() => factors({ ...base, factors: ['Z'], hacLags: -1 }))).toEqual([
      'INVALID_INPUT',
      'hacLags',
    ]);
  });
});
