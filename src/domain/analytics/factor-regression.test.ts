/**
 * Factor regression. Expected values: hand arithmetic shown below, and statsmodels 0.13.5
 * (numpy 1.24.2, Debian 12 /usr/bin/python3) printed by
 * test/fixtures/factors/factor_regression_reference.py on the peer panel
 * test/fixtures/peers/lpp2005rec_assets6.csv (ALT on SBI, SPI, SII with a constant).
 */

import { describe, expect, it } from 'vitest';
import { readPeerPanel } from '../../../test/helpers/peer-panels.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { BallastError } from '../errors.ts';
import type { ReturnSeries } from '../series/types.ts';
import { factorRegression, neweyWestAutoLags } from './factor-regression.ts';

const months = (n: number): IsoDate[] =>
  Array.from({ length: n }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}-28`);
const series = (values: readonly number[], dates = months(values.length)): ReturnSeries =>
  values.map((value, i) => ({ date: dates[i]!, value }));

function thrown(f: () => unknown): BallastError {
  try {
    f();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected a BallastError');
}

const rel = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));

describe('factorRegression: hand-computed cases', () => {
  it('y = 1 + 2x exactly: alpha 1, beta 2, R² 1, standard errors 0', () => {
    const r = factorRegression(
      {
        returns: series([3, 5, 7, 9, 11]),
        factors: [{ id: 'X', series: series([1, 2, 3, 4, 5]) }],
      },
      { periodsPerYear: 12 },
    );
    expect(r.observations).toBe(5);
    expect(r.alpha).toBeCloseTo(1, 12);
    expect(r.betas[0]!.beta).toBeCloseTo(2, 12);
    expect(r.rSquared).toBeCloseTo(1, 12);
    expect(r.betas[0]!.se).toBeLessThan(1e-12);
    expect(r.alphaSe).toBeLessThan(1e-12);
    expect(r.residualVolAnnual).toBeLessThan(1e-12);
    expect(r.from).toBe('2020-01-28');
    expect(r.to).toBe('2020-05-28');
  });

  it('x = (0,1,2,3), y = (1,3,2,5): every statistic by hand', () => {
    // x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5 → β = 1.1, α = 2.75 − 1.1·1.5 = 1.1.
    // Residuals (−0.1, 0.8, −1.3, 0.6): RSS = 2.7; TSS = 8.75; σ̂² = 2.7/(4 − 2) = 1.35.
    // SE(β) = √(1.35/5) = √0.27; SE(α) = √(1.35·(1/4 + 1.5²/5)) = √0.945.
    // R² = 1 − 2.7/8.75; adj = 1 − (2.7/8.75)·3/2; F = (8.75 − 2.7)/1.35 = t_β².
    const r = factorRegression(
      { returns: series([1, 3, 2, 5]), factors: [{ id: 'X', series: series([0, 1, 2, 3]) }] },
      { periodsPerYear: 12 },
    );
    rel(r.betas[0]!.beta, 1.1, 1e-13);
    rel(r.alpha, 1.1, 1e-13);
    rel(r.alphaAnnual, 1.1 * 12, 1e-13);
    rel(r.betas[0]!.se, Math.sqrt(0.27), 1e-13);
    rel(r.alphaSe, Math.sqrt(0.945), 1e-13);
    rel(r.betas[0]!.t, 1.1 / Math.sqrt(0.27), 1e-13);
    rel(r.alphaTStat, 1.1 / Math.sqrt(0.945), 1e-13);
    rel(r.rSquared, 1 - 2.7 / 8.75, 1e-13);
    rel(r.adjRSquared, 1 - ((2.7 / 8.75) * 3) / 2, 1e-13);
    rel(r.fStatistic, 6.05 / 1.35, 1e-13);
    rel(r.residualVol, Math.sqrt(1.35), 1e-13);
    rel(r.residualVolAnnual, Math.sqrt(1.35 * 12), 1e-13);
    expect(r.residuals.map((p) => p.value)).toEqual(
      [-0.1, 0.8, -1.3, 0.6].map((v) => expect.closeTo(v, 12)),
    );
    expect(r.standardErrors).toBe('classical');
    expect(r.hacLags).toBeNull();
    expect(r.excess).toBe('none');
  });

  it('aligns on the intersection of dates, never filling', () => {
    // The factor lacks month 3, the returns lack month 6: the 4 shared months are exactly the
    // hand case above.
    const d = months(6);
    const returns = series([1, 3, 99, 2, 5], [d[0]!, d[1]!, d[2]!, d[3]!, d[4]!]);
    const factor = series([0, 1, 2, 3, 7], [d[0]!, d[1]!, d[3]!, d[4]!, d[5]!]);
    const r = factorRegression(
      { returns, factors: [{ id: 'X', series: factor }] },
      { periodsPerYear: 12 },
    );
    expect(r.observations).toBe(4);
    expect(r.residuals.map((p) => p.date)).toEqual([d[0], d[1], d[3], d[4]]);
    rel(r.betas[0]!.beta, 1.1, 1e-13);
    // Month 3 of the returns is dropped (the factor has none): said, with the date.
    expect(r.warnings).toEqual([
      {
        code: 'DATES_DROPPED',
        message: 'returns: 1 of 5 dates dropped (not every factor has a return on them); 4 used',
        details: { field: 'factors', dropped: 1, total: 5, dates: [d[2]] },
      },
    ]);
  });

  it('excess returns: betas unchanged, alpha shifted by rf·(1 − Σβ) or by rf', () => {
    // y − c = α' + β(x − c) ⇔ y = α' + c(1 − β) + βx, so α' = α − c(1 − β) = 1.1 − 0.01·(−0.1).
    // Factors already excess (only y − c): α'' = α − c = 1.09.
    const input = {
      returns: series([1, 3, 2, 5]),
      factors: [{ id: 'X', series: series([0, 1, 2, 3]) }],
      riskFree: 0.01,
    };
    const both = factorRegression(input, { periodsPerYear: 12 });
    rel(both.betas[0]!.beta, 1.1, 1e-12);
    rel(both.alpha, 1.1 + 0.001, 1e-12);
    expect(both.excess).toBe('returns-and-factors');
    const onlyY = factorRegression(input, { periodsPerYear: 12, riskFreeOnFactors: false });
    rel(onlyY.alpha, 1.09, 1e-12);
    expect(onlyY.excess).toBe('returns');
    // A dated risk-free series equal to 0.01 every month gives the same answer.
    const dated = factorRegression(
      { ...input, riskFree: series([0.01, 0.01, 0.01, 0.01]) },
      { periodsPerYear: 12 },
    );
    rel(dated.alpha, 1.101, 1e-12);
  });
});

describe('factorRegression: statsmodels 0.13.5 golden values (ALT ~ 1 + SBI + SPI + SII)', () => {
  const panel = readPeerPanel('lpp2005rec_assets6');
  const column = (name: string): ReturnSeries => {
    const j = panel.assets.indexOf(name);
    return panel.dates.map((date, t) => ({
      date: date,
      value: panel.returns.data[t * panel.returns.cols + j]!,
    }));
  };
  const input = {
    returns: column('ALT'),
    returnsId: 'ALT',
    factors: ['SBI', 'SPI', 'SII'].map((id) => ({ id, series: column(id) })),
  };
  const params = [
    0.0004335149840337539, -0.43322580425259477, 0.5002732746495971, 0.013530121797345083,
  ];

  it('classical: params, bse, tvalues, R², adjusted R², F, sqrt(mse_resid) to 1e-9', () => {
    const r = factorRegression(input, { periodsPerYear: 252 });
    const bse = [
      0.00021365766290210898, 0.1701425368647597, 0.028288121597195376, 0.07356484540955191,
    ];
    const tvalues = [
      2.0290167838837423, -2.5462521732407852, 17.684923791447385, 0.18392102534872296,
    ];
    expect(r.observations).toBe(377);
    rel(r.alpha, params[0]!);
    rel(r.alphaSe, bse[0]!);
    rel(r.alphaTStat, tvalues[0]!);
    r.betas.forEach((b, j) => {
      rel(b.beta, params[j + 1]!);
      rel(b.se, bse[j + 1]!);
      rel(b.t, tvalues[j + 1]!);
    });
    rel(r.rSquared, 0.4803881805815696);
    rel(r.adjRSquared, 0.4762089970473732);
    rel(r.fStatistic, 114.947854443519);
    rel(r.residualVol, 0.004113994848160982);
    rel(r.residualVolAnnual, 0.004113994848160982 * Math.sqrt(252));
    rel(r.alphaAnnual, params[0]! * 252);
  });

  it('Newey-West HAC maxlags = 5 (and auto = ⌊4·(377/100)^(2/9)⌋ = 5)', () => {
    const bse = [
      0.00020083253281062978, 0.16484082098588612, 0.034147782872849475, 0.07571289685349228,
    ];
    const tvalues = [
      2.1585894375117327, -2.6281463636345763, 14.650241759834982, 0.17870299988027735,
    ];
    // 377/100 = 3.77; 3.77^(2/9) = e^(ln 3.77 · 2/9) = e^(1.3271·0.2222) ≈ 1.343 → 4·1.343 = 5.37.
    expect(neweyWestAutoLags(377)).toBe(5);
    for (const hacLags of [5, 'auto'] as const) {
      const r = factorRegression(input, { periodsPerYear: 252, hacLags });
      expect(r.standardErrors).toBe('newey-west');
      expect(r.hacLags).toBe(5);
      rel(r.alpha, params[0]!);
      rel(r.alphaSe, bse[0]!);
      rel(r.alphaTStat, tvalues[0]!);
      r.betas.forEach((b, j) => {
        rel(b.beta, params[j + 1]!);
        rel(b.se, bse[j + 1]!);
        rel(b.t, tvalues[j + 1]!);
      });
    }
  });
});

describe('factorRegression: errors', () => {
  const y = series([1, 3, 2, 5, 4, 6]);
  const a = series([0, 1, 2, 3, 1, 2]);

  it('collinear factors name both factors', () => {
    const b = series([0, 2, 4, 6, 2, 4]);
    const e = thrown(() =>
      factorRegression(
        {
          returns: y,
          factors: [
            { id: 'A', series: a },
            { id: 'B', series: b },
          ],
        },
        { periodsPerYear: 12 },
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('collinear factors A, B');
    expect(e.details['factors']).toEqual(['A', 'B']);
  });

  it('a constant factor, or one equal to the risk-free rate, is named', () => {
    const constant = thrown(() =>
      factorRegression(
        { returns: y, factors: [{ id: 'C', series: series([2, 2, 2, 2, 2, 2]) }] },
        { periodsPerYear: 12 },
      ),
    );
    expect(constant.message).toContain('factor C is constant');
    expect(constant.details['factors']).toEqual(['C']);
    const cash = thrown(() =>
      factorRegression(
        {
          returns: y,
          factors: [
            { id: 'A', series: a },
            { id: 'CASH', series: series([0.01, 0.01, 0.01, 0.01, 0.01, 0.01]) },
          ],
          riskFree: 0.01,
        },
        { periodsPerYear: 12 },
      ),
    );
    expect(cash.details['factors']).toEqual(['CASH']);
  });

  it('too few observations for the parameters: INSUFFICIENT_DATA', () => {
    const e = thrown(() =>
      factorRegression(
        {
          returns: series([1, 2, 3]),
          returnsId: 'Y',
          factors: [
            { id: 'A', series: series([1, 0, 2]) },
            { id: 'B', series: series([0, 1, 5]) },
          ],
        },
        { periodsPerYear: 12 },
      ),
    );
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.message).toBe(
      'Y: 3 common observations for 3 parameters (intercept + A, B): need at least 4',
    );
  });

  it('bad inputs', () => {
    const ok = { returns: y, factors: [{ id: 'A', series: a }] };
    expect(
      thrown(() => factorRegression({ returns: y, factors: [] }, { periodsPerYear: 12 })).code,
    ).toBe('INVALID_INPUT');
    expect(
      thrown(() => factorRegression(ok, { periodsPerYear: 12, hacLags: -1 })).message,
    ).toContain('hacLags');
    expect(thrown(() => factorRegression(ok, { periodsPerYear: 0 })).message).toContain(
      'periodsPerYear',
    );
    expect(
      thrown(() => factorRegression({ ...ok, riskFree: NaN }, { periodsPerYear: 12 })).message,
    ).toContain('riskFree');
    const disjoint = series([1, 2], ['2021-01-29', '2021-02-26']);
    expect(
      thrown(() =>
        factorRegression(
          { returns: disjoint, factors: [{ id: 'A', series: a }] },
          { periodsPerYear: 12 },
        ),
      ).code,
    ).toBe('INSUFFICIENT_DATA');
    // The regressed series given again as a factor: duplicate ids.
    expect(
      thrown(() =>
        factorRegression(
          { returns: y, returnsId: 'A', factors: [{ id: 'A', series: a }] },
          { periodsPerYear: 12 },
        ),
      ).code,
    ).toBe('INVALID_INPUT');
  });
});
