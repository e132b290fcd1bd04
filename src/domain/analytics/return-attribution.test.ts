import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPeerPanel } from '../../../test/helpers/peer-panels.ts';
import { driftingWeights, linkCarino, periodContributions } from './return-attribution.ts';

describe('return attribution on the smallcap peer panel (20 stocks × 60 months, buy and hold)', () => {
  const panel = readPeerPanel('smallcap_stocks20');
  const weights = driftingWeights(new Float64Array(20).fill(0.05), panel.returns);
  const attribution = periodContributions({ weights, returns: panel.returns });

  it('contributions w_{i,t−1} r_{i,t} sum to the portfolio return each period (1e-12)', () => {
    for (let t = 0; t < panel.returns.rows; t++) {
      let s = 0;
      for (let i = 0; i < 20; i++) s += attribution.contributions.data[t * 20 + i]!;
      expect(Math.abs(s - attribution.portfolioReturns[t]!)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('Carino-linked contributions sum to the compounded total return (1e-12)', () => {
    const linked = linkCarino(attribution);
    const sum = linked.linked.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - linked.totalReturn)).toBeLessThanOrEqual(1e-12);
    // Buy and hold: the total return is also the growth of the equal-weight start, Σ 0.05 Π(1+r_i) − 1.
    let hold = 0;
    for (let i = 0; i < 20; i++) {
      let g = 1;
      for (let t = 0; t < 60; t++) g *= 1 + panel.returns.data[t * 20 + i]!;
      hold += 0.05 * g;
    }
    expect(linked.totalReturn).toBeCloseTo(hold - 1, 12);
  });
});

describe('Carino linking (property)', () => {
  it('adds up for any weights and returns, including zero-return periods', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -0.5, max: 0.5, noNaN: true }),
            fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 24,
          },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, w0) => {
          const t = rows.length;
          const returns = { rows: t, cols: 2, data: Float64Array.from(rows.flat()) };
          const weights = {
            rows: t,
            cols: 2,
            data: Float64Array.from(rows.flatMap(() => [w0, 1 - w0])),
          };
          const linked = linkCarino(periodContributions({ weights, returns }));
          const sum = linked.linked[0]! + linked.linked[1]!;
          expect(Math.abs(sum - linked.totalReturn)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(linked.totalReturn)),
          );
        },
      ),
    );
  });

  it('rejects a total loss, where the Carino logarithm is undefined', () => {
    const m = { rows: 1, cols: 1, data: Float64Array.of(-1) };
    const w = { rows: 1, cols: 1, data: Float64Array.of(1) };
    expect(() => linkCarino(periodContributions({ weights: w, returns: m }))).toThrow(/R_t/);
  });

  it('rejects weights of another shape', () => {
    const m = { rows: 1, cols: 2, data: new Float64Array(2) };
    expect(() =>
      periodContributions({ weights: { rows: 1, cols: 1, data: new Float64Array(1) }, returns: m }),
    ).toThrow(/weights/);
  });
});
