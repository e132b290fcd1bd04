import { describe, expect, it } from 'vitest';
import { BallastError } from '../errors.ts';
import { checkShockSpecs, shockText, type ShockSpec } from './shock-spec.ts';

const spec = (target: string, kind: 'return' | 'yield', size: number): ShockSpec => ({
  target,
  kind,
  size,
  text: shockText({ target, kind, size }),
});

describe('checkShockSpecs', () => {
  it('accepts returns ≥ −1 and yield changes of any sign up to ±2 000bp', () => {
    const specs = [
      spec('equity', 'return', -1),
      spec('rates', 'yield', -0.05),
      spec('broad_ust', 'yield', 0.2),
    ];
    expect(checkShockSpecs(specs)).toBe(specs);
  });

  it.each([
    [[spec('equity', 'return', -1.5)], 'shocks[0].size', 'cannot be below -1'],
    [[spec('gold', 'return', 0.1), spec('equity', 'return', NaN)], 'shocks[1].size', 'finite'],
    [
      [spec('equity', 'return', -0.3), spec('equity', 'return', -0.2)],
      'shocks[1].target',
      'given twice',
    ],
    [[spec(' ', 'return', -0.3)], 'shocks[0].target', 'empty target'],
    [[], 'shocks', 'at least one'],
    // rates=+200 read as a return would be +20 000 % on bonds
    [[spec('rates', 'return', 200)], 'shocks[0].kind', 'the rates group takes a yield change'],
    // 2 as a decimal yield change is +20 000bp: a unit mistake
    [[spec('rates', 'yield', 2)], 'shocks[0].size', 'beyond ±2000bp'],
  ])('names the field of a bad shock (%#)', (specs, field, why) => {
    let error: unknown;
    try {
      checkShockSpecs(specs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BallastError);
    expect((error as BallastError).details).toMatchObject({ field });
    expect((error as BallastError).message).toContain(why);
    expect((error as BallastError).message).not.toContain('--');
  });
});

describe('shockText', () => {
  it('writes returns as decimals and yield changes in basis points', () => {
    expect(shockText({ target: 'equity', kind: 'return', size: -0.3 })).toBe('equity=-0.3');
    // 0.02 × 10 000 = 200 bp; −0.005 × 10 000 = −50 bp
    expect(shockText({ target: 'rates', kind: 'yield', size: 0.02 })).toBe('rates=+200bp');
    expect(shockText({ target: 'rates', kind: 'yield', size: -0.005 })).toBe('rates=-50bp');
  });
});
