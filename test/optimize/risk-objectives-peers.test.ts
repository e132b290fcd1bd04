/**
 * Golden tests of the risk-measure objectives on the two peer panels (test/fixtures/peers):
 *
 * | measure                                   | reference                                          | tolerance (test/helpers/tolerances.ts) |
 * |-------------------------------------------|----------------------------------------------------|---------------|
 * | ERC weights                               | `<panel>.reference.json` `erc` (cvxopt/scipy/R)      | `weightsVsExactSolver` 1e-7 absolute |
 * | ERC risk shares vs budgets                | definition                                         | `riskContributionVsBudget` 1e-8 |
 * | min-CVaR_0.95 value (weights non-unique)  | `<panel>.reference.json` `min_cvar.cvar`            | `peerCvarRelative` 1e-7 relative |
 * | HRP weights (4 linkages), HERC (ward)     | `hierarchical_reference.json` (PyPortfolioOpt / skfolio algorithms on SciPy 1.17.1) | `hierarchicalWeights` 1e-12 absolute |
 * | min semivariance, min CDaR_0.95, min MDD  | `scenario_reference.json` (SLSQP; independent LP via scipy linprog) | `scenarioObjectiveRelative` 1e-9 relative |
 *
 * Every objective goes through the one entry point, `optimize(highs, problem)`.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs, type HighsRuntime } from '../../src/core/solvers/highs.ts';
import {
  optimize,
  type Objective,
  type OptimizationInputs,
} from '../../src/domain/optimize/index.ts';
import { readPeerPanel, type PeerPanelName } from '../helpers/peer-panels.ts';
import { REFERENCE_ACCURACY, relativeError, TOLERANCES } from '../helpers/tolerances.ts';

const PANELS: readonly PeerPanelName[] = ['lpp2005rec_assets6', 'smallcap_stocks20'];

interface PeerReference {
  readonly params: {
    readonly periods_per_year: number;
    readonly cvar_beta: number;
    readonly rf_per_period: number;
  };
  readonly moments: {
    readonly assets: readonly string[];
    readonly mean: Record<string, number>;
    readonly cov: number[][];
  };
  readonly erc: { readonly weights: Record<string, number> };
  readonly min_cvar: { readonly cvar: number; readonly beta: number };
}

function fixture<T>(file: string): T {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/peers/${file}`, import.meta.url)), 'utf8'),
  ) as T;
}

const hierarchical = fixture<
  Record<
    string,
    Record<string, { weights: Record<string, number>; order?: string[]; clusters?: number }>
  >
>('hierarchical_reference.json');
const scenario =
  fixture<
    Record<string, { min_semivariance: number; min_cdar_95: number; min_max_drawdown: number }>
  >('scenario_reference.json');

function setup(name: PeerPanelName): { ref: PeerReference; inputs: OptimizationInputs; k: number } {
  const ref = fixture<PeerReference>(`${name}.reference.json`);
  const k = ref.params.periods_per_year;
  const n = ref.moments.assets.length;
  return {
    ref,
    k,
    inputs: {
      assets: ref.moments.assets,
      expectedReturnsAnnual: Float64Array.from(ref.moments.assets, (a) => ref.moments.mean[a]! * k),
      covarianceAnnual: {
        rows: n,
        cols: n,
        data: Float64Array.from(ref.moments.cov.flat(), (v) => v * k),
      },
      riskFreeRateAnnual: 0,
    },
  };
}

let highs: HighsRuntime;
beforeAll(async () => {
  highs = await loadHighs();
});

describe.each(PANELS)('risk objectives on %s', (name) => {
  const { ref, inputs, k } = setup(name);
  const panel = readPeerPanel(name);

  const solve = (objective: Objective) => optimize(highs, { inputs, objective });
  const scenarios = { returns: panel.returns, periodsPerYear: k };

  it('matches the reference equal-risk-contribution weights within 1e-7', () => {
    const r = solve({ kind: 'riskParity' });
    for (const a of inputs.assets) {
      expect(Math.abs(r.weights[a]! - ref.erc.weights[a]!)).toBeLessThanOrEqual(
        TOLERANCES.weightsVsExactSolver,
      );
      expect(Math.abs(r.riskContributions[a]! - 1 / inputs.assets.length)).toBeLessThanOrEqual(
        TOLERANCES.riskContributionVsBudget,
      );
    }
  });

  it('matches the reference min-CVaR value within 1e-7 relative', () => {
    expect(panel.assets).toEqual(inputs.assets);
    const r = solve({ kind: 'minCvar', scenarios, confidence: ref.params.cvar_beta });
    expect(relativeError(r.riskMeasures.cvar!, ref.min_cvar.cvar)).toBeLessThanOrEqual(
      REFERENCE_ACCURACY.peerCvarRelative,
    );
    // long-only and fully invested, summed here from the returned weights
    const w = Array.from(r.weightsVector);
    expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(
      TOLERANCES.constraintCheck,
    );
    for (const v of w) expect(v).toBeGreaterThanOrEqual(-TOLERANCES.constraintCheck);
  });

  it.each(['single', 'average', 'complete', 'ward'] as const)(
    'matches the HRP reference with %s linkage',
    (linkage) => {
      const expected = hierarchical[name]![`hrp_${linkage}`]!;
      const r = solve({ kind: 'hrp', linkage });
      for (const a of inputs.assets)
        expect(Math.abs(r.weights[a]! - expected.weights[a]!)).toBeLessThanOrEqual(
          REFERENCE_ACCURACY.hierarchicalWeights,
        );
      expect(r.diagnostics.message).toContain(expected.order!.join(' '));
    },
  );

  it('matches the HERC reference (ward, gap-rule cluster count)', () => {
    const expected = hierarchical[name]!.herc_ward!;
    const r = solve({ kind: 'herc' });
    for (const a of inputs.assets)
      expect(Math.abs(r.weights[a]! - expected.weights[a]!)).toBeLessThanOrEqual(
        REFERENCE_ACCURACY.hierarchicalWeights,
      );
    expect(r.diagnostics.message).toContain(`${expected.clusters} clusters (gap)`);
  });

  it('matches the min-semivariance, min-CDaR and min-max-drawdown references within 1e-9 relative', () => {
    const expected = scenario[name]!;
    const close = (actual: number, want: number): void =>
      expect(relativeError(actual, want)).toBeLessThanOrEqual(
        REFERENCE_ACCURACY.scenarioObjectiveRelative,
      );
    close(solve({ kind: 'minSemivariance', scenarios }).objectiveValue, expected.min_semivariance);
    close(
      solve({ kind: 'minCdar', scenarios, confidence: 0.95 }).objectiveValue,
      expected.min_cdar_95,
    );
    close(solve({ kind: 'minMaxDrawdown', scenarios }).objectiveValue, expected.min_max_drawdown);
  });
});
