import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, matrix } from '../../core/linalg/matrix.ts';
import { createReturnDistribution, type ReturnDistribution } from './distribution.ts';
import { returnDistributionFromJSON, returnDistributionToJSON } from './distribution-json.ts';
import { summariseDistribution } from './distribution-summary.ts';
import { panel } from './mean-test-panel.ts';

// Tolerances: volatilities and correlations to 1e-15; serialisation exact (bit for bit).
const returns = panel({ A: [0.01, 0.02, -0.01], B: [0, 0.03, 0.03] });
const method = { mean: 'historical', covariance: 'sample', parameters: { note: 'test' } };
const covarianceAnnual = fromRows([
  [0.04, -0.006],
  [-0.006, 0.09],
]);
const build = (overrides: Partial<Parameters<typeof createReturnDistribution>[0]> = {}) =>
  createReturnDistribution({
    returns,
    muAnnual: [0.08, 0.24],
    covarianceAnnual,
    method,
    periodsPerYear: 12,
    ...overrides,
  });

const roundTrip = (d: ReturnDistribution) =>
  returnDistributionFromJSON(JSON.parse(JSON.stringify(returnDistributionToJSON(d))));

const bits = (values: Float64Array) =>
  Array.from(new Uint32Array(Float64Array.from(values).buffer));

describe('ReturnDistribution', () => {
  it('records the window, frequency, method, warnings and an inputs hash', () => {
    const few = { code: 'FEW_OBSERVATIONS', message: 'few observations', details: { n: 3 } };
    const d = build({ warnings: [few] });
    expect(d.assets).toEqual(['A', 'B']);
    expect(d.window).toEqual({ from: '2024-01-28', to: '2024-03-28', observations: 3 });
    expect(d.frequency).toEqual({ periodsPerYear: 12 });
    expect(d.method).toEqual(method);
    expect(d.warnings).toEqual([few]);
    expect(d.inputsHash).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(build().inputsHash).toBe(d.inputsHash);
  });

  it('validates shapes, symmetry and finiteness, naming the field', () => {
    expect(() => build({ muAnnual: [0.1] })).toThrow(/mu: must have 2 values/);
    expect(() => build({ muAnnual: [0.1, Number.NaN] })).toThrow(/mu\[1\]/);
    expect(() => build({ covarianceAnnual: matrix(2, 3) })).toThrow(/must be 2×2/);
    expect(() =>
      build({
        covarianceAnnual: fromRows([
          [0.04, 0.01],
          [0, 0.09],
        ]),
      }),
    ).toThrow(/symmetric/);
    expect(() =>
      build({
        covarianceAnnual: fromRows([
          [-0.04, 0],
          [0, 0.09],
        ]),
      }),
    ).toThrow(/variance/);
    expect(() =>
      build({
        covarianceAnnual: fromRows([
          [0.04, Infinity],
          [Infinity, 0.09],
        ]),
      }),
    ).toThrow(/finite/);
    expect(() => build({ periodsPerYear: 0 })).toThrow(/periodsPerYear/);
    expect(() =>
      build({
        returns: { ...returns, dates: [], columns: [new Float64Array(0), new Float64Array(0)] },
      }),
    ).toThrow(/no observations/);
    expect(() => build({ returns: panel({ A: [0.01, Number.NaN, 0], B: [0, 0, 0] }) })).toThrow(
      /returns\.A/,
    );
    expect(() => build({ returns: { ...returns, ids: ['A', 'A'] } })).toThrow(/unique/);
  });

  it('accepts rounding-level asymmetry within the stated tolerance', () => {
    const nearly = fromRows([
      [0.04, -0.006],
      [-0.006 + 1e-13, 0.09],
    ]);
    expect(() => build({ covarianceAnnual: nearly })).not.toThrow();
  });

  it('round-trips through JSON exactly, negative zero included', () => {
    const d = build({
      muAnnual: [-0, 0.1 + 0.2],
      covarianceAnnual: fromRows([
        [0.04, -0],
        [-0, 0.09],
      ]),
    });
    const back = roundTrip(d);
    expect(back).toEqual(d);
    expect(bits(back.mu)).toEqual(bits(d.mu));
    expect(bits(back.covariance.data)).toEqual(bits(d.covariance.data));
    expect(Object.is(back.mu[0], 0)).toBe(true);
  });

  it('round-trips any finite doubles bit for bit', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        ([a, b], v) => {
          const d = build({
            muAnnual: [a, b],
            covarianceAnnual: fromRows([
              [v, 0],
              [0, v],
            ]),
          });
          const back = roundTrip(d);
          expect(bits(back.mu)).toEqual(bits(d.mu));
          expect(bits(back.covariance.data)).toEqual(bits(d.covariance.data));
        },
      ),
    );
  });

  it('rejects malformed JSON with the field named', () => {
    const json = returnDistributionToJSON(build());
    expect(() => returnDistributionFromJSON(null)).toThrow(/distribution: must be an object/);
    expect(() => returnDistributionFromJSON({ ...json, schema: 'other/1' })).toThrow(/schema/);
    expect(() => returnDistributionFromJSON({ ...json, mu: 'x' })).toThrow(/mu: must be an array/);
    expect(() => returnDistributionFromJSON({ ...json, mu: [0.1, '0.2'] })).toThrow(/mu\[1\]/);
    expect(() => returnDistributionFromJSON({ ...json, assets: [1, 'B'] })).toThrow(/assets\[0\]/);
    expect(() => returnDistributionFromJSON({ ...json, covariance: [[0.04], [0, 0.09]] })).toThrow(
      /equal length/,
    );
    expect(() => returnDistributionFromJSON({ ...json, inputsHash: 'sha1:xyz' })).toThrow(
      /inputsHash/,
    );
    expect(() =>
      returnDistributionFromJSON({ ...json, window: { ...json.window, from: '2025-01-01' } }),
    ).toThrow(/window/);
    expect(() =>
      returnDistributionFromJSON({ ...json, window: { ...json.window, observations: 0 } }),
    ).toThrow(/observations/);
    expect(() =>
      returnDistributionFromJSON({
        ...json,
        method: { ...json.method, parameters: { x: [null, Number.NaN] } },
      }),
    ).toThrow(/method\.parameters\.x\[1\]/);
    expect(() =>
      returnDistributionFromJSON({ ...json, method: { ...json.method, parameters: [] } }),
    ).toThrow(/must be an object/);
    const nested = {
      ...json,
      method: { ...json.method, parameters: { a: { b: [true, 'c', 1] } } },
    };
    expect(returnDistributionFromJSON(nested).method.parameters).toEqual({
      a: { b: [true, 'c', 1] },
    });
  });
});

describe('distribution summary (CLI shape)', () => {
  it('keys mu and volatility by asset and derives correlations', () => {
    // σ = (√.04, √.09) = (.2, .3); ρ_AB = −.006/(.2 · .3) = −.1.
    const summary = summariseDistribution(build());
    expect(summary.mu).toEqual({ A: 0.08, B: 0.24 });
    expect(summary.volatility.A).toBeCloseTo(0.2, 15);
    expect(summary.volatility.B).toBeCloseTo(0.3, 15);
    expect(summary.correlation[0]![0]).toBe(1);
    expect(summary.correlation[0]![1]).toBeCloseTo(-0.1, 15);
    expect(summary.covariance).toEqual([
      [0.04, -0.006],
      [-0.006, 0.09],
    ]);
  });

  it('reports an undefined correlation as null for a zero-variance asset', () => {
    const summary = summariseDistribution(
      build({
        covarianceAnnual: fromRows([
          [0, 0],
          [0, 0.09],
        ]),
      }),
    );
    expect(summary.correlation).toEqual([
      [null, null],
      [null, 1],
    ]);
    expect(summary.volatility.A).toBe(0);
  });
});
