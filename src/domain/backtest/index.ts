/**
 * Backtesting (docs/backtest.md): strategies of target weights run day by day over a price
 * matrix with schedules, bands, flows, costs and cash interest; TWR, MWR, the analytics metric
 * set and drawdowns per strategy, and a buy-and-hold benchmark.
 */

export * from './book.ts';
export * from './dividends.ts';
export * from './engine.ts';
export * from './fixed-debt.ts';
export * from './margin.ts';
export * from './margin-cost.ts';
export * from './net-value.ts';
export * from './run-backtest.ts';
export * from './schedule.ts';
export * from './simulate-fund.ts';
export * from './summary.ts';
export * from './tax-comparison.ts';
export * from './tax-lots.ts';
export * from './types.ts';
export * from './weighting.ts';
