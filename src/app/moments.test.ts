import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { BallastError } from '../domain/errors.ts';
import { estimate } from './estimate.ts';
import { momentsFromDocument, readMoments } from './moments.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

// The hand panel of estimate-moments.test.ts: annual μ = (0.12, 0.06), Σ = diag(5.6e-3, 2e-3).
const returns = [
  'date,A,B',
  '2024-01-31,0.01,0',
  '2024-02-29,0.03,0.02',
  '2024-03-31,-0.02,0.01',
  '2024-04-30,0.02,-0.01',
].join('\n');

function fieldOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BallastError);
    expect((e as BallastError).code).toBe('INVALID_INPUT');
    return (e as BallastError).details.field;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('moments files', () => {
  it('reads `estimate --format json` back as optimiser moments (round trip)', async () => {
    const deps = testDeps();
    opened.push(deps);
    const doc = await estimate(
      { panel: { kind: 'file', file: { text: returns } }, riskFreeRateAnnual: 0.02 },
      deps,
    );
    const moments = readMoments({ text: JSON.stringify(doc, null, 2), name: 'moments.json' });
    expect(moments.assets).toEqual(['A', 'B']);
    expect(moments.expectedReturnsAnnual[0]).toBeCloseTo(0.12, 14);
    expect(moments.expectedReturnsAnnual[1]).toBeCloseTo(0.06, 14);
    expect(moments.covarianceAnnual.data[0]).toBeCloseTo(5.6e-3, 15);
    expect(moments.covarianceAnnual.data[3]).toBeCloseTo(2e-3, 15);
    expect(moments.covarianceAnnual.data[1]).toBeCloseTo(0, 15);
    expect(moments.riskFreeRateAnnual).toBe(0.02);
    // bit for bit what the document says
    expect(Array.from(moments.expectedReturnsAnnual)).toEqual([doc.mu.A, doc.mu.B]);
    expect(Array.from(moments.covarianceAnnual.data)).toEqual(doc.covariance.flat());
  });

  it('accepts μ as an array in asset order and ignores other fields', () => {
    const m = momentsFromDocument({
      assets: ['X', 'Y'],
      mu: [0.05, 0.07],
      covariance: [
        [0.04, 0.01],
        [0.01, 0.09],
      ],
      volatility: { X: 0.2, Y: 0.3 },
    });
    expect(Array.from(m.expectedReturnsAnnual)).toEqual([0.05, 0.07]);
    expect(m.riskFreeRateAnnual).toBeUndefined();
  });

  it('refuses broken documents naming the field', () => {
    const base = {
      assets: ['X', 'Y'],
      mu: { X: 0.05, Y: 0.07 },
      covariance: [
        [0.04, 0.01],
        [0.01, 0.09],
      ],
    };
    expect(fieldOf(() => momentsFromDocument({ ...base, mu: { X: 0.05 } }))).toBe('mu.Y');
    expect(fieldOf(() => momentsFromDocument({ ...base, assets: ['X', 'X'] }))).toBe('assets[1]');
    expect(fieldOf(() => momentsFromDocument({ ...base, covariance: [[0.04, 0.01]] }))).toBe(
      'covariance',
    );
    expect(
      fieldOf(() =>
        momentsFromDocument({
          ...base,
          covariance: [
            [0.04, 0.01],
            [0.02, 0.09],
          ],
        }),
      ),
    ).toBe('covariance[0][1]');
    // |ρ| = 0.3 / √(0.04 · 0.09) = 5 > 1: not PSD (eigenvalues of [[.04,.3],[.3,.09]] straddle 0)
    expect(
      fieldOf(() =>
        momentsFromDocument({
          ...base,
          covariance: [
            [0.04, 0.3],
            [0.3, 0.09],
          ],
        }),
      ),
    ).toBe('covariance');
    expect(fieldOf(() => readMoments({ text: '{ not json', name: 'm.json' }))).toBe('moments');
  });
});
