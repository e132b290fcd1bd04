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

describe('rate shocks keep their sign through the duration model', () => {
  const bonds: ShockUniverse = {
    exposures: [{ id: 'broad_ust', category: 'nominal_fixed_income' }],
    durations: new Map([['broad_ust', { years: 6, source: 'hand' }]]),
  };
  const held = new Set(['broad_ust']);

  it('a rise of 100bp on duration 6 is a loss of 6 %, a fall of 100bp a gain of 6 %', () => {
    // −D·Δy = −6 × 0.01 = −0.06; −6 × (−0.01) = +0.06
    expect(resolveShocks(specs('rates=+100bp'), bonds, held)[0]!.shock).toBeCloseTo(-0.06, 15);
    expect(resolveShocks(specs('rates=-100bp'), bonds, held)[0]!.shock).toBeCloseTo(0.06, 15);
  });

  it('never lets a rise in rates raise a bond, whatever the size and convexity', () => {
    let priced = 0;
    for (const convexity of [0, 30, 60, 200]) {
      const u: ShockUniverse = {
        ...bonds,
        durations: new Map([['broad_ust', { years: 6, convexity, source: 'hand' }]]),
      };
      for (const bp of [1, 10, 100, 250, 500, 1000, 2000]) {
        let shock: number | undefined;
        try {
          shock = resolveShocks(specs(`rates=+${bp}bp`), u, held)[0]!.shock;
        } catch {
          continue; // refused: fine, never a gain
        }
        expect(shock).toBeLessThanOrEqual(0);
        priced += 1;
      }
    }
    // 4 × 7 = 28 pairs. Refused where C·Δy > D = 6: C = 60 at 2000bp (60 × 0.2 = 12), C = 200
    // at 500, 1000 and 2000bp (200 × 0.05 = 10 …); and where the return is below −1: C = 0 at
    // 2000bp (−6 × 0.2 = −1.2). 28 − 1 − 3 − 1 = 23 priced.
    expect(priced).toBe(23);
  });

  it('refuses a rise beyond where convexity turns the approximation up (D/C), naming the size', () => {
    // D = 6.5, C = 60: the slope −6.5 + 60·Δy turns positive at Δy = 6.5/60 = 0.10833 (1083bp).
    // At +1500bp: −6.5 × 0.15 + ½ × 60 × 0.0225 = −0.975 + 0.675 = −0.3, which would look less
    // bad than +1000bp (−0.65 + 0.3 = −0.35): refused instead.
    const u: ShockUniverse = {
      ...bonds,
      durations: new Map([['broad_ust', { years: 6.5, convexity: 60, source: 'hand' }]]),
    };
    expect(resolveShocks(specs('rates=+1000bp'), u, held)[0]!.shock).toBeCloseTo(-0.35, 12);
    expect(() => resolveShocks(specs('rates=+1500bp'), u, held)).toThrow(
      /^shocks\[0\]\.size: the yield shock rates=\+1500bp cannot be priced on broad_ust: .*stops falling beyond a yield change of 1083\.33bp/,
    );
  });

  it('refuses rates=+100bp on duration 0 with convexity 60 (it would gain ½ × 60 × 0.0001 = +0.3 %)', () => {
    const u: ShockUniverse = {
      ...bonds,
      durations: new Map([['broad_ust', { years: 0, convexity: 60, source: 'hand' }]]),
    };
    expect(() => resolveShocks(specs('rates=+100bp'), u, held)).toThrow(/stops falling/);
    // a fall is still a gain: −0 × (−0.01) + ½ × 60 × 0.0001 = +0.003
    expect(resolveShocks(specs('rates=-100bp'), u, held)[0]!.shock).toBeCloseTo(0.003, 15);
  });

  it('refuses a duration move below −100 % (duration 20, +600bp = −120 %)', () => {
    const u: ShockUniverse = {
      ...bonds,
      durations: new Map([['broad_ust', { years: 20, source: 'hand' }]]),
    };
    expect(() => resolveShocks(specs('rates=+600bp'), u, held)).toThrow(/below −1/);
  });
});
