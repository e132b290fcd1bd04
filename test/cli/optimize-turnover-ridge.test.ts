import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import quadprog from 'quadprog';
import { describe, expect, it } from 'vitest';
import { readPeerMoments } from '../helpers/peer-panels.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * Regression: efficient-return under a turnover limit on LPP2005 made HiGHS's QP run for
 * seconds and then fault inside WebAssembly ("memory access out of bounds"), reported as
 * INTERNAL. Such models (zero-curvature turnover variables) now take the dense kernel with a
 * tiny ridge plus a KKT polish on the original problem.
 *
 * Independent check: from all-in SBI every other weight can only rise, so
 * Σ|w − w0| = (1 − w_SBI) + Σ_{i≠SBI} w_i = 2(1 − w_SBI) and turnover ≤ 1.6 is the linear bound
 * w_SBI ≥ 0.2. That problem — min wᵀΣw s.t. Σw = 1, μᵀw = target, w ≥ 0, w_SBI ≥ 0.2 — is solved
 * by the npm `quadprog` package (Goldfarb-Idnani, 1.6.1) on the peer moments (numpy 1.24.2,
 * × 252), with no turnover variables at all.
 */
const K = 252;
const TARGET = 0.06;

function quadprogReference(): Record<string, number> {
  const m = readPeerMoments('lpp2005rec_assets6');
  const n = m.assets.length;
  const sbi = m.assets.indexOf('SBI');
  const dmat: number[][] = [[]];
  const dvec: number[] = [0];
  const amat: number[][] = [[]];
  // Columns: Σw = 1, μᵀw = target (equalities), then w_i ≥ 0 and w_SBI ≥ 0.2.
  const bvec = [0, 1, TARGET, ...new Array<number>(n).fill(0), 0.2];
  for (let i = 1; i <= n; i++) {
    dmat.push([0, ...m.cov[i - 1]!.map((v) => v * K)]);
    dvec.push(0);
    const column = new Array<number>(bvec.length).fill(0);
    column[1] = 1;
    column[2] = m.mean[m.assets[i - 1]!]! * K;
    column[2 + i] = 1;
    if (i - 1 === sbi) column[bvec.length - 1] = 1;
    amat.push(column);
  }
  const r = quadprog.solveQP(dmat, dvec, amat, bvec, 2);
  if (r.message) throw new Error(`quadprog: ${r.message}`);
  return Object.fromEntries(m.assets.map((a, i) => [a, r.solution[i + 1]!]));
}

describe('optimize efficient-return with a turnover limit (LPP2005)', () => {
  it('solves without a solver fault and matches quadprog on the equivalent problem', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-db-')), 'test.sqlite');
    const run = await runCli(
      '--db',
      db,
      'optimize',
      '--returns',
      'test/fixtures/peers/lpp2005rec_assets6.csv',
      '--periods-per-year',
      String(K),
      '--objective',
      'efficient-return',
      '--target-return',
      String(TARGET),
      '--current-weights',
      'SBI=1',
      '--max-turnover',
      '1.6',
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const reference = quadprogReference();
    for (const [asset, w] of Object.entries(reference))
      expect(Math.abs(out.weights[asset] - w), asset).toBeLessThan(1e-8);
    expect(out.weights.SBI).toBeCloseTo(0.2, 9); // the turnover limit binds
    expect(out.diagnostics.solver).toMatch(/ridge/);
    // Turnover Σ|w − w₀| against w₀ = (SBI 1, others 0), recomputed from the printed weights.
    const turnover = Object.entries(out.weights as Record<string, number>).reduce(
      (sum, [asset, w]) => sum + Math.abs(w - (asset === 'SBI' ? 1 : 0)),
      0,
    );
    expect(turnover).toBeLessThanOrEqual(1.6 + 1e-9);
  });
});
