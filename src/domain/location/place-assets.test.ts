import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../core/solvers/highs.ts';
import { BallastError } from '../errors.ts';
import { placeAssets } from './place-assets.ts';
import type { ExposureProfile, LocationAccount, LocationProblem } from './types.ts';

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

/**
 * The hand cases of docs/asset-location.md. Rates: ordinary 35 %, qualified 15 %, gains 20 %,
 * withdrawal 25 %, H = 10 years.
 *
 *   bonds:  r = 4 %, yield 4 % all ordinary             → drag = 0.04 × 0.35 = 0.014
 *   stocks: r = 7 %, yield 2 % all qualified, turnover 5 %, half of it gains
 *                                                        → drag = 0.02 × 0.15 + 0.05 × 0.5 × 0.20
 *                                                               = 0.003 + 0.005 = 0.008
 */
const bonds: ExposureProfile = {
  expectedReturnAnnual: 0.04,
  yieldAnnual: 0.04,
  qualifiedShare: 0,
  turnoverAnnual: 0,
  realisedGainShare: 0,
};
const stocks: ExposureProfile = {
  expectedReturnAnnual: 0.07,
  yieldAnnual: 0.02,
  qualifiedShare: 1,
  turnoverAnnual: 0.05,
  realisedGainShare: 0.5,
};
const tax = {
  ordinaryRate: 0.35,
  qualifiedRate: 0.15,
  capitalGainsRate: 0.2,
  withdrawalRate: 0.25,
  horizonYears: 10,
};
const funds = {
  BND: { bonds: 1 },
  STK: { stocks: 1 },
  BAL: { bonds: 0.4, stocks: 0.6 },
  STACK: { bonds: 1, stocks: 1 },
  GLDX: { gold: 1 },
};
const H = 10;

function problem(
  accounts: LocationAccount[],
  extra: Partial<LocationProblem> = {},
): LocationProblem {
  return {
    accounts,
    targetWeights: { bonds: 0.5, stocks: 0.5 },
    funds,
    exposures: { bonds, stocks },
    tax,
    ...extra,
  };
}

const acct = (name: string, type: LocationAccount['type'], list: string[], balance = 100_000) => ({
  name,
  type,
  balance,
  funds: list,
});

function held(r: ReturnType<typeof placeAssets>, account: string): Record<string, number> {
  const a = r.accounts.find((x) => x.name === account)!;
  return Object.fromEntries(a.holdings.map((h) => [h.fund, h.dollars]));
}

describe('placeAssets', () => {
  it('taxable + traditional, 50/50: all bonds in traditional, all stocks in taxable', () => {
    const r = placeAssets(
      highs,
      problem([
        acct('brokerage', 'taxable', ['BND', 'STK']),
        acct('ira', 'traditional', ['BND', 'STK']),
      ]),
    );
    expect(held(r, 'ira').BND).toBeCloseTo(100_000, 4);
    expect(held(r, 'ira').STK).toBeUndefined();
    expect(held(r, 'brokerage').STK).toBeCloseTo(100_000, 4);
    // With a = bonds in the IRA, the value is linear in a with slope
    //   0.75 (1.04^10 − 1.07^10) + (1.062^10 − 1.026^10) ≈ 0.75 (−0.48691) + 0.53223 > 0,
    // so a = 100,000: value = 100,000 × 0.75 × 1.04^10 + 100,000 × 1.062^10
    //                       ≈ 111,018.32 + 182,493.x
    const expected = 100_000 * 0.75 * 1.04 ** H + 100_000 * (1 + 0.07 - 0.008) ** H;
    expect(r.objective.afterTaxValue).toBeCloseTo(expected, 4);
    // Naive: 50/50 in each account. Mix r = 0.055, drag = 0.5 × 0.014 + 0.5 × 0.008 = 0.011.
    const naive = 100_000 * (1 + 0.055 - 0.011) ** H + 100_000 * 0.75 * 1.055 ** H;
    expect(r.objective.naiveAfterTaxValue).toBeCloseTo(naive, 4);
    // Drag: placement 100,000 × 0.008 = 800; naive 100,000 × 0.011 = 1,100.
    expect(r.taxDrag.placementAnnual).toBeCloseTo(800, 6);
    expect(r.taxDrag.naiveAnnual).toBeCloseTo(1100, 6);
    expect(r.taxDrag.savedAnnual).toBeCloseTo(300, 6);
    expect(r.solver.kind).toBe('lp');
    const b = r.exposures.find((e) => e.exposure === 'bonds')!;
    expect(b.byAccount).toEqual({
      brokerage: expect.closeTo(0, 4),
      ira: expect.closeTo(100_000, 4),
    });
    expect(b.taxDragPerDollar).toBeCloseTo(0.014, 12);
  });

  it('a long horizon, a low withdrawal rate and low-drag bonds put the stocks in traditional', () => {
    // Bonds now yield 1 % (drag 0.01 × 0.35 = 0.0035); H = 30, withdrawal 10 %. Slope of the
    // value in a = bonds in the IRA: 0.9 (1.04^30 − 1.07^30) + (1.062^30 − 1.0365^30)
    //   ≈ 0.9 (3.2434 − 7.6123) + (6.0776 − 2.9314) = −3.9320 + 3.1462 < 0, so a = 0.
    const lowDragBonds = { ...bonds, yieldAnnual: 0.01 };
    const r = placeAssets(
      highs,
      problem(
        [acct('brokerage', 'taxable', ['BND', 'STK']), acct('ira', 'traditional', ['BND', 'STK'])],
        {
          exposures: { bonds: lowDragBonds, stocks },
          tax: { ...tax, withdrawalRate: 0.1, horizonYears: 30 },
        },
      ),
    );
    expect(held(r, 'ira').STK).toBeCloseTo(100_000, 4);
    expect(held(r, 'brokerage').BND).toBeCloseTo(100_000, 4);
    expect(r.objective.afterTaxValue).toBeCloseTo(90_000 * 1.07 ** 30 + 100_000 * 1.0365 ** 30, 4);
  });

  it('roth + traditional: the higher-return exposure goes to the Roth', () => {
    const r = placeAssets(
      highs,
      problem([acct('roth', 'roth', ['BND', 'STK']), acct('ira', 'traditional', ['BND', 'STK'])]),
    );
    // Moving $1 of stocks from the IRA to the Roth gains 0.25 (1.07^10 − 1.04^10) > 0.
    expect(held(r, 'roth').STK).toBeCloseTo(100_000, 4);
    expect(held(r, 'ira').BND).toBeCloseTo(100_000, 4);
    expect(r.objective.afterTaxValue).toBeCloseTo(100_000 * 1.07 ** H + 75_000 * 1.04 ** H, 4);
    expect(r.taxDrag.placementAnnual).toBe(0);
  });

  it('on the after-tax basis a traditional dollar counts 0.75 towards the target', () => {
    const r = placeAssets(
      highs,
      problem([acct('roth', 'roth', ['BND', 'STK']), acct('ira', 'traditional', ['BND', 'STK'])], {
        traditionalBasis: 'after-tax',
      }),
    );
    // Basis total 100,000 + 0.75 × 100,000 = 175,000: 87,500 of each exposure. The IRA's
    // 100,000 of bonds count 75,000, so the Roth holds 12,500 of bonds and 87,500 of stocks.
    expect(r.householdBasisDollars).toBeCloseTo(175_000, 6);
    expect(held(r, 'roth').STK).toBeCloseTo(87_500, 4);
    expect(held(r, 'roth').BND).toBeCloseTo(12_500, 4);
    expect(held(r, 'ira').BND).toBeCloseTo(100_000, 4);
    const v = 87_500 * 1.07 ** H + 12_500 * 1.04 ** H + 100_000 * 0.75 * 1.04 ** H;
    expect(r.objective.afterTaxValue).toBeCloseTo(v, 4);
  });

  it('a narrow menu forces the second-best placement', () => {
    const r = placeAssets(
      highs,
      problem([
        acct('brokerage', 'taxable', ['BND', 'STK']),
        acct('401k', 'traditional', ['STK', 'BAL']),
      ]),
    );
    // The 401k holds z of BAL (0.4 bonds, 0.6 stocks) and 100,000 − z of STK. One more dollar of
    // BAL: 0.75 (1.058^10 − 1.07^10) ≈ −0.1574 in the 401k, and the brokerage swaps 0.4 of
    // bonds for stocks: 0.4 (1.062^10 − 1.026^10) ≈ +0.2129. Net > 0: z = 100,000.
    expect(held(r, '401k').BAL).toBeCloseTo(100_000, 4);
    expect(held(r, 'brokerage').BND).toBeCloseTo(60_000, 4);
    expect(held(r, 'brokerage').STK).toBeCloseTo(40_000, 4);
    const v = 75_000 * 1.058 ** H + 60_000 * 1.026 ** H + 40_000 * 1.062 ** H;
    expect(r.objective.afterTaxValue).toBeCloseTo(v, 4);
    expect(r.taxDrag.placementAnnual).toBeCloseTo(60_000 * 0.014 + 40_000 * 0.008, 6);
  });

  it('a return-stacked fund counts each of its exposures', () => {
    const r = placeAssets(
      highs,
      problem(
        [
          acct('brokerage', 'taxable', ['BND', 'STK']),
          acct('ira', 'traditional', ['STACK', 'BND']),
        ],
        {
          targetWeights: { bonds: 0.75, stocks: 0.75 },
        },
      ),
    );
    // Targets 150,000 each. IRA: s of STACK + (100,000 − s) of BND gives 100,000 of bonds and s
    // of stocks; the brokerage's b of BND: bonds 100,000 + b = 150,000, stocks s + 100,000 − b
    // = 150,000 → b = 50,000, s = 100,000 (the only placement).
    expect(held(r, 'ira').STACK).toBeCloseTo(100_000, 4);
    expect(held(r, 'brokerage').BND).toBeCloseTo(50_000, 4);
    const v = 75_000 * 1.11 ** H + 50_000 * 1.026 ** H + 50_000 * 1.062 ** H;
    expect(r.objective.afterTaxValue).toBeCloseTo(v, 4);
    expect(r.accounts[1]!.exposureDollars).toEqual({
      bonds: expect.closeTo(100_000, 4),
      stocks: expect.closeTo(100_000, 4),
    });
  });

  it('an exposure no account can hold is INFEASIBLE naming it', () => {
    const accounts = [
      acct('brokerage', 'taxable', ['BND', 'STK']),
      acct('ira', 'traditional', ['BND']),
    ];
    const run = () =>
      placeAssets(
        highs,
        problem(accounts, { targetWeights: { bonds: 0.45, stocks: 0.45, gold: 0.1 } }),
      );
    expect(run).toThrow(BallastError);
    expect(run).toThrow(/target\.gold: no account can hold exposure gold/);
    try {
      run();
    } catch (e) {
      expect((e as BallastError).code).toBe('INFEASIBLE');
    }
  });

  it('a target the menus miss is INFEASIBLE with the miss, or placed and reported with allowDeviation', () => {
    const accounts = [acct('brokerage', 'taxable', ['BAL'])];
    // BAL alone gives 40,000 of bonds and 60,000 of stocks: misses −10,000 and +10,000.
    expect(() => placeAssets(highs, problem(accounts))).toThrow(
      /bonds -10000\.00, stocks \+10000\.00/,
    );
    const r = placeAssets(highs, problem(accounts, { allowDeviation: true }));
    expect(r.totalDeviationDollars).toBeCloseTo(20_000, 4);
    expect(r.exposures.map((e) => e.deviationDollars)).toEqual([
      expect.closeTo(-10_000, 4),
      expect.closeTo(10_000, 4),
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['LOCATION_TARGET_MISSED']);
  });

  it('a minimum position makes a MILP: no position under $20,000', () => {
    const accounts = [
      acct('brokerage', 'taxable', ['BND', 'STK']),
      acct('ira', 'traditional', ['BND', 'STK']),
    ];
    const targetWeights = { bonds: 0.45, stocks: 0.55 };
    const lp = placeAssets(highs, problem(accounts, { targetWeights }));
    // Without a minimum: 90,000 of bonds in the IRA (all of them) and 10,000 of stocks beside.
    expect(held(lp, 'ira').BND).toBeCloseTo(90_000, 4);
    expect(held(lp, 'ira').STK).toBeCloseTo(10_000, 4);
    const r = placeAssets(highs, problem(accounts, { targetWeights, minPositionDollars: 20_000 }));
    // IRA bonds b: IRA stocks 100,000 − b ∈ {0} ∪ [20,000, …] needs b ≤ 80,000 (b = 100,000
    // exceeds the 90,000 target); brokerage bonds 90,000 − b ∈ {0} ∪ [20,000, …] needs b = 90,000
    // or b ≤ 70,000. Value grows with b, so b = 70,000.
    expect(r.solver.kind).toBe('milp');
    expect(held(r, 'ira')).toEqual({
      BND: expect.closeTo(70_000, 4),
      STK: expect.closeTo(30_000, 4),
    });
    expect(held(r, 'brokerage')).toEqual({
      BND: expect.closeTo(20_000, 4),
      STK: expect.closeTo(80_000, 4),
    });
    const v =
      0.75 * (70_000 * 1.04 ** H + 30_000 * 1.07 ** H) + 20_000 * 1.026 ** H + 80_000 * 1.062 ** H;
    expect(r.objective.afterTaxValue).toBeCloseTo(v, 4);
  });

  it('a minimum position above an account balance is INFEASIBLE', () => {
    // The IRA's $10,000 must be invested, but any position in it would be at least $20,000.
    const accounts = [
      acct('brokerage', 'taxable', ['BND', 'STK']),
      acct('ira', 'traditional', ['BND', 'STK'], 10_000),
    ];
    expect(() => placeAssets(highs, problem(accounts, { minPositionDollars: 20_000 }))).toThrow(
      expect.objectContaining({ code: 'INFEASIBLE' }),
    );
  });

  it('a fund without a definition or an exposure without a profile is INVALID_INPUT naming it', () => {
    expect(() => placeAssets(highs, problem([acct('b', 'taxable', ['NOPE'])]))).toThrow(
      /accounts\[0\]\.funds\[0\]: not a fund/,
    );
    expect(() =>
      placeAssets(
        highs,
        problem([acct('b', 'taxable', ['BND', 'STK', 'GLDX'])], {
          targetWeights: { bonds: 0.5, stocks: 0.5 },
        }),
      ),
    ).toThrow(/exposures\.gold: no return and tax profile/);
  });
});
