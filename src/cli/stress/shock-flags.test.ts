import { describe, expect, it } from 'vitest';
import { parseDurationFlag, parseShockFlag, parseWindowFlag } from './shock-flags.ts';

describe('--shock', () => {
  it('reads decimal, percent and basis-point items, keeping the unit written', () => {
    expect(parseShockFlag(' Equity=-0.3, us_large_equity=-35% ,rates=+200bp')).toEqual([
      { target: 'equity', kind: 'return', size: -0.3, unit: 'decimal', text: 'Equity=-0.3' },
      {
        target: 'us_large_equity',
        kind: 'return',
        size: -35,
        unit: 'percent',
        text: 'us_large_equity=-35%',
      },
      { target: 'rates', kind: 'yield', size: 200, unit: 'bp', text: 'rates=+200bp' },
    ]);
    expect(parseShockFlag('rates=-50bp')[0]).toMatchObject({ size: -50, unit: 'bp' });
  });

  it('reads rates=+2% as two points of yield, not a 2 % return', () => {
    expect(parseShockFlag('rates=+2%')).toEqual([
      { target: 'rates', kind: 'yield', size: 2, unit: 'percent', text: 'rates=+2%' },
    ]);
  });

  it.each(['rates=+200', 'rates=+0.02', 'Rates=-50'])('refuses %j without a unit', (text) => {
    expect(() => parseShockFlag(text)).toThrow(
      `--shock: a rate shock carries its unit, bp or % of yield (+200bp = +2%); a bare number is ambiguous (got ${JSON.stringify(text)})`,
    );
  });

  it('refuses equity=+30 (a bare decimal return of +3 000 %) and asks for +30%', () => {
    expect(() => parseShockFlag('equity=+30')).toThrow(
      '--shock: a bare number is a decimal return (+30 = 3000 %); write +30% for a percent (got "equity=+30")',
    );
    // up to +1 (doubling) a bare decimal is read as written
    expect(parseShockFlag('gold=1')[0]).toMatchObject({ kind: 'return', size: 1 });
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
