/**
 * The ledger: transactions replayed into open tax lots, cash per account, realised gains by
 * term and income (docs/conventions.md, "Holdings, ledger and exposures"). Money is integer
 * cents; quantities are rounded to 1e-9 share; lot relief is FIFO, LIFO, HIFO, specific
 * identification or average cost, O(log n) per sale.
 *
 * @example
 * ```ts
 * import { buildLedger, summarizePositions } from 'ballast/ledger';
 * const ledger = buildLedger(transactions, { lotMethod: 'hifo', asOf: '2024-12-31' });
 * summarizePositions(ledger).realizedTotal; // { shortTerm, longTerm, total } in dollars
 * ```
 */

export {
  buildLedger,
  type LedgerOptions,
  type LedgerResult,
  type TransferredOut,
} from './ledger.ts';
export {
  summarizePositions,
  type LotView,
  type PositionView,
  type PositionsReport,
  type RealizedView,
} from './positions.ts';
export {
  holdingLines,
  holdingsBySymbol,
  valueHoldingLines,
  type HoldingLine,
  type ValuedHoldingLine,
} from './holding-lines.ts';
export { daysUntilLongTerm, holdingTerm, longTermFrom, type Term } from './holding-period.ts';
export { centsToDollars, roundQuantity, type Cents } from './money.ts';
export * from './types.ts';
export {
  proposeCorporateActions,
  DEFAULT_DIVIDEND_WINDOW_DAYS,
  DEFAULT_SPLIT_WINDOW_DAYS,
  DIVIDEND_DAYS_BEFORE,
  type CorporateActionBar,
  type CorporateActionOptions,
  type CorporateActionProposals,
  type ProposedAction,
  type ProposedRow,
  type RecordedAction,
  type UncertainAction,
} from './corporate-actions.ts';
export { mergeIntoLedger, type MergedLedger, type NewTransaction } from './ledger-merge.ts';
