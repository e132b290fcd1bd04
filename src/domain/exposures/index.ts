/**
 * Exposures: the universe registry, fund definitions, weight-style conversion, validation,
 * implementation selection and holdings decomposition. Pure domain code (no I/O, no clock).
 */

export * from './decompose';
export type * from './fund-types';
export * from './name-key';
export * from './registry';
export * from './select-implementation';
export * from './symbol';
export type * from './types';
export * from './validate-funds';
export * from './vocabulary';
export * from './vocabulary-check';
