/**
 * Default locations of the shipped config files, resolved from the package root so they work
 * from any working directory (tsx, vitest, the compiled library and the bundled CLI alike).
 */

import { packageFile } from '../package-paths.ts';

/** `config/exposures.yaml` of the repository / package. */
export const DEFAULT_EXPOSURES_PATH = packageFile('config/exposures.yaml');

/** `config/funds.yaml` of the repository / package. */
export const DEFAULT_FUNDS_PATH = packageFile('config/funds.yaml');
