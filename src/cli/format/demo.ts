/** The text of the `demo` document. */

import type { DemoDocument, DemoRisk } from '../../app/demo.ts';
import { warningLines } from '../../app/errors.ts';
import { positionsTable } from '../commands/positions.ts';
import { exposureTable } from './exposures.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from './numbers.ts';
import { renderTable } from './table.ts';

/** The "what could hurt it" block. */
export function demoRiskText(r: DemoRisk): string {
  const top = r.largestContributions
    .map((c) => `${c.exposure} ${fmtPercent(c.percent)}`)
    .join(', ');
  const accounts = r.stress.byAccount
    .map(
      (a) =>
        `${a.account} ${fmtMoney(a.pnl)}${a.return === null ? '' : ` (${fmtPercent(a.return)})`}`,
    )
    .join(', ');
  return [
    'What could hurt it',
    `  Ex-ante volatility ${fmtPercent(r.volatilityAnnual)} a year; 1-year Gaussian VaR ${fmtPercent(r.valueAtRisk1y.var)} (${fmtMoney(r.valueAtRisk1y.varAmount)}), CVaR ${fmtPercent(r.valueAtRisk1y.cvar)} at ${fmtPercent(r.valueAtRisk1y.confidence)}`,
    `  Largest risk contributions: ${top}`,
    `  Covariance: ${r.covariance}`,
    `  Equities −30 % (every equity exposure, through each fund's leverage): ${fmtMoney(r.stress.totalPnl)} (${fmtPercent(r.stress.totalReturn)}); by account: ${accounts}`,
    '  More: ballast risk | stress | performance | plan (see the README)',
  ].join('\n');
}

/** The whole demo as text: holdings, positions, exposures, risk. */
export function demoTable(doc: DemoDocument): string {
  return [
    `Ballast demo — an illustrative leveraged portfolio (ledger: ${doc.ledger})`,
    doc.valuation,
    ...warningLines(doc.warnings ?? []),
    '',
    'Holdings (all accounts)',
    renderTable(doc.holdings, [
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Quantity', value: (p) => fmtQuantity(p.quantity), align: 'right' },
      { title: 'Price', value: (p) => fmtPrice(p.price), align: 'right' },
      { title: 'Priced', value: (p) => `${p.priceSource}${p.priceDate ? ` ${p.priceDate}` : ''}` },
      { title: 'Market value', value: (p) => fmtMoney(p.marketValue), align: 'right' },
      { title: 'Cost basis', value: (p) => fmtMoney(p.costBasis), align: 'right' },
      { title: 'Unrealised', value: (p) => fmtMoney(p.unrealizedGain), align: 'right' },
    ]),
    '',
    positionsTable(doc.positions),
    '',
    `What you really own — total value ${fmtMoney(doc.exposures.totalValue)}, gross economic exposure ${fmtPercent(doc.exposures.grossEconomicExposure)}`,
    exposureTable(doc.exposures, { positions: false }),
    '',
    demoRiskText(doc.risk),
  ].join('\n');
}
