/** Tables and CSV of the `exposures` document (also used by the demo). */

import { warningLines } from '../../app/errors.ts';
import type { ExposuresDocument } from '../../app/exposures.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from './numbers.ts';
import { pricingLines } from './pricing.ts';
import { renderCsv, renderTable } from './table.ts';

/**
 * Human-readable exposure tables (positions first unless `positions: false`; with them, the
 * stored closes used and the valuation warnings at the end).
 */
export function exposureTable(r: ExposuresDocument, options: { positions?: boolean } = {}): string {
  const positions =
    options.positions === false
      ? []
      : [
          renderTable(r.positions, [
            { title: 'Symbol', value: (p) => p.symbol },
            { title: 'Quantity', value: (p) => fmtQuantity(p.quantity), align: 'right' },
            { title: 'Price', value: (p) => fmtPrice(p.price), align: 'right' },
            { title: 'Market value', value: (p) => fmtMoney(p.marketValue), align: 'right' },
            { title: 'Weight', value: (p) => fmtPercent(p.notionalWeight), align: 'right' },
            { title: 'Price source', value: (p) => p.priceSource },
          ]),
        ];
  return [
    ...positions,
    ...currencyLines(r),
    `Cash ${fmtMoney(r.cash)}${r.cash < 0 ? ' (margin loan)' : ''}; total value ${fmtMoney(r.totalValue)}`,
    '',
    'Economic exposures (per $ of total value)',
    renderTable(r.exposures, [
      { title: 'Exposure', value: (e) => e.id },
      { title: 'Category', value: (e) => e.category },
      { title: 'Economic value', value: (e) => fmtMoney(e.economicValue), align: 'right' },
      { title: 'Weight', value: (e) => fmtPercent(e.economicWeight), align: 'right' },
    ]),
    '',
    renderTable(r.byCategory, [
      { title: 'Category', value: (c) => c.id },
      { title: 'Economic value', value: (c) => fmtMoney(c.economicValue), align: 'right' },
      { title: 'Weight', value: (c) => fmtPercent(c.economicWeight), align: 'right' },
    ]),
    `Gross economic exposure ${fmtPercent(r.grossEconomicExposure)} of total value (${r.grossEconomicExposure.toFixed(2)}×), net ${fmtPercent(r.netEconomicExposure)}`,
    r.unexplained.length === 0
      ? 'Unexplained: none'
      : `Unexplained:\n${r.unexplained.map((u) => `  ${u.symbol} ${u.marketValue === null ? '' : fmtMoney(u.marketValue) + ' '}— ${u.reason}`).join('\n')}`,
    ...(options.positions === false
      ? []
      : [...pricingLines(r.pricing), ...warningLines(r.warnings ?? [])]),
  ].join('\n');
}

/**
 * With a `currency` block (docs/currencies.md, "Exposures in the base currency"): the currency of
 * the amounts, the valuation date, each foreign holding's local value and rate, the hedged ones.
 */
function currencyLines(r: ExposuresDocument): string[] {
  const c = r.currency;
  if (c === undefined) return [];
  const foreign = c.holdings.filter((h) => h.currency !== c.baseCurrency);
  return [
    `Amounts in ${c.baseCurrency}: holdings at local price × FX rate of ${c.valuationDate}; each unhedged foreign holding adds a currency_<CCY> exposure equal to its value`,
    ...foreign.map(
      (h) =>
        `  ${h.symbol}: ${fmtMoney(h.localValue)} ${h.currency} × ${h.rate} (rate of ${h.rateDate}) = ${fmtMoney(h.baseValue)} ${c.baseCurrency}${c.hedged.includes(h.symbol.toUpperCase()) ? ' (currency-hedged share class: no currency exposure)' : ''}`,
    ),
  ];
}

/** One CSV row per exposure: `id,category,economic_value,economic_weight`. */
export function exposuresCsv(r: ExposuresDocument): string {
  return renderCsv(r.exposures, [
    { title: 'id', value: (e) => e.id },
    { title: 'category', value: (e) => e.category },
    { title: 'economic_value', value: (e) => String(e.economicValue) },
    { title: 'economic_weight', value: (e) => String(e.economicWeight) },
  ]);
}
