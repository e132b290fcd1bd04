/**
 * Portfolio performance from the ledger (issue 7): history of holdings, values and external
 * flows over trading days, TWR/MWR by period, benchmark-relative returns and P&L.
 */

export * from './attribution';
export * from './benchmark';
export * from './history';
export * from './pnl';
export * from './price-cursor';
export * from './performance-report';
export * from './returns';
export * from './transfers';
export * from './types';
