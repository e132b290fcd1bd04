/**
 * Performance and risk analytics: the metric set with named conventions, drawdowns,
 * VaR/CVaR, benchmark-relative and rolling measures, TWR/MWR, period returns, return
 * attribution (Carino) and ex-ante risk decomposition. Pure functions over decimal returns.
 */

export * from './annualize.ts';
export * from './benchmark-relative.ts';
export * from './conventions.ts';
export * from './drawdown.ts';
export * from './dropped-dates.ts';
export * from './factor-regression.ts';
export * from './metric-set.ts';
export * from './metric-set-benchmark.ts';
export * from './moments.ts';
export * from './normal-distribution.ts';
export * from './period-returns.ts';
export * from './period-stats.ts';
export * from './ratios.ts';
export * from './return-attribution.ts';
export * from './risk-decomposition.ts';
export * from './rolling.ts';
export * from './time-weighted-return.ts';
export * from './value-at-risk.ts';
export * from './xirr.ts';
export * from './exposure-attribution.ts';
