/**
 * Series: returns from price bars (total, price, log), frequency conversion, yield and CPI
 * conversions, real/excess returns and their decomposition, exposure returns from
 * implementations, alignment policies and the price data-quality report. Pure domain code.
 */

export * from './align-common.ts';
export * from './align-pairwise.ts';
export * from './align-report.ts';
export * from './as-of-join.ts';
export * from './bar-returns.ts';
export * from './combine-members.ts';
export * from './cpi-availability.ts';
export * from './data-quality.ts';
export * from './decomposition.ts';
export * from './frequency.ts';
export * from './implementation-returns.ts';
export * from './infer-frequency.ts';
export * from './inflation.ts';
export * from './log-returns.ts';
export * from './price-returns.ts';
export * from './quality-checks.ts';
export * from './quality-types.ts';
export * from './real-excess.ts';
export * from './resample.ts';
export * from './total-returns.ts';
export type * from './types.ts';
export * from './validate-series.ts';
export * from './validate-bars.ts';
export * from './yield-returns.ts';
export * from './zip-by-date.ts';
