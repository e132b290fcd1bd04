/**
 * Trades: from current holdings (ledger lots, cash per account, quoted prices) and target
 * weights to an ordered trade list with costs, estimated realised gains by term, residual cash
 * and drift. Pure domain code (no I/O, no clock: the trade date is an argument).
 */

export * from './costs.ts';
export * from './estimate-gains.ts';
export * from './holdings-snapshot.ts';
export * from './orders.ts';
export * from './plan-trades.ts';
export * from './size-quantities.ts';
export * from './targets.ts';
export type * from './types.ts';
