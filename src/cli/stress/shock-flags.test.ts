import { describe, expect, it } from 'vitest';
import { parseDurationFlag, parseShockFlag, parseWindowFlag } from './shock-flags.ts';

describe('--shock', () => {
  it('reads decimal, percent and basis-point items', () => {
    expect(parseShockFlag(' Equity=-0.3, us_large_equity=-35% ,rates=+200bp')).toEqual([
      { target: 'equity', kind: 'return', size: -0.3, text: 'Equity=-0.3' },
      // −35 % = −0.35
      { target: 'us_large_equity', kind: 'return', size: -0.35, text: 'us_large_equity=-35%' },
      // 200 bp = 200 / 10 000 = 0.02
      { target: 'rates', kind: 'yield', size: 0.02, text: 'rates=+200bp' },
    ]);
    expect(parseShockFlag('rates=-50bp')[0]!.size).toBeCloseTo(-0.005, 15);
  });

  it.each([
    ['', 'expected target=value'],
    ['equity', 'expected target=value'],
    ['=0.1', 'expected target=value'],
    ['equity=abc', 'expected a decimal return'],
    ['rates=+2x00bp', 'expected a yield change'],
  ])('rejects %j naming the flag', (text, why) => {
    expect(() => parseShockFlag(text)).toThrow(new RegExp(`^--shock: ${why}`));
  });
});

describe('--duration', () => {
  it('reads years and optional convexity', () => {
    expect(parseDurationFlag('broad_ust=6.5:60, short_ust=1.9')).toEqual({
      broad_ust: { years: 6.5, convexity: 60, source: '--duration' },
      short_ust: { years: 1.9, source: '--duration' },
    });
  });
  it.each(['broad_ust', 'broad_ust=-1', 'broad_ust=1..2', ' , '])('rejects %j', (text) => {
    expect(() => parseDurationFlag(text)).toThrow(/--duration/);
  });
});

describe('--window', () => {
  it('reads FROM:TO', () => {
    expect(parseWindowFlag('2020-02-19:2020-03-23')).toEqual({
      from: '2020-02-19',
      to: '2020-03-23',
    });
  });
  it.each(['2020-02-19', '2020-02-30:2020-03-01', '2020-03-01:2020-02-01', 'a:b:c'])(
    'rejects %j',
    (text) => {
      expect(() => parseWindowFlag(text)).toThrow(/--window/);
    },
  );
});
