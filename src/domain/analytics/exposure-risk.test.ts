import { describe, expect, it } from 'vitest';
import { fromRows } from '../../core/linalg/matrix.ts';
import type { FundUniverse } from '../exposures/fund-types.ts';
import {
  decomposeExposureRisk,
  exposureCorrelation,
  gaussianHorizonRisk,
  type ExposureRiskInput,
} from './exposure-risk.ts';

const fund = (exposures: Record<string, number>) => ({
  name: 'test fund',
  category: 'test',
  exposures,
  provenance: 'hand-written test definition',
  validatedBy: null,
});

/** LEV: 2× equity (A) per $1; BND: 1× bonds (B) per $1; MIX: 1 A + 1 B (stacked). */
const FUNDS: FundUniverse = {
  funds: { LEV: fund({ A: 2 }), BND: fund({ B: 1 }), MIX: fund({ A: 1, B: 1 }) },
};

/** σ_A = 20 %, σ_B = 5 %, ρ = 0.2 → cov = 0.2 · 0.05 · 0.2 = 0.002 (annual). */
const COVARIANCE = {
  ids: ['A', 'B', 'C'],
  matrix: fromRows([
    [0.04, 0.002, 0],
    [0.002, 0.0025, 0],
    [0, 0, 0.01],
  ]),
};

describe('decomposeExposureRisk: a 2× levered fund, a bond fund and margin debt', () => {
  // LEV $30 000 (TAX), BND $80 000 (IRA), cash −$10 000 (TAX margin): NAV = 100 000,
  // w = (0.3, 0.8, −0.1). x = Eᵀw: x_A = 2 · 0.3 = 0.6, x_B = 0.8 (C not held → left out).
  // Σx = (0.04·0.6 + 0.002·0.8, 0.002·0.6 + 0.0025·0.8) = (0.0256, 0.0032);
  // σ² = 0.6·0.0256 + 0.8·0.0032 = 0.01536 + 0.00256 = 0.01792.
  const input: ExposureRiskInput = {
    holdings: [
      { symbol: 'lev', account: 'TAX', marketValue: 20000 },
      { symbol: 'BND', account: 'IRA', marketValue: 80000 },
      { symbol: 'LEV ', account: 'TAX', marketValue: 10000 }, // same line: summed to 30 000
    ],
    cash: [{ account: 'TAX', amount: -10000 }],
    funds: FUNDS,
    covariance: COVARIANCE,
  };
  const r = decomposeExposureRisk(input);
  const sigma = Math.sqrt(0.01792);

  it('computes NAV, exposures and σ by hand', () => {
    expect(r.nav).toBe(100000);
    expect(r.volatility).toBeCloseTo(sigma, 15);
    expect(r.byExposure.map((e) => [e.exposure, e.weight])).toEqual([
      ['A', 0.6],
      ['B', 0.8],
    ]);
  });

  it('reports the correlation of the exposures held, from the same covariance', () => {
    // ρ_AB = 0.002 / √(0.04 · 0.0025) = 0.002 / (0.2 · 0.05) = 0.2; C is not held: left out
    expect(r.correlation.labels).toEqual(['A', 'B']);
    const m = r.correlation.matrix as number[][];
    expect([m[0]![0], m[1]![1]]).toEqual([1, 1]);
    expect(m[0]![1]).toBeCloseTo(0.2, 15);
    expect(m[1]![0]).toBe(m[0]![1]);
  });

  it('splits σ by exposure: 6/7 equity, 1/7 bonds', () => {
    const [a, b] = r.byExposure;
    expect(a!.marginal).toBeCloseTo(0.0256 / sigma, 15);
    expect(b!.marginal).toBeCloseTo(0.0032 / sigma, 15);
    expect(a!.component).toBeCloseTo(0.01536 / sigma, 15);
    expect(b!.component).toBeCloseTo(0.00256 / sigma, 15);
    expect(a!.percent).toBeCloseTo(6 / 7, 14); // 0.01536 / 0.01792
    expect(b!.percent).toBeCloseTo(1 / 7, 14);
    expect(a!.volatility).toBeCloseTo(0.2, 15);
  });

  it('splits σ by position through the fund definitions; cash carries zero risk', () => {
    expect(r.byPosition.map((p) => [p.symbol, p.account, p.kind, p.marketValue, p.weight])).toEqual(
      [
        ['LEV', 'TAX', 'fund', 30000, 0.3],
        ['BND', 'IRA', 'fund', 80000, 0.8],
        ['CASH', 'TAX', 'cash', -10000, -0.1],
      ],
    );
    const [lev, bnd, cash] = r.byPosition;
    // LEV: marginal = 2 · (Σx)_A / σ = 0.0512/σ, component = 0.3 · 0.0512/σ = 0.01536/σ.
    expect(lev!.marginal).toBeCloseTo(0.0512 / sigma, 15);
    expect(lev!.component).toBeCloseTo(0.01536 / sigma, 15);
    expect(lev!.percent).toBeCloseTo(6 / 7, 14);
    expect(lev!.standaloneVolatility).toBeCloseTo(0.4, 15); // 2 × 20 %
    expect(bnd!.marginal).toBeCloseTo(0.0032 / sigma, 15);
    expect(bnd!.component).toBeCloseTo(0.00256 / sigma, 15);
    expect(cash!.component).toBe(0);
    expect(cash!.marginal).toBe(0);
  });

  it('adds up: components by position and by exposure both sum to σ (1e-12)', () => {
    const byPos = r.byPosition.reduce((s, p) => s + p.component, 0);
    const byExp = r.byExposure.reduce((s, e) => s + e.component, 0);
    expect(Math.abs(byPos - r.volatility)).toBeLessThan(1e-12);
    expect(Math.abs(byExp - r.volatility)).toBeLessThan(1e-12);
    expect(r.byPosition.reduce((s, p) => s + p.percent, 0)).toBeCloseTo(1, 12);
  });

  it('reports diversification ratios and effective bets', () => {
    // exposures: (0.6·0.2 + 0.8·0.05)/σ = 0.16/σ; positions: (0.3·0.4 + 0.8·0.05)/σ = 0.16/σ.
    expect(r.diversificationRatio).toBeCloseTo(0.16 / sigma, 14);
    expect(r.diversificationRatioPositions).toBeCloseTo(0.16 / sigma, 14);
    expect(r.effectiveBetsRiskShares).toBeCloseTo(49 / 37, 12); // 1/((6/7)² + (1/7)²)
    // Meucci ENB with the closed-form 2×2 eigen decomposition: λ = m ± √(d² + b²),
    // m = (0.04 + 0.0025)/2, d = (0.04 − 0.0025)/2, b = 0.002; eigenvector of λ₁ ∝ (b, λ₁ − a).
    const m = 0.02125;
    const root = Math.sqrt(0.01875 ** 2 + 0.002 ** 2);
    const l1 = m + root;
    const l2 = m - root;
    const norm = Math.hypot(0.002, l1 - 0.04);
    const v1 = [0.002 / norm, (l1 - 0.04) / norm];
    const v2 = [-v1[1]!, v1[0]!];
    const f1 = v1[0]! * 0.6 + v1[1]! * 0.8;
    const f2 = v2[0]! * 0.6 + v2[1]! * 0.8;
    const p1 = (l1 * f1 * f1) / 0.01792;
    const p2 = (l2 * f2 * f2) / 0.01792;
    expect(p1 + p2).toBeCloseTo(1, 12);
    expect(r.effectiveBets).toBeCloseTo(Math.exp(-p1 * Math.log(p1) - p2 * Math.log(p2)), 10);
    expect(r.unexplained).toEqual([]);
  });
});

describe('decomposeExposureRisk: edge cases', () => {
  const base = { funds: FUNDS, covariance: COVARIANCE };

  it('lists a symbol without a definition as unexplained (value in NAV, no risk line)', () => {
    const r = decomposeExposureRisk({
      ...base,
      holdings: [
        { symbol: 'MIX', account: 'A1', marketValue: 50 },
        { symbol: 'XYZ', account: 'A1', marketValue: 50 },
      ],
      cash: [],
    });
    expect(r.nav).toBe(100);
    expect(r.unexplained).toEqual([
      expect.objectContaining({ symbol: 'XYZ', account: 'A1', marketValue: 50, weight: 0.5 }),
    ]);
    expect(r.byPosition.map((p) => p.symbol)).toEqual(['MIX']);
    // x = (0.5, 0.5): σ² = 0.25·(0.04 + 2·0.002 + 0.0025) = 0.011625
    expect(r.volatility).toBeCloseTo(Math.sqrt(0.011625), 15);
  });

  it('sums contributions to σ with offsetting funds and several accounts (1e-12)', () => {
    const r = decomposeExposureRisk({
      ...base,
      holdings: [
        { symbol: 'LEV', account: 'A1', marketValue: 70 },
        { symbol: 'MIX', account: 'A2', marketValue: 45 },
        { symbol: 'BND', account: 'A1', marketValue: -20 },
        { symbol: 'LEV', account: 'A2', marketValue: 13 },
      ],
      cash: [
        { account: 'A1', amount: 12 },
        { account: 'A2', amount: -9 },
      ],
    });
    expect(r.byPosition).toHaveLength(6);
    expect(Math.abs(r.byPosition.reduce((s, p) => s + p.component, 0) - r.volatility)).toBeLessThan(
      1e-12,
    );
    expect(Math.abs(r.byExposure.reduce((s, e) => s + e.component, 0) - r.volatility)).toBeLessThan(
      1e-12,
    );
  });

  it('names the exposures the covariance does not cover, and the funds holding them', () => {
    expect(() =>
      decomposeExposureRisk({
        funds: { funds: { GOLDX: fund({ gold: 1, A: 0.5 }) } },
        covariance: COVARIANCE,
        holdings: [{ symbol: 'GOLDX', account: 'A1', marketValue: 10 }],
        cash: [],
      }),
    ).toThrow(/gold \(GOLDX\)/);
  });

  it('rejects NAV ≤ 0, non-finite values, a bad covariance and nothing to decompose', () => {
    const one = [{ symbol: 'BND', account: 'A', marketValue: 10 }];
    expect(() =>
      decomposeExposureRisk({ ...base, holdings: one, cash: [{ account: 'A', amount: -10 }] }),
    ).toThrow(/nav/);
    expect(() =>
      decomposeExposureRisk({
        ...base,
        holdings: [{ symbol: 'BND', account: 'A', marketValue: NaN }],
        cash: [],
      }),
    ).toThrow(/marketValue/);
    expect(() =>
      decomposeExposureRisk({ ...base, holdings: one, cash: [{ account: 'A', amount: Infinity }] }),
    ).toThrow(/amount/);
    expect(() =>
      decomposeExposureRisk({
        ...base,
        holdings: [{ symbol: ' ', account: 'A', marketValue: 1 }],
        cash: [],
      }),
    ).toThrow(/symbol/);
    expect(() =>
      decomposeExposureRisk({
        ...base,
        covariance: { ids: ['A', 'B'], matrix: COVARIANCE.matrix },
        holdings: one,
        cash: [],
      }),
    ).toThrow(/covariance/);
    expect(() =>
      decomposeExposureRisk({
        ...base,
        covariance: { ids: ['A', 'A', 'B'], matrix: COVARIANCE.matrix },
        holdings: one,
        cash: [],
      }),
    ).toThrow(/unique/);
    expect(() =>
      decomposeExposureRisk({
        ...base,
        covariance: { ids: ['A'], matrix: fromRows([[NaN]]) },
        holdings: one,
        cash: [],
      }),
    ).toThrow(/finite/);
    expect(() =>
      decomposeExposureRisk({
        ...base,
        holdings: [{ symbol: 'XYZ', account: 'A', marketValue: 1 }],
        cash: [],
      }),
    ).toThrow(/no position with a fund exposure/);
  });
});

describe('gaussianHorizonRisk', () => {
  it('scales zero-mean normal VaR/CVaR by √t', () => {
    // R: qnorm(0.05) = −1.6448536269514722, dnorm(qnorm(0.05)) = 0.10313564037537130
    const year = gaussianHorizonRisk({ volatilityAnnual: 0.2, confidence: 0.95, years: 1 });
    expect(year.valueAtRisk).toBeCloseTo(0.2 * 1.6448536269514722, 14);
    expect(year.expectedShortfall).toBeCloseTo((0.2 * 0.1031356403753713) / 0.05, 12);
    const month = gaussianHorizonRisk({ volatilityAnnual: 0.2, confidence: 0.95, years: 1 / 12 });
    expect(month.valueAtRisk).toBeCloseTo(0.2 * Math.sqrt(1 / 12) * 1.6448536269514722, 14);
    expect(() =>
      gaussianHorizonRisk({ volatilityAnnual: 0.2, confidence: 0.95, years: 0 }),
    ).toThrow(/years/);
    expect(() => gaussianHorizonRisk({ volatilityAnnual: -1, confidence: 0.95, years: 1 })).toThrow(
      /volatilityAnnual/,
    );
  });
});

describe('exposureCorrelation', () => {
  it('is Σ_ij / √(Σ_ii Σ_jj), null where a variance is zero', () => {
    // Σ = [[0.09, −0.012, 0], [−0.012, 0.04, 0], [0, 0, 0]]: ρ_12 = −0.012 / (0.3 · 0.2) = −0.2
    const sigma = { data: [0.09, -0.012, 0, -0.012, 0.04, 0, 0, 0, 0] };
    const c = exposureCorrelation(['X', 'Y', 'Z'], sigma);
    expect(c.labels).toEqual(['X', 'Y', 'Z']);
    expect(c.matrix[0]![0]).toBe(1);
    expect(c.matrix[0]![1]).toBeCloseTo(-0.2, 15);
    expect(c.matrix[1]![0]).toBeCloseTo(-0.2, 15);
    expect(c.matrix[2]).toEqual([null, null, null]);
    expect(c.matrix[0]![2]).toBeNull();
  });
});
