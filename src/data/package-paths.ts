/**
 * Files shipped with Ballast (`config/`, `data/`), located from the package root. This module
 * sits two directories below the root (`src/data/`, compiled to `dist/data/`), as does the
 * bundled CLI (`dist/bin/`), so the same relative URL finds the root from the sources, the
 * compiled library and the bundle alike. Resources are located only here or in other modules
 * two levels deep (a test checks it).
 */

/** The URL of `relative` (e.g. `config/funds.yaml`) under the package root. */
export function packageFile(relative: string): URL {
  return new URL(`../../${relative}`, import.meta.url);
}
