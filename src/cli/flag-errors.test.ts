import { describe, expect, it } from 'vitest';
import { BallastError, invalidInput } from '../app/errors.ts';
import { renameFieldToFlag, withFlagNames } from './flag-errors.ts';

const FLAGS = { rollingWindow: '--rolling', weights: '--weights', 'attribution.funds': '--funds' };

describe('field names become flag names on the command line', () => {
  it('rewrites the leading field, keeps code, details and the original as cause', () => {
    const original = invalidInput('rollingWindow', 9, 'is longer than the 3 periods');
    const renamed = renameFieldToFlag(original, FLAGS) as BallastError;
    expect(renamed.message).toBe('--rolling: is longer than the 3 periods (got 9)');
    expect(renamed.code).toBe('INVALID_INPUT');
    expect(renamed.details).toEqual({ field: 'rollingWindow', value: 9, flag: '--rolling' });
    expect(renamed.cause).toBe(original);
  });

  it('maps nested fields by their prefix, the longest prefix first', () => {
    const nested = invalidInput('weights[1].symbol', 'Q', 'no such column');
    expect((renameFieldToFlag(nested, FLAGS) as Error).message).toBe(
      '--weights: no such column (got "Q")',
    );
    const deep = invalidInput('attribution.funds', 'x', 'reserved');
    expect((renameFieldToFlag(deep, FLAGS) as Error).message).toBe('--funds: reserved (got "x")');
  });

  it('leaves other errors alone: unknown fields, other messages, non-Ballast errors', () => {
    const other = invalidInput('periodsPerYear', 0, 'must be positive');
    expect(renameFieldToFlag(other, FLAGS)).toBe(other);
    const free = new BallastError('DATA_UNAVAILABLE', 'X: no data', { field: 'weights' });
    expect(renameFieldToFlag(free, FLAGS)).toBe(free);
    const plain = new Error('boom');
    expect(renameFieldToFlag(plain, FLAGS)).toBe(plain);
  });

  it('withFlagNames passes results through and rethrows renamed errors', async () => {
    await expect(withFlagNames(FLAGS, () => Promise.resolve(42))).resolves.toBe(42);
    await expect(
      withFlagNames(FLAGS, () => Promise.reject(invalidInput('weights', 'x', 'bad'))),
    ).rejects.toThrow('--weights: bad (got "x")');
  });
});
