import { describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { regimes } from './regimes.ts';
import { errorOf } from './test-helpers.ts';

// MKT: ±1 % alternating, ±5 % on rows 60–89; OTHER: 0.5 × MKT + a small deterministic wiggle.
const rows = Array.from({ length: 120 }, (_, t) => {
  const m = (t % 2 ? 1 : -1) * (t >= 60 && t < 90 ? 0.05 : 0.01);
  const o = 0.5 * m + 0.002 * Math.sin(t);
  const day = new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10);
  return { day, m, o };
});
const returns = {
  text: ['date,MKT,OTHER', ...rows.map((r) => `${r.day},${r.m},${r.o}`)].join('\n'),
};

describe('regimes use case', () => {
  it('threshold: the stressed covariance equals a direct computation on the flagged dates', () => {
    const doc = regimes({ returns, column: 'mkt', model: 'threshold', window: 10, quantile: 0.8 });
    expect(doc.column).toBe('MKT');
    const flags = doc.probabilities.map((p) => p.stressed);
    // a 10-period window has no volatility for the first 9 dates
    expect(flags.slice(0, 9)).toEqual(Array(9).fill(null));
    const idx = flags.flatMap((x, t) => (x === 1 ? [t] : []));
    const mean = (k: 'm' | 'o') => idx.reduce((s, t) => s + rows[t]![k], 0) / idx.length;
    const [mm, mo] = [mean('m'), mean('o')];
    const cov =
      idx.reduce((s, t) => s + (rows[t]!.m - mm) * (rows[t]!.o - mo), 0) / (idx.length - 1);
    expect(doc.correlationRegimes.stressed.covariance[0]![1]).toBeCloseTo(cov, 12);
    // the ±5 % block is the stressed regime
    expect(doc.stressed.vol!).toBeGreaterThan(doc.calm.vol!);
  });

  it('names the column field when the file has no such column', () => {
    let error: unknown;
    try {
      regimes({ returns, column: 'XYZ' });
    } catch (e) {
      error = e;
    }
    expect((error as BallastError).code).toBe('NOT_FOUND');
    expect((error as BallastError).details).toMatchObject({ field: 'column', value: 'XYZ' });
  });

  it('names the field of a bad window', async () => {
    const e = await errorOf(() =>
      regimes({ returns, column: 'MKT', model: 'threshold', window: 1 }),
    );
    expect((e as BallastError).details).toMatchObject({ field: 'window', value: 1 });
  });
});
