/**
 * Trades: from current holdings (ledger lots, cash per account, quoted prices) and target
 * weights to an ordered trade list with costs, estimated realised gains by term, residual cash
 * and drift. Pure domain code (no I/O, no clock: the trade date is an argument).
 */

export * from './costs';
export * from './estimate-gains';
export * from './holdings-snapshot';
export * from './orders';
export * from './plan-trades';
export * from './size-quantities';
export * from './targets';
export type * from './types';
