/** Tables and CSV of `optimize` and `frontier`. */

import { warningLines } from '../../app/errors.ts';
import type { FrontierDocument, FrontierPoint } from '../../app/frontier.ts';
import type { OptimizeDocument } from '../../app/optimize.ts';
import { fmtPercent } from './numbers.ts';
import { renderCsv, renderTable, type Column } from './table.ts';

const camel = (name: string): string =>
  name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The optimisation for people: headline, weights with risk shares, exposures, checks. */
export function optimizeTable(doc: OptimizeDocument): string {
  const rows = Object.keys(doc.weights).map((a) => ({
    a,
    w: doc.weights[a]!,
    rc: doc.riskContributions[a] ?? 0,
  }));
  const x = doc.exposures;
  const card = doc.diagnostics.cardinality;
  const sharpe = doc.sharpe === null ? '—' : doc.sharpe.toFixed(4);
  return [
    `${camel(doc.objective)}: expected return ${fmtPercent(doc.expectedReturnAnnual)}, volatility ${fmtPercent(doc.volatilityAnnual)}, Sharpe ${sharpe}${doc.cvar === undefined ? '' : `, CVaR ${fmtPercent(doc.cvar)} per period`}${doc.cash === 0 ? '' : `, cash ${fmtPercent(doc.cash)}`}`,
    renderTable(rows, [
      { title: 'Asset', value: (r) => r.a },
      { title: 'Weight', value: (r) => fmtPercent(r.w), align: 'right' },
      { title: 'Risk share', value: (r) => fmtPercent(r.rc), align: 'right' },
    ]),
    ...(x === undefined
      ? []
      : [
          renderTable(Object.keys(x), [
            { title: 'Exposure', value: (k) => k },
            { title: 'x = Eᵀw', value: (k) => fmtPercent(x[k]!), align: 'right' },
          ]),
        ]),
    ...(doc.riskFree === undefined
      ? []
      : [
          `risk-free: ${doc.riskFree.column} at ${fmtPercent(doc.riskFree.rateAnnual)} a year (its mean return)`,
        ]),
    `constraints: ${doc.constraintsChecked.filter((c) => c.ok).length}/${doc.constraintsChecked.length} hold; solver ${doc.diagnostics.solver}${card === undefined ? '' : ` (cardinality: ${card === 'heuristic' ? 'top-K heuristic, not guaranteed optimal' : 'exact MILP'})`}, ${doc.diagnostics.iterations} iterations, ${doc.diagnostics.solveMs.toFixed(1)} ms`,
    ...warningLines(doc.warnings),
  ].join('\n');
}

/**
 * The weights as CSV: `asset,weight,risk_contribution`, one row per asset in column order, and
 * a `CASH` row for a non-zero cash line (negative = borrowing; no risk).
 */
export function optimizeCsv(doc: OptimizeDocument): string {
  const rows = Object.keys(doc.weights).map((a) => ({
    a,
    w: doc.weights[a]!,
    rc: doc.riskContributions[a] ?? 0,
  }));
  if (doc.cash !== 0) rows.push({ a: 'CASH', w: doc.cash, rc: 0 });
  return renderCsv(rows, [
    { title: 'asset', value: (r) => r.a },
    { title: 'weight', value: (r) => String(r.w) },
    { title: 'risk_contribution', value: (r) => String(r.rc) },
  ]);
}

const assetsOf = (doc: FrontierDocument): string[] => Object.keys(doc.minVariance.weights);

/** The frontier points as CSV: return, volatility, Sharpe and the weight of every asset. */
export function frontierCsv(doc: FrontierDocument): string {
  return renderCsv(doc.points, [
    { title: 'return', value: (p) => String(p.expectedReturnAnnual), align: 'right' },
    { title: 'volatility', value: (p) => String(p.volatilityAnnual), align: 'right' },
    { title: 'sharpe', value: (p) => String(p.sharpe), align: 'right' },
    ...assetsOf(doc).map((a): Column<FrontierPoint> => ({
      title: a,
      value: (p) => String(p.weights[a] ?? 0),
      align: 'right',
    })),
  ]);
}

/** The frontier for people: points, the tangency portfolio and the CAL. */
export function frontierTable(doc: FrontierDocument): string {
  const t = doc.tangency;
  const cal = doc.capitalAllocationLine;
  return [
    renderTable(doc.points, [
      { title: 'Return', value: (p) => fmtPercent(p.expectedReturnAnnual), align: 'right' },
      { title: 'Volatility', value: (p) => fmtPercent(p.volatilityAnnual), align: 'right' },
      {
        title: 'Sharpe',
        value: (p) => (Number.isFinite(p.sharpe) ? p.sharpe.toFixed(3) : '—'),
        align: 'right',
      },
      ...assetsOf(doc).map((a) => ({
        title: a,
        value: (p: FrontierPoint) => fmtPercent(p.weights[a] ?? 0),
        align: 'right' as const,
      })),
    ]),
    t && cal
      ? `Tangency: return ${fmtPercent(t.expectedReturnAnnual)}, volatility ${fmtPercent(t.volatilityAnnual)}, Sharpe ${t.sharpe.toFixed(4)}; CAL E(σ) = ${fmtPercent(cal.riskFreeRateAnnual)} + ${cal.slope.toFixed(4)}·σ`
      : 'No portfolio beats the risk-free rate: no tangency point or CAL.',
    ...warningLines(doc.warnings),
  ].join('\n');
}
