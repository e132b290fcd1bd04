/**
 * Series: returns from price bars (total, price, log), frequency conversion, yield and CPI
 * conversions, real/excess returns and their decomposition, exposure returns from
 * implementations, alignment policies and the price data-quality report. Pure domain code.
 */

export * from './align-common';
export * from './align-pairwise';
export * from './as-of-join';
export * from './bar-returns';
export * from './combine-members';
export * from './cpi-availability';
export * from './data-quality';
export * from './decomposition';
export * from './frequency';
export * from './implementation-returns';
export * from './inflation';
export * from './log-returns';
export * from './price-returns';
export * from './quality-checks';
export * from './quality-types';
export * from './real-excess';
export * from './resample';
export * from './total-returns';
export type * from './types';
export * from './validate-series';
export * from './validate-bars';
export * from './yield-returns';
export * from './zip-by-date';
