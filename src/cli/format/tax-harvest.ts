/**
 * The `tax harvest` document for people (tables) and spreadsheets (CSV: one row per candidate
 * lot). Money in dollars as the document gives it; rates as percentages in tables only.
 */

import { warningLines } from '../../app/errors.ts';
import type { TaxHarvestCandidate, TaxHarvestDocument } from '../../app/tax-harvest.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from './numbers.ts';
import { pricingLines } from './pricing.ts';
import { renderCsv, renderTable, type Column } from './table.ts';

const csvColumns: Column<TaxHarvestCandidate>[] = [
  { title: 'account', value: (c) => c.account },
  { title: 'symbol', value: (c) => c.symbol },
  { title: 'lot', value: (c) => c.lotId },
  { title: 'acquired', value: (c) => c.acquired },
  { title: 'term', value: (c) => c.term },
  { title: 'quantity', value: (c) => String(c.quantity) },
  { title: 'price', value: (c) => String(c.price) },
  { title: 'cost_basis', value: (c) => String(c.costBasis) },
  { title: 'value', value: (c) => String(c.value) },
  { title: 'loss', value: (c) => String(c.loss) },
  { title: 'rate', value: (c) => String(c.rate) },
  { title: 'tax_saving', value: (c) => String(c.taxSaving) },
  { title: 'blocked', value: (c) => String(c.blocked) },
  { title: 'blocked_by', value: (c) => c.blockedBy.map((p) => p.lotId).join(' ') },
  { title: 'wash_until', value: (c) => c.washUntil },
];

/** The candidates as CSV, one row per lot (`blocked_by`: the washing purchases' lots). */
export function taxHarvestCsv(doc: TaxHarvestDocument): string {
  return renderCsv(doc.candidates, csvColumns);
}

const signed = (x: number): string => `${x > 0 ? '+' : ''}${x}`;

function substituteLines(doc: TaxHarvestDocument): string[] {
  if (doc.substitutes.length === 0) return [];
  const lines = [
    `Substitutes (L1 distance of exposure per $1 ≤ ${doc.tolerance}; not equivalents)`,
  ];
  for (const s of doc.substitutes) {
    if (!s.inUniverse) lines.push(`  ${s.symbol}: not in the fund definitions — none suggested`);
    else if (s.substitutes.length === 0) lines.push(`  ${s.symbol}: none within the tolerance`);
    else
      lines.push(
        `  ${s.symbol}: ${s.substitutes
          .map((x) => {
            const diff = Object.entries(x.difference).map(([id, d]) => `${id} ${signed(d)}`);
            return `${x.symbol} ${x.distance}${diff.length === 0 ? '' : ` (${diff.join(', ')})`}`;
          })
          .join('; ')}`,
      );
  }
  return lines;
}

function blockedLines(doc: TaxHarvestDocument): string[] {
  const blocked = doc.candidates.filter((c) => c.blocked);
  if (blocked.length === 0) return [];
  return [
    `Blocked (an equivalent bought from ${doc.washWindow.purchasesFrom}: selling now washes the loss)`,
    ...blocked.map(
      (c) =>
        `  ${c.account} ${c.symbol} ${c.lotId}: ${c.blockedBy
          .map(
            (p) =>
              `${p.date} bought ${fmtQuantity(p.quantity)} ${p.symbol} in ${p.account} (${p.lotId})`,
          )
          .join('; ')}`,
    ),
  ];
}

/** Human-readable tables: candidates, blocked lots, substitutes, totals, warnings. */
export function taxHarvestTable(doc: TaxHarvestDocument): string {
  const t = doc.totals;
  const ex = doc.excluded;
  return [
    `Tax-loss harvest as of ${doc.asOf} (lot relief: ${doc.lotMethod.toUpperCase()}; rates: short-term ${fmtPercent(doc.rates.shortTerm)}, long-term ${fmtPercent(doc.rates.longTerm)}; threshold ${fmtMoney(doc.threshold)})`,
    `Wash window: purchases from ${doc.washWindow.purchasesFrom} block a sale on ${doc.asOf}; buying an equivalent back on or before ${doc.washWindow.washUntil} washes the loss (first clean day ${doc.washWindow.firstCleanDate})`,
    '',
    doc.candidates.length === 0
      ? '(no lot of a taxable account has a loss at or above the threshold)'
      : renderTable(doc.candidates, [
          { title: 'Account', value: (c) => c.account },
          { title: 'Symbol', value: (c) => c.symbol },
          { title: 'Lot', value: (c) => c.lotId },
          { title: 'Acquired', value: (c) => c.acquired },
          { title: 'Term', value: (c) => c.term },
          { title: 'Quantity', value: (c) => fmtQuantity(c.quantity), align: 'right' },
          { title: 'Price', value: (c) => fmtPrice(c.price), align: 'right' },
          { title: 'Cost basis', value: (c) => fmtMoney(c.costBasis), align: 'right' },
          { title: 'Value', value: (c) => fmtMoney(c.value), align: 'right' },
          { title: 'Loss', value: (c) => fmtMoney(c.loss), align: 'right' },
          { title: 'Saving', value: (c) => fmtMoney(c.taxSaving), align: 'right' },
          { title: 'Blocked', value: (c) => (c.blocked ? 'yes' : 'no') },
        ]),
    ...blockedLines(doc),
    ...substituteLines(doc),
    `Total: ${t.candidates} candidate lots (${t.blocked} blocked), loss ${fmtMoney(t.loss)}, estimated saving ${fmtMoney(t.taxSaving)}; not blocked: loss ${fmtMoney(t.unblockedLoss)}, saving ${fmtMoney(t.unblockedTaxSaving)}`,
    `Not assessed: ${ex.nonTaxableLots} lots of non-taxable accounts, ${ex.shortLots} short lots${ex.unpriced.length === 0 ? '' : `, unpriced ${ex.unpriced.join(', ')}`}`,
    ...pricingLines(doc.pricing),
    ...warningLines(doc.warnings),
  ].join('\n');
}
