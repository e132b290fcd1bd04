import { describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { fundsCheck } from './funds-check.ts';
import { errorOf } from './test-helpers.ts';

const FUNDS = {
  text: 'funds:\n  LEV:\n    name: Test 2x fund\n    category: Test\n    exposures: { us_large_equity: 2.0 }\n    provenance: test\n    validatedBy: null\n',
  name: 'funds.yaml',
};
// Month-end dates; the exposure's returns and a fund that is exactly twice them.
const equity = [0.01, -0.02, 0.015, 0.03, -0.01, 0.005, 0.02, -0.015];
const dates = [
  '2024-01-31',
  '2024-02-29',
  '2024-03-31',
  '2024-04-30',
  '2024-05-31',
  '2024-06-30',
  '2024-07-31',
  '2024-08-31',
];
const returns = {
  text: [
    'date,LEV,us_large_equity',
    ...dates.map((d, t) => `${d},${2 * equity[t]!},${equity[t]}`),
  ].join('\n'),
  name: 'returns.csv',
};

describe('funds check use case', () => {
  it('an exact 2x fund: β = 2 = the loading, R² = 1, no tracking error, consistent', async () => {
    const doc = await fundsCheck({ fund: 'lev', returns, funds: FUNDS });
    expect(doc.symbol).toBe('LEV');
    // month-end dates → 12 periods a year; 8 observations
    expect(doc.periodsPerYear).toBe(12);
    expect(doc.observations).toBe(8);
    expect(doc.exposures[0]!.beta).toBeCloseTo(2, 12);
    expect(doc.exposures[0]!.difference).toBeCloseTo(0, 12);
    expect(doc.rSquared).toBeCloseTo(1, 12);
    // fund − implied = 2r − 2r = 0 every month (no cash column: no financing leg)
    expect(doc.trackingErrorAnnual).toBeCloseTo(0, 12);
    expect(doc.financing.modelled).toBe(false);
    expect(doc.verdict).toBe('consistent');
  });

  it('names the fund field when the fund is not defined or has no column', async () => {
    const absent = await errorOf(() => fundsCheck({ fund: 'NOPE', returns, funds: FUNDS }));
    expect((absent as BallastError).code).toBe('NOT_FOUND');
    expect((absent as BallastError).message).toMatch(/^fund: NOPE is not defined in funds\.yaml/);
    const noColumn = await errorOf(() =>
      fundsCheck({ fund: 'LEV', returns: { text: 'date,X\n2024-01-31,0.01\n' }, funds: FUNDS }),
    );
    expect((noColumn as BallastError).details).toMatchObject({ field: 'fund', value: 'LEV' });
  });
});
