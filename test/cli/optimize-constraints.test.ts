import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast optimize` constraint flags (groups, turnover + costs, economic exposures,
 * cardinality) on hand-made panels whose answers follow from the KKT conditions by hand.
 *
 * Panels: T = 4 annual periods (`--periods-per-year 1`), each column = mean + scale·pattern with
 * mutually orthogonal zero-mean patterns p1 = (1,−1,1,−1), p2 = (1,1,−1,−1), p3 = (1,−1,−1,1), so
 * the sample covariance (divisor T − 1 = 3) is diagonal with var_i = 4·scale_i²/3 and the sample
 * mean is the stated mean.
 */
const p1 = [1, -1, 1, -1];
const p2 = [1, 1, -1, -1];
const p3 = [1, -1, -1, 1];
const dates = ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'];
function panel(
  columns: Record<string, { mean: number; scale: number; pattern: number[] }>,
): string {
  const ids = Object.keys(columns);
  const rows = dates.map((d, t) =>
    [d, ...ids.map((id) => columns[id]!.mean + columns[id]!.scale * columns[id]!.pattern[t]!)].join(
      ',',
    ),
  );
  return [['date', ...ids].join(','), ...rows].join('\n');
}

// A, B, C: means 0.10, 0.08, 0.06; variances ∝ 0.2², 0.1², 0.05² = 0.04, 0.01, 0.0025.
const ABC = panel({
  A: { mean: 0.1, scale: 0.2, pattern: p1 },
  B: { mean: 0.08, scale: 0.1, pattern: p2 },
  C: { mean: 0.06, scale: 0.05, pattern: p3 },
});

const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-db-')), 'test.sqlite');

async function run(...args: string[]) {
  return runCli('--db', db(), 'optimize', '--periods-per-year', '1', ...args);
}

async function json(...args: string[]) {
  const r = await run(...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function check(
  out: { constraintsChecked: { name: string; ok: boolean; slack: number }[] },
  name: string,
) {
  const c = out.constraintsChecked.find((x) => x.name === name);
  expect(c, `${name} in ${out.constraintsChecked.map((x) => x.name).join(', ')}`).toBeDefined();
  expect(c!.ok).toBe(true);
  return c!;
}

const nonzero = (w: Record<string, number>) => Object.values(w).filter((v) => Math.abs(v) > 1e-12);

describe('groups', () => {
  it('a binding group cap B + C ≤ 0.8 gives the KKT solution by hand', async () => {
    // Unconstrained min variance on a diagonal Σ: w ∝ 1/var = (25, 100, 400)/525, so
    // B + C = 500/525 ≈ 0.952 > 0.8 and the cap binds: w_A = 0.2, and inside the group
    // w_B : w_C = 1/0.01 : 1/0.0025 = 1 : 4 → w_B = 0.16, w_C = 0.64. KKT: 2·var_A·w_A = λ
    // (0.016·4/3), 2·var_i·w_i = λ − μ for B, C (0.0032·4/3), so μ > 0: the cap is active.
    const { f } = tempFiles({ f: ABC });
    const free = await json('--returns', f!, '--objective', 'min-variance');
    expect(free.weights.B + free.weights.C).toBeCloseTo(500 / 525, 8);
    const out = await json(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--group',
      'bc=B+C::0.8',
    );
    expect(out.weights.A).toBeCloseTo(0.2, 8);
    expect(out.weights.B).toBeCloseTo(0.16, 8);
    expect(out.weights.C).toBeCloseTo(0.64, 8);
    expect(Math.abs(check(out, 'group:bc:max').slack)).toBeLessThan(1e-9);
  });

  it('--groups FILE (group,asset,min,max) gives the same answer as --group', async () => {
    const { f, g } = tempFiles({ f: ABC, g: 'group,asset,min,max\nbc,B,,0.8\nbc,C,,\n' });
    const out = await json('--returns', f!, '--objective', 'min-variance', '--groups', g!);
    expect(out.weights.A).toBeCloseTo(0.2, 8);
    expect(out.weights.C).toBeCloseTo(0.64, 8);
    check(out, 'group:bc:max');
  });
});

describe('turnover and proportional costs', () => {
  it('a turnover limit of 0.5 from all-in-A binds exactly: w = (0.75, 0.05, 0.20)', async () => {
    // From w0 = (1, 0, 0) with w_A ≤ 1 and w_B, w_C ≥ 0: Σ|w − w0| = (1 − w_A) + w_B + w_C
    // = 2(1 − w_A) ≤ 0.5 ⇔ w_A ≥ 0.75. The unconstrained w_A = 25/525 < 0.75, so w_A = 0.75 and
    // the remaining 0.25 splits 1 : 4 (inverse variances of B, C): w_B = 0.05, w_C = 0.20.
    // Cost 20 bps on 0.5 traded = 0.002 · 0.5 = 0.001.
    const { f } = tempFiles({ f: ABC });
    const out = await json(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--current-weights',
      'A=1',
      '--max-turnover',
      '0.5',
      '--cost-bps',
      '20',
    );
    expect(out.weights.A).toBeCloseTo(0.75, 8);
    expect(out.weights.B).toBeCloseTo(0.05, 8);
    expect(out.weights.C).toBeCloseTo(0.2, 8);
    expect(Math.abs(check(out, 'turnover').slack)).toBeLessThan(1e-9);
    expect(out.transactionCost).toBeCloseTo(0.001, 10);
  });

  it('--cost-bps changes max-return: moving C → A gains 0.04 per unit and costs 2κ', async () => {
    // From w0 = all-in C (μ = 0.06) to A (μ = 0.10): each unit moved pays κ on the sale and κ on
    // the purchase. κ = 1 % (100 bps): 0.02 < 0.04, move everything; κ = 3 %: 0.06 > 0.04, stay.
    const { f, cur } = tempFiles({ f: ABC, cur: 'asset,weight\nC,1\n' });
    const cheap = await json(
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--current',
      cur!,
      '--cost-bps',
      '100',
    );
    expect(cheap.weights.A).toBeCloseTo(1, 9);
    expect(cheap.transactionCost).toBeCloseTo(0.02, 10);
    const dear = await json(
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--current',
      cur!,
      '--cost-bps',
      '300',
    );
    expect(dear.weights.C).toBeCloseTo(1, 9);
    expect(dear.transactionCost).toBeCloseTo(0, 10);
  });
});

describe('economic exposures through fund definitions', () => {
  // LEV3: a 3× US equity fund; BND: 1× Treasuries; `gold` is an exposure id (maps to itself).
  const funds = [
    'funds:',
    '  LEV3:',
    '    name: Hand-made 3x equity fund',
    '    category: Leveraged',
    '    exposures: { us_large_equity: 3.0 }',
    '    provenance: hand-made test fixture',
    '    validatedBy: null',
    '  BND:',
    '    name: Hand-made Treasury fund',
    '    category: Bonds',
    '    exposures: { broad_ust: 1.0 }',
    '    provenance: hand-made test fixture',
    '    validatedBy: null',
  ].join('\n');
  // means 0.15 > 0.05 > 0.04: max-return fills LEV3 first, then BND.
  const returns = panel({
    LEV3: { mean: 0.15, scale: 0.3, pattern: p1 },
    BND: { mean: 0.05, scale: 0.05, pattern: p2 },
    gold: { mean: 0.04, scale: 0.15, pattern: p3 },
  });
  const files = () => tempFiles({ f: returns, funds: `${funds}\n` });

  it('an exposure bound binds on the levered fund: x_eq = 3·w_LEV3 ≤ 1.5 ⇒ w_LEV3 = 0.5', async () => {
    const { f, funds: y } = files();
    const out = await json(
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--funds',
      y!,
      '--exposure-bounds',
      'us_large_equity=:1.5',
    );
    expect(out.weights.LEV3).toBeCloseTo(0.5, 9);
    expect(out.weights.BND).toBeCloseTo(0.5, 9);
    // x = Eᵀw by hand: equity 3 · 0.5, Treasuries 1 · 0.5, gold 1 · 0.
    expect(out.exposures.us_large_equity).toBeCloseTo(1.5, 9);
    expect(out.exposures.broad_ust).toBeCloseTo(0.5, 9);
    expect(out.exposures.gold).toBeCloseTo(0, 9);
    expect(Math.abs(check(out, 'exposure:us_large_equity:max').slack)).toBeLessThan(1e-9);
  });

  it('a 3× fund under a gross economic cap of 1.0 gets weight 0', async () => {
    // Σ|x| = 3·w_L + w_B + w_G = 1 + 2·w_L (long-only, Σw = 1) ≤ 1 ⇔ w_L = 0; then BND.
    const { f, funds: y } = files();
    const out = await json(
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--funds',
      y!,
      '--max-gross-exposure',
      '1',
    );
    expect(Math.abs(out.weights.LEV3)).toBeLessThan(1e-9);
    expect(out.weights.BND).toBeCloseTo(1, 9);
    check(out, 'grossExposure');
  });

  it('a category bound on equity_beta (config/exposures.yaml) binds: 3·w_L ≤ 0.9', async () => {
    const { f, funds: y } = files();
    const out = await json(
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--funds',
      y!,
      '--category-bounds',
      'equity_beta=:0.9',
    );
    expect(out.weights.LEV3).toBeCloseTo(0.3, 9);
    expect(out.exposures.us_large_equity).toBeCloseTo(0.9, 9);
    expect(Math.abs(check(out, 'category:equity_beta:max').slack)).toBeLessThan(1e-9);
  });

  it('a column that is neither a fund nor an exposure id is an error naming it', async () => {
    const { funds: y } = files();
    const { f } = tempFiles({
      f: panel({
        LEV3: { mean: 0.1, scale: 0.1, pattern: p1 },
        XYZ: { mean: 0.1, scale: 0.1, pattern: p2 },
      }),
    });
    const r = await run(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--funds',
      y!,
      '--max-gross-exposure',
      '2',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('INVALID_INPUT');
    expect(r.stderr).toContain('"XYZ"');
  });

  it('a bound on an exposure no column loads on, and a malformed range, are errors', async () => {
    const { f, funds: y } = files();
    const none = await run(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--funds',
      y!,
      '--exposure-bounds',
      'tips=0.1:',
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--exposure-bounds');
    expect(none.stderr).toContain('tips');
    const bad = await run(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--funds',
      y!,
      '--exposure-bounds',
      'gold=abc:1',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--exposure-bounds: "abc" is not a number');
  });
});

describe('cardinality and minimum position', () => {
  const lpp = [
    '--returns',
    'test/fixtures/peers/lpp2005rec_assets6.csv',
    '--periods-per-year',
    '252',
  ];

  it('min-cvar --max-assets 2 holds exactly 2 assets, the best pair by enumeration (exact MILP)', async () => {
    const out = await json(...lpp, '--objective', 'min-cvar', '--max-assets', '2');
    expect(nonzero(out.weights)).toHaveLength(2);
    check(out, 'maxAssets');
    expect(out.diagnostics.cardinality).toBe('exact-milp');
    // Independent check: enumerate all 15 pairs (bounds 0 on the other four) and take the
    // smallest CVaR; the MILP must match it.
    const assets = Object.keys(out.weights);
    let best = Infinity;
    for (let i = 0; i < assets.length; i++)
      for (let j = i + 1; j < assets.length; j++) {
        const r = await run(
          ...lpp,
          '--objective',
          'min-cvar',
          '--format',
          'json',
          '--group',
          `out=${assets.filter((_, k) => k !== i && k !== j).join('+')}::0`,
        );
        if (r.code === 0) best = Math.min(best, JSON.parse(r.stdout).cvar);
      }
    expect(Math.abs(out.cvar - best) / best).toBeLessThan(1e-7);
  });

  it('--min-position 0.2 leaves every holding ≥ 0.2', async () => {
    const out = await json(...lpp, '--objective', 'min-cvar', '--min-position', '0.2');
    for (const w of nonzero(out.weights)) expect(w).toBeGreaterThanOrEqual(0.2 - 1e-9);
    check(out, 'minPosition');
  });

  it('min-variance --max-assets 2 keeps the two largest weights and re-solves (top-K heuristic)', async () => {
    // Unrestricted: w ∝ 1/var = (25, 100, 400)/525 → keep B and C; on B, C alone
    // w ∝ (1/0.01, 1/0.0025) = (100, 400)/500 = (0.2, 0.8).
    const { f } = tempFiles({ f: ABC });
    const out = await json('--returns', f!, '--objective', 'min-variance', '--max-assets', '2');
    expect(out.weights.A).toBeCloseTo(0, 12);
    expect(out.weights.B).toBeCloseTo(0.2, 9);
    expect(out.weights.C).toBeCloseTo(0.8, 9);
    expect(check(out, 'maxAssets').slack).toBe(0);
    expect(out.diagnostics.cardinality).toBe('heuristic');
  });

  it('min-variance --min-position 0.25 lifts the small weights to the floor (KKT by hand)', async () => {
    // (25, 100, 400)/525 has A ≈ 0.048 and B ≈ 0.19 below 0.25: with A = B = 0.25 at the floor
    // C = 0.5. KKT: ∂/∂w_i = 2·var_i·w_i ∝ (0.02, 0.005, 0.0025); C is free so λ = 0.0025 and
    // A, B at their lower bounds need a gradient ≥ λ: 0.02 and 0.005 ≥ 0.0025 hold.
    const { f } = tempFiles({ f: ABC });
    const out = await json(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--min-position',
      '0.25',
    );
    expect(out.weights.A).toBeCloseTo(0.25, 9);
    expect(out.weights.B).toBeCloseTo(0.25, 9);
    expect(out.weights.C).toBeCloseTo(0.5, 9);
    expect(check(out, 'minPosition').slack).toBeCloseTo(0, 9);
  });

  it('min-variance cardinality with shorts allowed is rejected, naming the asset', async () => {
    const { f } = tempFiles({ f: ABC });
    const r = await run(
      '--returns',
      f!,
      '--objective',
      'min-variance',
      '--long-short',
      '--max-assets',
      '2',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /INVALID_INPUT.*cardinality limits need long-only weights \(A may go short\)/,
    );
  });

  it('min-semivariance reports the heuristic path', async () => {
    const out = await json(...lpp, '--objective', 'min-semivariance', '--max-assets', '2');
    expect(nonzero(out.weights).length).toBeLessThanOrEqual(2);
    expect(out.diagnostics.cardinality).toBe('heuristic');
  });
});

describe('flag errors', () => {
  it.each([
    [
      ['--objective', 'risk-parity', '--max-assets', '2'],
      '--max-assets is not supported with --objective risk-parity',
    ],
    [
      ['--objective', 'hrp', '--group', 'g=A+B::0.5'],
      '--group is not supported with --objective hrp',
    ],
    [
      ['--objective', 'min-variance', '--max-turnover', '0.2'],
      '--max-turnover: needs --current-weights',
    ],
    [
      ['--objective', 'min-variance', '--group', 'g=A+Z::0.5'],
      '--group: group "g": "Z" is not a returns column',
    ],
    [['--objective', 'min-variance', '--group', 'g=A+B'], '--group: expected name=A+B+C:min:max'],
    [
      ['--objective', 'min-variance', '--group', 'g=A+B:0.6:0.5'],
      'the minimum exceeds the maximum',
    ],
    [
      ['--objective', 'min-variance', '--current-weights', 'A=x'],
      '--current-weights: "x" is not a number',
    ],
    [['--objective', 'min-cvar', '--max-assets', '1.5'], '--max-assets'],
    [['--objective', 'min-variance', '--cost-bps', '-1', '--current-weights', 'A=1'], '--cost-bps'],
  ])('%j → INVALID_INPUT naming the flag', async (args, message) => {
    const { f } = tempFiles({ f: ABC });
    const r = await run('--returns', f!, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('INVALID_INPUT');
    expect(r.stderr).toContain(message);
  });
});
