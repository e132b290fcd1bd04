import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { createDeps } from './create-deps.ts';
import { exposures } from './exposures.ts';

const HOLDINGS = {
  text: 'symbol,quantity,cost_basis,acquired,account,price\nSPY,10,4000,2024-01-10,A,500\n',
};

describe('createDeps: existingStore', () => {
  it('values a portfolio without creating the default store when there is none yet', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ballast-home-'));
    const deps = createDeps({
      env: {},
      clock: fixedClock('2024-06-20T20:00:00.000Z'),
      homedir: home,
    });
    const defaultFile = join(home, '.local', 'share', 'ballast', 'ballast.sqlite');
    expect(await deps.existingStore!()).toBeUndefined();
    // 10 × 500 from the holdings file: nothing stored, nothing created
    expect((await exposures({ holdings: HOLDINGS }, deps)).totalValue).toBe(5000);
    expect(existsSync(defaultFile)).toBe(false);
    // once the default store exists, it is read
    const store = await deps.store();
    expect(existsSync(defaultFile)).toBe(true);
    expect(await deps.existingStore!()).toBe(store);
    await deps.close();
  });

  it('opens a store named explicitly (--db) even when its file is new', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-db-'));
    const db = join(dir, 'named.sqlite');
    const deps = createDeps({ env: {}, clock: fixedClock('2024-06-20T20:00:00.000Z'), db });
    expect(await deps.existingStore!()).toBeDefined();
    expect(existsSync(db)).toBe(true);
    await deps.close();
  });
});
