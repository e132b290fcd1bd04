import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a64, hashEstimationInputs, hashFloat64 } from './distribution-hash.ts';
import { panel } from './mean-test-panel.ts';

/** Reference FNV-1a 64 with BigInt arithmetic (independent of the 16-bit-limb implementation). */
function fnvBigInt(bytes: Uint8Array): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

const text = (s: string) => new TextEncoder().encode(s);
const method = {
  mean: 'historical',
  covariance: 'sample',
  parameters: { span: 60, views: [1, 2] },
};
const returns = panel({ A: [0.01, 0.02, -0.01], B: [0, 0.03, 0.03] });

describe('FNV-1a 64', () => {
  it('matches the published test vectors', () => {
    // From the FNV reference test suite (isthe.com/chongo/src/fnv/test_fnv.c).
    expect(fnv1a64(text(''))).toBe('cbf29ce484222325');
    expect(fnv1a64(text('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(text('foobar'))).toBe('85944171f73967e8');
  });

  it('hashes float64 values by their little-endian bytes, −0 as +0', () => {
    // 1.0 = 0x3ff0000000000000 → bytes 00 00 00 00 00 00 f0 3f.
    expect(hashFloat64([1])).toBe(
      `fnv1a64:${fnvBigInt(Uint8Array.of(0, 0, 0, 0, 0, 0, 0xf0, 0x3f))}`,
    );
    expect(hashFloat64([-0, 1])).toBe(hashFloat64([0, 1]));
  });

  it('matches a BigInt implementation on arbitrary bytes', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(fnv1a64(bytes)).toBe(fnvBigInt(bytes));
    expect(fnv1a64(bytes.subarray(0, 17))).toBe(fnvBigInt(bytes.subarray(0, 17)));
  });
});

describe('canonical JSON and the inputs hash', () => {
  it('sorts keys at every level and rejects non-finite numbers', () => {
    expect(canonicalJson({ b: [1, { y: null, x: true }], a: 'é', c: -0 })).toBe(
      '{"a":"é","b":[1,{"x":true,"y":null}],"c":0}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/finite/);
  });

  it('is deterministic and ignores parameter key order', () => {
    const first = hashEstimationInputs({ returns, periodsPerYear: 12, method });
    const again = hashEstimationInputs({
      returns: panel({ A: [0.01, 0.02, -0.01], B: [0, 0.03, 0.03] }),
      periodsPerYear: 12,
      method: { covariance: 'sample', mean: 'historical', parameters: { views: [1, 2], span: 60 } },
    });
    expect(first).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(again).toBe(first);
  });

  it('changes with any return bit, the dates, the asset order, the frequency or a parameter', () => {
    const base = hashEstimationInputs({ returns, periodsPerYear: 12, method });
    const nudged = panel({ A: [0.01, 0.02, -0.01], B: [0, 0.03, 0.03] });
    nudged.columns[1]![2] = 0.030000000000000006; // next double above 0.03
    const swapped = {
      ...returns,
      ids: ['B', 'A'],
      columns: [returns.columns[1]!, returns.columns[0]!],
    };
    const moved = { ...returns, dates: ['2024-01-28', '2024-02-28', '2024-03-29'] };
    const variants = [
      hashEstimationInputs({ returns: nudged, periodsPerYear: 12, method }),
      hashEstimationInputs({ returns: swapped, periodsPerYear: 12, method }),
      hashEstimationInputs({ returns: moved, periodsPerYear: 12, method }),
      hashEstimationInputs({ returns, periodsPerYear: 52, method }),
      hashEstimationInputs({
        returns,
        periodsPerYear: 12,
        method: { ...method, parameters: { span: 61, views: [1, 2] } },
      }),
      hashEstimationInputs({
        returns,
        periodsPerYear: 12,
        method: { ...method, covariance: 'ewma' },
      }),
    ];
    expect(new Set([base, ...variants]).size).toBe(7);
  });

  it('treats −0 as +0 and rejects ragged columns', () => {
    const zero = panel({ A: [0, 0.01] });
    const negativeZero = panel({ A: [-0, 0.01] });
    expect(hashEstimationInputs({ returns: negativeZero, periodsPerYear: 12, method })).toBe(
      hashEstimationInputs({ returns: zero, periodsPerYear: 12, method }),
    );
    const ragged = { ids: ['A'], dates: ['2024-01-31'], columns: [new Float64Array(2)] };
    expect(() => hashEstimationInputs({ returns: ragged, periodsPerYear: 12, method })).toThrow(
      /expected 1 values/,
    );
  });
});
