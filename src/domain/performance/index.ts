/**
 * Portfolio performance from the ledger: history of holdings, values and external
 * flows over trading days, TWR/MWR by period, benchmark-relative returns, P&L and the after-tax view.
 */

export * from './after-tax.ts';
export * from './attribution.ts';
export * from './benchmark.ts';
export * from './flag-warnings.ts';
export * from './history.ts';
export * from './pnl.ts';
export * from './price-cursor.ts';
export * from './performance-report.ts';
export * from './returns.ts';
export * from './transfers.ts';
export * from './types.ts';
export * from './value-changes.ts';
