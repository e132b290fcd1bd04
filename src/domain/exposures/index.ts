/**
 * Exposures: the universe registry, fund definitions, weight-style conversion, validation,
 * implementation selection and holdings decomposition. Pure domain code (no I/O, no clock).
 */

export * from './decompose.ts';
export type * from './fund-types.ts';
export * from './name-key.ts';
export * from './registry.ts';
export * from './select-implementation.ts';
export * from './symbol.ts';
export type * from './types.ts';
export * from './validate-funds.ts';
export * from './vocabulary.ts';
export * from './vocabulary-check.ts';
