/**
 * ml-matrix, loaded on first use: its CommonJS build is required synchronously when a caller
 * first needs it (an eigen-decomposition, an LU solve), so the many code paths that never do —
 * a long-only minimum-variance solve, most of the CLI — do not pay for loading it (~40 ms).
 * Every Ballast module reaches ml-matrix through here, so there is one instance of it.
 */

import { createRequire } from 'node:module';
import type * as MlMatrixModule from 'ml-matrix';

let loaded: typeof MlMatrixModule | undefined;

/** The ml-matrix module (loaded on the first call). */
export function mlMatrix(): typeof MlMatrixModule {
  loaded ??= createRequire(import.meta.url)('ml-matrix') as typeof MlMatrixModule;
  return loaded;
}
