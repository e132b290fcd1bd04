import { describe, expect, it } from 'vitest';
import { returnFromYieldChange, resolveShocks, type ShockUniverse } from './resolve-shocks.ts';
import { shockText, type ShockSpec } from './shock-spec.ts';

/** Shock specs from `target=value` items (a decimal return, or `±Nbp` for a yield change). */
function specs(text: string): ShockSpec[] {
  return text.split(',').map((item) => {
    const [target, value] = item.split('=') as [string, string];
    const spec = value.endsWith('bp')
      ? { target, kind: 'yield' as const, size: Number(value.slice(0, -2)) / 10_000 }
      : { target, kind: 'return' as const, size: Number(value) };
    return { ...spec, text: shockText(spec) };
  });
}

const universe: ShockUniverse = {
  exposures: [
    { id: 'us_large_equity', category: 'equity_beta' },
    { id: 'emerging_equity', category: 'equity_beta' },
    { id: 'cash_rate', category: 'nominal_fixed_income' },
    { id: 'broad_ust', category: 'nominal_fixed_income' },
    { id: 'tips', category: 'real_assets' },
    { id: 'gold', category: 'real_assets' },
  ],
  durations: new Map([
    ['broad_ust', { years: 6.5, convexity: 60, source: 'test' }],
    ['tips', { years: 7, source: 'test' }],
  ]),
};
const all = new Set(['us_large_equity', 'emerging_equity', 'broad_ust', 'tips', 'gold']);

describe('returnFromYieldChange', () => {
  it('is −D·Δy + ½·C·Δy²', () => {
    // −6.5 × 0.02 + ½ × 60 × 0.02² = −0.13 + 0.012 = −0.118
    expect(returnFromYieldChange({ years: 6.5, convexity: 60, source: '' }, 0.02)).toBeCloseTo(
      -0.118,
      15,
    );
    // no convexity: first order only, −7 × (−0.01) = +0.07
    expect(returnFromYieldChange({ years: 7, source: '' }, -0.01)).toBeCloseTo(0.07, 15);
  });
});

describe('resolveShocks', () => {
  it('applies the most specific target and converts yields through duration', () => {
    const r = resolveShocks(
      specs('equity=-0.3,us_large_equity=-0.35,rates=+200bp,real_assets=0.05'),
      universe,
      all,
    );
    expect(Object.fromEntries(r.map((x) => [x.exposure, x.shock]))).toEqual({
      us_large_equity: -0.35, // exposure beats the equity group
      emerging_equity: -0.3,
      broad_ust: -0.13 + 0.012, // rates group, duration 6.5, convexity 60
      tips: 0.05, // category real_assets beats the rates group
      gold: 0.05,
    });
    // cash_rate is in the rates group without a duration but not held: left out
    expect(r.map((x) => x.exposure)).not.toContain('cash_rate');
    expect(r.find((x) => x.exposure === 'broad_ust')!.rule).toContain('duration from test');
  });

  it('asks for the duration of a held exposure that has none, naming the input field', () => {
    expect(() => resolveShocks(specs('rates=+100bp'), universe, new Set(['cash_rate']))).toThrow(
      /^durations\.cash_rate: the yield shock rates=\+100bp reaches cash_rate/,
    );
  });

  it('rejects unknown targets and same-level conflicts', () => {
    expect(() => resolveShocks(specs('gold=0.1,bitcoin=-0.5'), universe, all)).toThrow(
      /^shocks\[1\]\.target: unknown target "bitcoin"/,
    );
    // category (rank 1) beats group (rank 0) whatever the order written
    const r = resolveShocks(specs('equity_beta=-0.3,equity=-0.2'), universe, all);
    expect(r.map((x) => [x.exposure, x.shock])).toEqual([
      ['us_large_equity', -0.3],
      ['emerging_equity', -0.3],
    ]);
  });

  it('rejects two groups hitting one exposure at the same level', () => {
    // x is in equity_beta (group `equity`) and has a duration (group `rates`)
    const u: ShockUniverse = {
      exposures: [{ id: 'x', category: 'equity_beta' }],
      durations: new Map([['x', { years: 1, source: 't' }]]),
    };
    expect(() => resolveShocks(specs('equity=-0.1,rates=+100bp'), u, new Set(['x']))).toThrow(
      /already shocked by equity=-0.1/,
    );
  });
});
