/** Helpers shared by the config loader tests (temporary files, error capture). */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BallastError } from '../../domain/errors.ts';

/** Runs `body` with a file `name` holding `text` in a fresh temporary directory, then removes it. */
export async function withTempFile(
  name: string,
  text: string,
  body: (file: string) => Promise<void>,
): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'ballast-config-'));
  try {
    const file = join(directory, name);
    await writeFile(file, text, 'utf8');
    await body(file);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The BallastError an async call rejects with (fails when it resolves or throws anything else). */
export async function thrownAsync(fn: () => Promise<unknown>): Promise<BallastError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof BallastError) return error;
    throw error;
  }
  throw new Error('expected a BallastError');
}
