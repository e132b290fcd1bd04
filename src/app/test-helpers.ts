/** Dependencies for use-case tests: a fresh SQLite file in a temporary directory, offline. */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../domain/clock.ts';
import { createDeps, type OwnedDeps } from './create-deps.ts';

/** Offline deps over an empty temporary store, the clock stopped at `today`. */
export function testDeps(today = '2024-07-01'): OwnedDeps {
  return createDeps({
    env: {},
    clock: fixedClock(`${today}T16:00:00.000Z`, today),
    db: join(mkdtempSync(join(tmpdir(), 'ballast-app-')), 'store.sqlite'),
    offline: true,
  });
}

/** The error `work` throws (undefined when it does not). */
export async function errorOf(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (e) {
    return e;
  }
  return undefined;
}
