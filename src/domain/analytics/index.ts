/**
 * Performance and risk analytics (issue 7): the metric set with named conventions, drawdowns,
 * VaR/CVaR, benchmark-relative and rolling measures, TWR/MWR, period returns, return
 * attribution (Carino) and ex-ante risk decomposition. Pure functions over decimal returns.
 */

export * from './annualize';
export * from './benchmark-relative';
export * from './conventions';
export * from './drawdown';
export * from './factor-regression';
export * from './metric-set';
export * from './metric-set-benchmark';
export * from './moments';
export * from './normal-distribution';
export * from './period-returns';
export * from './period-stats';
export * from './ratios';
export * from './return-attribution';
export * from './risk-decomposition';
export * from './rolling';
export * from './time-weighted-return';
export * from './value-at-risk';
export * from './xirr';
export * from './exposure-attribution';
