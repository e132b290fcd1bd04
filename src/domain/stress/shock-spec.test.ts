import { describe, expect, it } from 'vitest';
import { parseDurations, parseShocks } from './shock-spec.ts';

describe('parseShocks', () => {
  it('reads decimal, percent and basis-point items', () => {
    expect(parseShocks(' Equity=-0.3, us_large_equity=-35% ,rates=+200bp')).toEqual([
      { target: 'equity', kind: 'return', value: -0.3, text: 'Equity=-0.3' },
      // −35 % = −0.35
      { target: 'us_large_equity', kind: 'return', value: -0.35, text: 'us_large_equity=-35%' },
      // 200 bp = 200 / 10 000 = 0.02
      { target: 'rates', kind: 'yield', value: 0.02, text: 'rates=+200bp' },
    ]);
    expect(parseShocks('rates=-50bp')[0]!.value).toBeCloseTo(-0.005, 15);
  });

  it.each([
    ['', 'expected target=value'],
    ['equity', 'expected target=value'],
    ['=0.1', 'expected target=value'],
    ['equity=abc', 'expected a decimal return'],
    ['rates=+2x00bp', 'expected a yield change'],
    ['equity=-1.5', 'cannot be below -1'],
    ['equity=-0.3,EQUITY=-0.2', 'given twice'],
  ])('rejects %j', (text, why) => {
    expect(() => parseShocks(text)).toThrow(why);
  });
});

describe('parseDurations', () => {
  it('reads years and optional convexity', () => {
    const d = parseDurations('broad_ust=6.5:60, short_ust=1.9');
    expect(d.get('broad_ust')).toEqual({ years: 6.5, convexity: 60, source: '--duration' });
    expect(d.get('short_ust')).toEqual({ years: 1.9, source: '--duration' });
  });
  it.each(['broad_ust', 'broad_ust=-1', 'broad_ust=1..2', ' , '])('rejects %j', (text) => {
    expect(() => parseDurations(text)).toThrow(/--duration/);
  });
});
