import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `--tracking-error-limit` / `--benchmark-weights` and `--fixed-cost` through the CLI.
 *
 * Panel: T = 4 annual periods, column = mean + scale·pattern with orthogonal zero-mean patterns
 * p1 = (1,−1,1,−1), p2 = (1,1,−1,−1), p3 = (1,−1,−1,1): the sample covariance (divisor 3) is
 * diagonal, var_i = 4·scale_i²/3, and the sample means are the stated means.
 * A: mean 0.10, scale 0.2 (var 0.16/3); B: 0.08, 0.1 (var 0.04/3); C: 0.06, 0.05 (var 0.01/3).
 */
const PANEL = [
  'date,A,B,C',
  '2020-12-31,0.3,0.18,0.11',
  '2021-12-31,-0.1,0.18,0.01',
  '2022-12-31,0.3,-0.02,0.01',
  '2023-12-31,-0.1,-0.02,0.11',
].join('\n');

const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-db-')), 'test.sqlite');

async function optimize(...args: string[]) {
  const { f } = tempFiles({ f: PANEL });
  return runCli('--db', db(), 'optimize', '--returns', f!, '--periods-per-year', '1', ...args);
}

async function json(...args: string[]) {
  const r = await optimize(...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('optimize --tracking-error-limit', () => {
  it('max-return under TE ≤ 5 % against 50/50 A/B lands on the limit (hand KKT)', async () => {
    // Max return with B-weights b = (0.5, 0.5, 0): moving δ from B to A gains 0.02·δ and costs
    // TE² = δ²(var_A + var_B) = δ²·0.2/3 (C stays out: it only lowers return and adds TE).
    // TE = 0.05 → δ = 0.05/√(0.2/3) = 0.05·√15; w_A = 0.5 + δ, w_B = 0.5 − δ.
    const out = await json(
      '--objective',
      'max-return',
      '--benchmark-weights',
      'A=0.5,B=0.5',
      '--tracking-error-limit',
      '0.05',
    );
    const delta = 0.05 * Math.sqrt(15);
    expect(out.weights.A).toBeCloseTo(0.5 + delta, 8);
    expect(out.weights.B).toBeCloseTo(0.5 - delta, 8);
    expect(out.weights.C).toBeCloseTo(0, 9);
    expect(out.expectedReturnAnnual).toBeCloseTo(0.09 + 0.02 * delta, 9);
    const te = out.constraintsChecked.find((c: { name: string }) => c.name === 'trackingError');
    expect(te.ok).toBe(true);
    expect(Math.abs(te.slack)).toBeLessThan(1e-9);
  });

  it('a slack limit leaves the unconstrained answer (all A)', async () => {
    // All-in A: TE² = 0.5²·var_A + 0.5²·var_B = 0.25·0.2/3 → TE = 0.1291 < 0.2.
    const out = await json(
      '--objective',
      'max-return',
      '--benchmark-weights',
      'A=0.5,B=0.5',
      '--tracking-error-limit',
      '0.2',
    );
    expect(out.weights.A).toBeCloseTo(1, 9);
  });

  it('needs both flags, a known column, and an objective that supports it', async () => {
    const alone = await optimize('--objective', 'max-return', '--tracking-error-limit', '0.05');
    expect(alone.stderr).toMatch(/INVALID_INPUT.*tracking-error-limit.*--benchmark-weights/);
    const noLimit = await optimize('--objective', 'max-return', '--benchmark-weights', 'A=1');
    expect(noLimit.stderr).toMatch(/INVALID_INPUT.*benchmark-weights.*--tracking-error-limit/);
    const unknown = await optimize(
      '--objective',
      'max-return',
      '--benchmark-weights',
      'Z=1',
      '--tracking-error-limit',
      '0.05',
    );
    expect(unknown.stderr).toMatch(
      /INVALID_INPUT.*benchmark-weights: not a returns column \(got "Z"\)/,
    );
    const cvar = await optimize(
      '--objective',
      'min-cvar',
      '--benchmark-weights',
      'A=1',
      '--tracking-error-limit',
      '0.05',
    );
    expect(cvar.code).toBe(2);
    expect(cvar.stderr).toMatch(/INVALID_INPUT.*trackingError/);
  });
});

describe('optimize --fixed-cost', () => {
  // Current portfolio: all C (return 0.06). Max return wants all A (0.10): that trades A and C,
  // paying the fixed cost twice, so it pays off only when 0.10 − 2F > 0.06, i.e. F < 0.02.
  it('trades C → A when the gain 0.04 beats two fixed costs (F = 0.015)', async () => {
    const out = await json(
      '--objective',
      'max-return',
      '--current-weights',
      'C=1',
      '--fixed-cost',
      '0.015',
    );
    expect(out.weights.A).toBeCloseTo(1, 9);
    expect(out.weights.C).toBeCloseTo(0, 9);
    expect(out.diagnostics.solver).toMatch(/mip/);
  });

  it('stays in C when two fixed costs exceed the gain (F = 0.025)', async () => {
    const out = await json(
      '--objective',
      'max-return',
      '--current-weights',
      'C=1',
      '--fixed-cost',
      '0.025',
    );
    expect(out.weights.C).toBeCloseTo(1, 9);
    expect(out.weights.A).toBeCloseTo(0, 9);
  });

  it('needs current weights and a non-negative number', async () => {
    const bare = await optimize('--objective', 'max-return', '--fixed-cost', '0.01');
    expect(bare.stderr).toMatch(/INVALID_INPUT.*fixed-cost.*needs --current-weights/);
    const negative = await optimize(
      '--objective',
      'max-return',
      '--current-weights',
      'C=1',
      '--fixed-cost',
      '-1',
    );
    expect(negative.stderr).toMatch(/INVALID_INPUT.*fixed-cost/);
  });
});
