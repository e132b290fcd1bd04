/**
 * Default locations of the shipped config files, resolved relative to this module so they
 * work from any working directory (tsx, vitest and an installed package alike).
 */

/** `config/exposures.yaml` of the repository / package. */
export const DEFAULT_EXPOSURES_PATH = new URL('../../../config/exposures.yaml', import.meta.url);

/** `config/funds.yaml` of the repository / package. */
export const DEFAULT_FUNDS_PATH = new URL('../../../config/funds.yaml', import.meta.url);
