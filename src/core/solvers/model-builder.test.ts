import { describe, expect, it } from 'vitest';
import { ModelBuilder } from './model-builder.ts';

describe('ModelBuilder', () => {
  it('numbers variables in order, applies defaults and tightens bounds', () => {
    const b = new ModelBuilder();
    expect(b.addVariables({ names: ['a', 'b'], lower: [-1, 0], upper: 2 })).toBe(0);
    expect(b.addVariables({ names: ['t'] })).toBe(2);
    b.tightenBounds(0, { lower: -0.5, upper: 3 });
    expect(b.boundsOf(0)).toEqual({ lower: -0.5, upper: 2 });
    expect(b.boundsOf(2)).toEqual({ lower: 0, upper: Infinity });
    expect(b.addRow({ name: 'r', indices: [0, 2, 0], values: [1, 1, 2], lower: 0, upper: 1 })).toBe(
      0,
    );
    expect(b.variableCount).toBe(3);
    expect(b.rowCount).toBe(1);
    const m = b.build();
    // Duplicate entries of a row are summed in the CSR form.
    expect(Array.from(m.constraints.columns)).toEqual([0, 2]);
    expect(Array.from(m.constraints.values)).toEqual([3, 1]);
    expect(m.rowNames).toEqual(['r']);
  });

  it('rejects a row on an unknown variable', () => {
    const b = new ModelBuilder();
    b.addVariables({ names: ['a'] });
    expect(() => b.addRow({ name: 'bad', indices: [1], values: [1], lower: 0, upper: 1 })).toThrow(
      RangeError,
    );
  });
});
