/**
 * Trades: from current holdings (ledger lots, cash per account, quoted prices) and target
 * weights to an ordered trade list with costs, estimated realised gains by term, residual cash
 * and drift, with tax-aware lot selection, estimated tax, a gains budget, wash-sale checks and
 * cash-flow-only mode (docs/tax-aware-trades.md). Pure domain code (no I/O, no clock: the
 * trade date is an argument).
 */

export * from './costs.ts';
export * from './deposit.ts';
export * from './estimate-gains.ts';
export * from './gains-budget.ts';
export * from './holdings-snapshot.ts';
export * from './lot-selection.ts';
export * from './orders.ts';
export * from './plan-outcome.ts';
export * from './plan-trades.ts';
export * from './size-quantities.ts';
export * from './targets.ts';
export * from './tax-cost.ts';
export * from './tax-review.ts';
export * from './wash-risk.ts';
export type * from './types.ts';
