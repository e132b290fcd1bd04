import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { errorOf, testDeps } from './test-helpers.ts';
import {
  universeDelete,
  universeSave,
  universeStoredGet,
  universeStoredList,
  type UniverseSaveInput,
} from './universe-stored.ts';

const deps = testDeps();
afterAll(() => deps.close());

const fail = async (work: () => unknown): Promise<BallastError> =>
  (await errorOf(work)) as BallastError;

describe('stored universes', () => {
  it('saves, lists, gets, replaces and deletes a named list of symbols', async () => {
    const saved = await universeSave(
      { name: 'core', symbols: ['spy', ' agg ', 'us_large_equity'], description: 'my core' },
      deps,
    );
    expect(saved).toEqual({
      name: 'core',
      symbols: ['SPY', 'AGG', 'US_LARGE_EQUITY'],
      description: 'my core',
      createdAt: '2024-07-01T16:00:00.000Z',
      updatedAt: '2024-07-01T16:00:00.000Z',
      created: true,
    });
    const { created: _, ...stored } = saved;
    expect(await universeStoredList({}, deps)).toEqual([stored]);
    expect(await universeStoredGet({ name: 'core' }, deps)).toEqual(stored);
    const replaced = await universeSave({ name: 'core', symbols: ['GLD'] }, deps);
    expect(replaced).toMatchObject({ symbols: ['GLD'], created: false });
    expect(replaced).not.toHaveProperty('description');
    expect(await universeDelete({ name: 'core' }, deps)).toMatchObject({ symbols: ['GLD'] });
    expect(await universeStoredList({}, deps)).toEqual([]);
  });

  it('refuses bad input naming the field, and an unknown name with NOT_FOUND', async () => {
    const cases: [UniverseSaveInput, string][] = [
      [{ name: 'u', symbols: [] }, 'symbols'],
      [{ name: 'u', symbols: ['SPY', 'spy'] }, 'symbols[1]'],
      [{ name: 'u', symbols: ['S P Y'] }, 'symbols[0]'],
      [{ name: 'u/v', symbols: ['SPY'] }, 'name'],
      [{ name: 'u', symbols: ['SPY'], description: 'x'.repeat(501) }, 'description'],
    ];
    for (const [input, field] of cases) {
      const error = await fail(() => universeSave(input, deps));
      expect([error.code, error.details.field], JSON.stringify(input)).toEqual([
        'INVALID_INPUT',
        field,
      ]);
    }
    for (const work of [
      () => universeStoredGet({ name: 'nope' }, deps),
      () => universeDelete({ name: 'nope' }, deps),
    ]) {
      const error = await fail(work);
      expect([error.code, error.details]).toEqual(['NOT_FOUND', { field: 'name', value: 'nope' }]);
    }
  });
});
