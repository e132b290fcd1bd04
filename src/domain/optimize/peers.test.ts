/**
 * Cross-check against the peer reference results (test/fixtures/peers/*.reference.json: cvxopt
 * QP and scipy SLSQP, and R quadprog / fPortfolio). Conventions of the reference: rf = 0 per
 * period, sample mean and covariance with divisor T − 1. Weights are invariant to
 * annualisation, so the moments are annualised (× periods per year) as Ballast's API expects,
 * and the efficient target likewise. Tolerances (test/helpers/tolerances.ts, the table of
 * docs/conventions.md): weights after the KKT polish against an exact solver 1e-9 (measured
 * agreement ~1e-12 on both panels), Sharpe 1e-9 relative, moments 1e-12 relative, and every
 * constraint recomputed here from the returned weights to 1e-9.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnMeans } from '../../core/stats/column-means.ts';
import { covariance } from '../../core/stats/covariance.ts';
import { loadHighs, type HighsRuntime } from '../../core/solvers/highs.ts';
import { readPeerPanel, type PeerPanelName } from '../../../test/helpers/peer-panels.ts';
import { relativeError, TOLERANCES } from '../../../test/helpers/tolerances.ts';
import { optimize } from './index.ts';
import type { Objective } from './objectives.ts';
import type { OptimizationInputs } from './problem.ts';

interface Reference {
  readonly params: { readonly rf_per_period: number; readonly periods_per_year: number };
  readonly moments: { readonly mean: Record<string, number> };
  readonly gmv: { readonly weights: Record<string, number> };
  readonly tangency: {
    readonly weights: Record<string, number>;
    readonly sharpe_annualized: number;
  };
  readonly efficient: { readonly weights: Record<string, number>; readonly target_return: number };
}

function reference(name: PeerPanelName): Reference {
  const url = new URL(`../../../test/fixtures/peers/${name}.reference.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as Reference;
}

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

describe.each(['lpp2005rec_assets6', 'smallcap_stocks20'] as const)('peer panel %s', (name) => {
  const ref = reference(name);
  const panel = readPeerPanel(name);
  const periods = ref.params.periods_per_year;
  const mean = columnMeans(panel.returns);
  const cov = covariance(panel.returns);
  const inputs: OptimizationInputs = {
    assets: panel.assets,
    expectedReturnsAnnual: mean.map((m) => m * periods),
    covarianceAnnual: { ...cov, data: cov.data.map((v) => v * periods) },
    riskFreeRateAnnual: ref.params.rf_per_period * periods,
  };

  it('uses the reference moments (1e-12 relative)', () => {
    panel.assets.forEach((a, i) =>
      expect(relativeError(mean[i]!, ref.moments.mean[a]!)).toBeLessThanOrEqual(
        TOLERANCES.momentsRelative,
      ),
    );
  });

  const cases: [string, Objective, Record<string, number>][] = [
    ['gmv', { kind: 'minVariance' }, ref.gmv.weights],
    ['tangency', { kind: 'maxSharpe' }, ref.tangency.weights],
    [
      'efficient',
      { kind: 'efficientReturn', targetReturnAnnual: ref.efficient.target_return * periods },
      ref.efficient.weights,
    ],
  ];
  it.each(cases)(
    '%s weights match within 1e-9 and every constraint holds to 1e-9',
    (_, objective, expected) => {
      for (const method of ['auto', 'highs'] as const) {
        const r = optimize(highs, { inputs, objective, method });
        for (const a of panel.assets)
          expect(Math.abs(r.weights[a]! - expected[a]!)).toBeLessThanOrEqual(
            TOLERANCES.weightsPolishedVsExactSolver,
          );
        // long-only, fully invested, and the efficient target, from the weights themselves
        const w = Array.from(r.weightsVector);
        expect(Math.abs(w.reduce((x, y) => x + y, 0) - 1)).toBeLessThanOrEqual(
          TOLERANCES.constraintCheck,
        );
        for (const v of w) expect(v).toBeGreaterThanOrEqual(-TOLERANCES.constraintCheck);
        if (objective.kind === 'efficientReturn') {
          const achieved = w.reduce((x, v, i) => x + v * inputs.expectedReturnsAnnual[i]!, 0);
          expect(achieved).toBeGreaterThanOrEqual(
            objective.targetReturnAnnual - TOLERANCES.constraintCheck,
          );
        }
      }
    },
  );

  it('reports the reference annualised Sharpe ratio of the tangency portfolio', () => {
    const r = optimize(highs, { inputs, objective: { kind: 'maxSharpe' } });
    expect(relativeError(r.sharpe, ref.tangency.sharpe_annualized)).toBeLessThanOrEqual(
      TOLERANCES.portfolioFigureRelative,
    );
    expect(r.diagnostics.solver).toBe('dense-active-set');
  });
});
