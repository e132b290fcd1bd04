/** Tables and CSV of a trade plan (`rebalance`, and stage 3 of `plan`). */

import { warningLines } from '../../app/errors.ts';
import {
  tradePlanDocument,
  type RebalanceDocument,
  type TradePlan,
  type TradePlanDocument,
} from '../../app/rebalance.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from './numbers.ts';
import { pricingLines } from './pricing.ts';
import { renderCsv, renderTable } from './table.ts';

/** A trade plan as JSON (kept for `plan`; the document of `rebalance`). */
export function tradePlanJson(plan: TradePlan): TradePlanDocument {
  return tradePlanDocument(plan);
}

/** A trade plan as tables for people (with the stored closes used, when a document has them). */
export function tradePlanTable(plan: TradePlan | TradePlanDocument | RebalanceDocument): string {
  const doc: RebalanceDocument = 'totalValueCents' in plan ? tradePlanDocument(plan) : plan;
  const $ = fmtMoney;
  const lots =
    doc.lotSelection === 'method'
      ? `lot relief ${doc.lotMethod.toUpperCase()}`
      : `lot selection ${doc.lotSelection}`;
  const mode = doc.cashFlowOnly ? '; cash-flow only, no sells' : '; sells first';
  const deposit = doc.deposit > 0 ? ` incl. a deposit of ${$(doc.deposit)}` : '';
  const tax = doc.tax;
  return [
    `Trades for ${doc.tradeDate} (total value ${$(doc.totalValue)}${deposit}, ${lots}${mode})`,
    doc.trades.length === 0
      ? '(no trades)'
      : renderTable(doc.trades, [
          { title: 'Side', value: (t) => t.side },
          { title: 'Symbol', value: (t) => t.symbol },
          { title: 'Account', value: (t) => t.account },
          { title: 'Quantity', value: (t) => fmtQuantity(t.quantity), align: 'right' },
          { title: 'Price', value: (t) => fmtPrice(t.price), align: 'right' },
          { title: 'Gross', value: (t) => $(t.gross), align: 'right' },
          { title: 'Cost', value: (t) => $(t.cost), align: 'right' },
          { title: 'ST gain', value: (t) => $(t.realizedShortTerm), align: 'right' },
          { title: 'LT gain', value: (t) => $(t.realizedLongTerm), align: 'right' },
          { title: 'Tax', value: (t) => (t.taxType === 'taxable' ? $(t.estimatedTax) : t.taxType) },
          { title: 'Priced', value: (t) => t.priceSource },
        ]),
    ...doc.skipped.map(
      (s) => `skipped ${s.side} ${fmtQuantity(s.quantity)} ${s.symbol}: ${s.reason}`,
    ),
    '',
    renderTable(doc.positions, [
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Now', value: (p) => fmtQuantity(p.currentQuantity), align: 'right' },
      { title: 'After', value: (p) => fmtQuantity(p.finalQuantity), align: 'right' },
      { title: 'Target', value: (p) => fmtPercent(p.targetWeight), align: 'right' },
      { title: 'Achieved', value: (p) => fmtPercent(p.achievedWeight), align: 'right' },
      { title: 'Drift', value: (p) => fmtPercent(p.drift), align: 'right' },
    ]),
    `Cash ${$(doc.cashBefore)} → ${$(doc.cashAfter)} (target ${fmtPercent(doc.cash.targetWeight)}, achieved ${fmtPercent(doc.cash.achievedWeight)}); costs ${$(doc.totals.costs)}; estimated realised gains: short-term ${$(doc.totals.realizedShortTerm)}, long-term ${$(doc.totals.realizedLongTerm)}`,
    `Estimated tax ${$(tax.estimatedTax)} on taxable gains short-term ${$(tax.shortTermGain)} at ${fmtPercent(tax.shortRate)}, long-term ${$(tax.longTermGain)} at ${fmtPercent(tax.longRate)}${tax.budget === undefined ? '' : `; gains budget ${$(tax.budget)}`}${tax.washSaleRisks.length === 0 ? '' : `; ${tax.washSaleRisks.length} wash-sale risk(s) (see warnings)`}`,
    ...pricingLines(doc.pricing),
    ...warningLines(doc.warnings),
  ].join('\n');
}

/** One CSV row per trade (sells first): the order list. */
export function tradePlanCsv(doc: TradePlanDocument): string {
  return renderCsv(doc.trades, [
    { title: 'side', value: (t) => t.side },
    { title: 'symbol', value: (t) => t.symbol },
    { title: 'account', value: (t) => t.account },
    { title: 'quantity', value: (t) => String(t.quantity) },
    { title: 'price', value: (t) => String(t.price) },
    { title: 'gross', value: (t) => String(t.gross) },
    { title: 'cost', value: (t) => String(t.cost) },
    { title: 'realized_short_term', value: (t) => String(t.realizedShortTerm) },
    { title: 'realized_long_term', value: (t) => String(t.realizedLongTerm) },
    { title: 'price_source', value: (t) => t.priceSource },
    { title: 'tax_type', value: (t) => t.taxType },
    { title: 'estimated_tax', value: (t) => String(t.estimatedTax) },
  ]);
}
