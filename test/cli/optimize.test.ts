import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * Golden values: ../shared/reference/peers (copied to test/fixtures/peers), produced by the
 * reference calculator — cvxopt (interior-point QP) and scipy (SLSQP / HiGHS LP), cross-checked
 * with R quadprog / fPortfolio / GLPK; per-period rf = 0, moments with divisor T − 1,
 * CVaR β = 0.95. Weights are invariant to annualising μ and Σ by the same 252.
 */
const PANELS = ['lpp2005rec_assets6', 'smallcap_stocks20'] as const;
const ref = (panel: string) =>
  JSON.parse(readFileSync(`test/fixtures/peers/${panel}.reference.json`, 'utf8'));

async function weights(panel: string, ...args: string[]): Promise<Record<string, number>> {
  const ppy = ref(panel).params.periods_per_year as number;
  const run = await runCli(
    'optimize',
    '--returns',
    `test/fixtures/peers/${panel}.csv`,
    '--periods-per-year',
    String(ppy),
    '--format',
    'json',
    ...args,
  );
  expect(run.code, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout);
  // Long-only and fully invested, recomputed from the printed weights (not the code's own checks).
  const w = Object.values(out.weights as Record<string, number>);
  expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
  expect(Math.min(...w)).toBeGreaterThanOrEqual(-1e-12);
  return out.weights;
}

function close(
  actual: Record<string, number>,
  expected: Record<string, number>,
  tol: number,
): void {
  for (const [asset, w] of Object.entries(expected))
    expect(Math.abs(actual[asset]! - w), asset).toBeLessThan(tol);
}

describe.each(PANELS)('ballast optimize on %s matches the peer references', (panel) => {
  const r = ref(panel);
  it('min-variance within 1e-6', async () =>
    close(await weights(panel, '--objective', 'min-variance'), r.gmv.weights, 1e-6));
  it('max-Sharpe (tangency, rf = 0) within 1e-6', async () =>
    close(await weights(panel, '--objective', 'max-sharpe'), r.tangency.weights, 1e-6));
  it('efficient-return at the reference target within 1e-6', async () => {
    const target = r.efficient.target_return * r.params.periods_per_year;
    close(
      await weights(panel, '--objective', 'efficient-return', '--target-return', String(target)),
      r.efficient.weights,
      1e-6,
    );
  });
  it('risk parity within 1e-6', async () =>
    close(await weights(panel, '--objective', 'risk-parity'), r.erc.weights, 1e-6));
  it('min-CVaR objective within 1e-7 relative', async () => {
    const run = await runCli(
      'optimize',
      '--returns',
      `test/fixtures/peers/${panel}.csv`,
      '--periods-per-year',
      String(r.params.periods_per_year),
      '--objective',
      'min-cvar',
      '--confidence',
      '0.95',
      '--format',
      'json',
    );
    const out = JSON.parse(run.stdout);
    expect(Math.abs(out.cvar - r.min_cvar.cvar) / r.min_cvar.cvar).toBeLessThan(1e-7);
  });
});

describe('ballast optimize (hand-checked tangency and errors)', () => {
  // Annual returns built for easy arithmetic: A deviates ±0.2 around 0.10 and B ±0.1 around
  // 0.08, in patterns that are uncorrelated (Σ_AB = 0).
  const panel = [
    'date,A,B',
    '2020-12-31,0.3,0.18',
    '2021-12-31,-0.1,-0.02',
    '2022-12-31,0.3,-0.02',
    '2023-12-31,-0.1,0.18',
  ].join('\n');

  it('max-Sharpe on μ = (.10, .08) with uncorrelated assets is Σ⁻¹(μ − rf) normalised', async () => {
    // sample covariance (divisor T − 1 = 3): var A = 4·0.2²/3, var B = 4·0.1²/3, cov AB = 0
    const { f } = tempFiles({ f: panel });
    const out = JSON.parse(
      (
        await runCli(
          'optimize',
          '--returns',
          f!,
          '--periods-per-year',
          '1',
          '--objective',
          'max-sharpe',
          '--rf',
          '0.02',
          '--format',
          'json',
        )
      ).stdout,
    );
    const a = [0.2, -0.2, 0.2, -0.2];
    const b = [0.1, -0.1, -0.1, 0.1];
    const cov = (x: number[], y: number[]) => x.reduce((s, xi, i) => s + xi * y[i]!, 0) / 3;
    const [saa, sbb, sab] = [cov(a, a), cov(b, b), cov(a, b)];
    // tangency ∝ Σ⁻¹(μ − rf): with sab = 0 here, w ∝ (0.08/saa, 0.06/sbb)
    expect(sab).toBe(0);
    const raw = [0.08 / saa, 0.06 / sbb];
    const w = raw.map((x) => x / (raw[0]! + raw[1]!));
    expect(out.weights.A).toBeCloseTo(w[0]!, 8);
    expect(out.weights.B).toBeCloseTo(w[1]!, 8);
  });

  it('reports an infeasible bound set and an unknown objective with their codes', async () => {
    const { f } = tempFiles({ f: panel });
    const infeasible = await runCli(
      'optimize',
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--max-weight',
      '0.3',
      '--format',
      'json',
    );
    expect(infeasible.code).toBe(5);
    expect(JSON.parse(infeasible.stdout).status).toBe('INFEASIBLE');
    expect((await runCli('optimize', '--returns', f!, '--objective', 'magic')).code).toBe(2);
    const noneAbove = await runCli(
      'optimize',
      '--returns',
      f!,
      '--objective',
      'max-sharpe',
      '--rf',
      '0.5',
    );
    expect(noneAbove.stderr).toContain('NO_ASSET_ABOVE_RISK_FREE');
  });
});

describe('ballast frontier', () => {
  it('runs from min-variance to max-return, monotone, with the tangency portfolio on the CAL', async () => {
    const lpp = ref('lpp2005rec_assets6');
    const run = await runCli(
      'frontier',
      '--returns',
      'test/fixtures/peers/lpp2005rec_assets6.csv',
      '--periods-per-year',
      '252',
      '--points',
      '8',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const f = JSON.parse(run.stdout);
    expect(f.points).toHaveLength(8);
    close(f.minVariance.weights, lpp.gmv.weights, 1e-6);
    close(f.tangency.weights, lpp.tangency.weights, 1e-6);
    for (let i = 1; i < f.points.length; i++) {
      expect(f.points[i].expectedReturnAnnual).toBeGreaterThan(
        f.points[i - 1].expectedReturnAnnual,
      );
      expect(f.points[i].volatilityAnnual).toBeGreaterThanOrEqual(
        f.points[i - 1].volatilityAnnual - 1e-12,
      );
    }
    // CAL slope = tangency Sharpe (rf = 0), and no frontier point lies above the CAL
    expect(f.capitalAllocationLine.slope).toBeCloseTo(f.tangency.sharpe, 10);
    for (const p of f.points)
      expect(p.expectedReturnAnnual).toBeLessThanOrEqual(
        f.capitalAllocationLine.slope * p.volatilityAnnual + 1e-9,
      );
  });
});
