import { describe, expect, it } from 'vitest';
import { twoMadeUpCloses } from '../helpers/made-up-closes.ts';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

/**
 * `ballast backtest` with the multi-period weighting, against a second method: without trading
 * costs the H-period program's first weights maximise μₚᵀw − (γ/2)wᵀΣₚw, whose maximiser is the
 * `optimize` weighting's `utility` objective with the same γ on the annual moments (the
 * per-period ones are the annual over P: the same maximiser). With costs, a longer horizon
 * spreads a trade's cost over more periods and trades at least as much as one period does.
 */

const strategy = (name: string, weighting: string, costBps = 0) =>
  [
    `  - name: ${name}`,
    '    weights: { A: 0.5, B: 0.5 }',
    '    rebalance: monthly',
    `    costBps: ${costBps}`,
    `    weighting: ${weighting}`,
  ].join('\n');

const CONFIG = [
  'prices: prices.csv',
  'initial: 1000',
  'strategies:',
  strategy('mpo', '{ method: multi-period, horizon: 3, riskAversion: 4, lookback: 40 }'),
  strategy(
    'utility',
    '{ method: optimize, objective: { kind: utility, riskAversion: 4 }, lookback: 40 }',
  ),
  strategy('spo-costs', '{ method: multi-period, horizon: 1, riskAversion: 4, lookback: 40 }', 50),
  strategy('mpo-costs', '{ method: multi-period, horizon: 6, riskAversion: 4, lookback: 40 }', 50),
].join('\n');

interface Doc {
  strategies: {
    name: string;
    costs: number;
    weightingLog: { date: string; weights: Record<string, number>; fallback?: { code: string } }[];
  }[];
}

describe('ballast backtest with the multi-period weighting', () => {
  it('without costs gives the utility optimum; with costs a longer horizon trades at least as much', async () => {
    const file = tempFiles({ 'prices.csv': twoMadeUpCloses(), 'bt.yaml': CONFIG })['bt.yaml']!;
    const run = await runCli('backtest', '--config', file, '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    const byName = new Map(doc.strategies.map((s) => [s.name, s]));
    const mpo = byName.get('mpo')!.weightingLog;
    const utility = byName.get('utility')!.weightingLog;
    const solved = mpo.filter((e) => e.fallback === undefined);
    expect(solved.length).toBeGreaterThanOrEqual(3);
    for (const e of solved) {
      const other = utility.find((u) => u.date === e.date)!;
      expect(other.fallback).toBeUndefined();
      expect(e.weights['A']).toBeCloseTo(other.weights['A']!, 6);
      expect(e.weights['B']).toBeCloseTo(other.weights['B']!, 6);
    }
    // The weights move between dates (the rule is not trivially constant on this path).
    expect(new Set(solved.map((e) => e.weights['A']!.toFixed(4))).size).toBeGreaterThan(1);
    expect(byName.get('mpo-costs')!.costs).toBeGreaterThanOrEqual(byName.get('spo-costs')!.costs);
  });

  it('names a multi-period strategy without a schedule and a horizon on another method', async () => {
    const bad = CONFIG.replace('rebalance: monthly', 'rebalance: never');
    let run = await runCli(
      'backtest',
      '--config',
      tempFiles({ 'prices.csv': twoMadeUpCloses(), 'bt.yaml': bad })['bt.yaml']!,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('strategies[0].weighting.method: multi-period plans over');
    const other = CONFIG.replace('{ method: optimize,', '{ method: optimize, horizon: 2,');
    run = await runCli(
      'backtest',
      '--config',
      tempFiles({ 'prices.csv': twoMadeUpCloses(), 'bt.yaml': other })['bt.yaml']!,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('strategies[1].weighting.horizon: only the multi-period method');
  });
});
