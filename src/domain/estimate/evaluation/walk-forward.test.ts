import { describe, expect, it } from 'vitest';
import { BallastError } from '../../errors.ts';
import { walkForwardOrigins } from './walk-forward.ts';

describe('walk-forward origins', () => {
  it('expanding: trains from 0 on at least minObservations and stops before the target runs out', () => {
    // T = 20, min 10, h = 3, step 4 → origins 10, 14 (14 + 3 ≤ 20), 18 would need 21 > 20.
    const o = walkForwardOrigins(20, {
      horizon: 3,
      step: 4,
      window: { kind: 'expanding', minObservations: 10 },
    });
    expect(o).toEqual([
      { trainStart: 0, origin: 10 },
      { trainStart: 0, origin: 14 },
    ]);
  });

  it('rolling: trains on exactly the last `length` returns', () => {
    const o = walkForwardOrigins(12, {
      horizon: 1,
      step: 5,
      window: { kind: 'rolling', length: 5 },
    });
    expect(o).toEqual([
      { trainStart: 0, origin: 5 },
      { trainStart: 5, origin: 10 },
    ]);
  });

  it('throws INSUFFICIENT_DATA when no origin fits and INVALID_INPUT for a bad design', () => {
    const short = () =>
      walkForwardOrigins(10, { horizon: 5, step: 1, window: { kind: 'rolling', length: 8 } });
    expect(short).toThrow(BallastError);
    expect(short).toThrow(/at least 13 returns/);
    expect(() =>
      walkForwardOrigins(10, { horizon: 0, step: 1, window: { kind: 'rolling', length: 2 } }),
    ).toThrow(/horizon/);
    expect(() =>
      walkForwardOrigins(10, {
        horizon: 1,
        step: 1,
        window: { kind: 'expanding', minObservations: 0 },
      }),
    ).toThrow(/minObservations/);
  });
});
