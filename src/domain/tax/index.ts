/**
 * Tax reports over the ledger: Form 8949 rows with wash-sale adjustments, totals by term and an
 * estimated tax (docs/conventions.md "Tax reports"). The wash-sale rule itself runs inside the
 * ledger replay (`buildLedger(…, { wash })`).
 */

export { equivalentsFromGroups, groupOf, type Equivalents } from './equivalents.ts';
export { CAPITAL_LOSS_LIMIT_CENTS, estimateTax, type TaxEstimate } from './estimate-tax.ts';
export { gainRows, gainTotals, type GainRowOptions } from './gains.ts';
export type { GainRow, GainTotals, TaxRates } from './types.ts';
