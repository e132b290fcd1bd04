/** Tables and CSV of the `risk` document. */

import type { HorizonFigures, RiskDocument } from '../../app/risk.ts';
import { warningLines } from '../../app/errors.ts';
import { pricingLines } from './pricing.ts';
import { fmtMoney, fmtPercent } from './numbers.ts';
import { renderCsv, renderTable } from './table.ts';

const pct = (x: number): string => fmtPercent(x);

/** The exposure correlation matrix as a table (rows and columns in `byExposure` order). */
function correlationTable(doc: RiskDocument): string {
  const { labels, matrix } = doc.correlation;
  const rows = labels.map((label, i) => ({ label, values: matrix[i]! }));
  return renderTable(rows, [
    { title: '', value: (r) => r.label },
    ...labels.map((label, j) => ({
      title: label,
      value: (r: (typeof rows)[number]) => {
        const rho = r.values[j];
        return rho === null || rho === undefined ? '—' : rho.toFixed(2);
      },
      align: 'right' as const,
    })),
  ]);
}

/** Human-readable view of a {@link RiskDocument}. */
export function riskTable(doc: RiskDocument): string {
  const cov = doc.covariance;
  const v = doc.valueAtRisk;
  const line = (name: string, h: HorizonFigures): string =>
    `  ${name}: VaR ${pct(h.var)} (${fmtMoney(h.varAmount)}), CVaR ${pct(h.cvar)} (${fmtMoney(h.cvarAmount)})`;
  return [
    `Ex-ante risk as of ${doc.asOf ?? '—'}; NAV ${fmtMoney(doc.nav)}`,
    `Covariance: ${cov.method} of monthly exposure returns (${cov.source === 'sample' ? 'bundled sample' : 'stored data'}) ${cov.from}..${cov.to}, ${cov.periods} periods, annualised ×12`,
    `Volatility (annual): ${pct(doc.volatilityAnnual)}`,
    `Gaussian VaR / CVaR at ${pct(v.confidence)} (zero mean, √t scaling):`,
    line('1 year ', v.oneYear),
    line('1 month', v.oneMonth),
    '',
    'Risk by position (component = weight × marginal; components sum to the volatility)',
    renderTable(doc.byPosition, [
      { title: 'Account', value: (p) => p.account },
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Value', value: (p) => fmtMoney(p.marketValue), align: 'right' },
      { title: 'Weight', value: (p) => pct(p.weight), align: 'right' },
      { title: 'Marginal', value: (p) => p.marginal.toFixed(4), align: 'right' },
      { title: 'Component', value: (p) => pct(p.component), align: 'right' },
      { title: '% of risk', value: (p) => pct(p.percent), align: 'right' },
    ]),
    '',
    'Risk by economic exposure (weight = exposure per $ of NAV)',
    renderTable(doc.byExposure, [
      { title: 'Exposure', value: (e) => e.exposure },
      { title: 'Weight', value: (e) => pct(e.weight), align: 'right' },
      { title: 'Volatility', value: (e) => pct(e.volatility), align: 'right' },
      { title: 'Marginal', value: (e) => e.marginal.toFixed(4), align: 'right' },
      { title: 'Component', value: (e) => pct(e.component), align: 'right' },
      { title: '% of risk', value: (e) => pct(e.percent), align: 'right' },
    ]),
    '',
    'Correlation of the exposures (from the same covariance)',
    correlationTable(doc),
    `Diversification ratio ${doc.diversificationRatio.toFixed(3)} (exposures; positions ${doc.diversificationRatioPositions.toFixed(3)}); effective number of bets ${doc.effectiveBets.toFixed(2)} (Meucci, principal components), ${doc.effectiveBetsRiskShares.toFixed(2)} (inverse Herfindahl of risk shares)`,
    doc.unexplained.length === 0
      ? 'Unexplained: none'
      : `Unexplained (NOT in the risk figures):\n${doc.unexplained.map((u) => `  ${u.symbol} — ${u.reason}`).join('\n')}`,
    ...pricingLines(doc.pricing),
    ...warningLines(doc.warnings),
  ].join('\n');
}

/** One CSV row per position line (cash lines included): the risk contributions. */
export function riskCsv(doc: RiskDocument): string {
  return renderCsv(doc.byPosition, [
    { title: 'account', value: (p) => p.account },
    { title: 'symbol', value: (p) => p.symbol },
    { title: 'market_value', value: (p) => String(p.marketValue) },
    { title: 'weight', value: (p) => String(p.weight) },
    { title: 'marginal', value: (p) => String(p.marginal) },
    { title: 'component', value: (p) => String(p.component) },
    { title: 'percent_of_risk', value: (p) => String(p.percent) },
  ]);
}
