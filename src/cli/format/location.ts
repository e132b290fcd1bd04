/**
 * The asset-location document for people: per account its funds and exposures, per exposure
 * where it sits, the objective and the tax drag against the naive pro-rata placement.
 */

import type { AssetLocationDocument } from '../../app/asset-location.ts';
import { warningLines } from '../../app/errors.ts';
import { fmtMoney, fmtPercent } from './numbers.ts';
import { renderCsv, renderTable } from './table.ts';

function accountsTable(doc: AssetLocationDocument): string {
  const rows = doc.accounts.flatMap((a) =>
    a.holdings.map((h, i) => ({
      account: i === 0 ? `${a.name} (${a.type})` : '',
      fund: h.fund,
      dollars: h.dollars,
      share: a.balance > 0 ? h.dollars / a.balance : 0,
    })),
  );
  return renderTable(rows, [
    { title: 'Account', value: (r) => r.account },
    { title: 'Fund', value: (r) => r.fund },
    { title: 'Dollars', value: (r) => fmtMoney(r.dollars), align: 'right' },
    { title: 'Of account', value: (r) => fmtPercent(r.share), align: 'right' },
  ]);
}

function exposuresTable(doc: AssetLocationDocument): string {
  const names = doc.accounts.map((a) => a.name);
  return renderTable(doc.exposures, [
    { title: 'Exposure', value: (e) => e.exposure },
    { title: 'Target', value: (e) => fmtMoney(e.targetDollars), align: 'right' },
    { title: 'Placed', value: (e) => fmtMoney(e.placedDollars), align: 'right' },
    ...names.map((n) => ({
      title: n,
      value: (e: AssetLocationDocument['exposures'][number]) => fmtMoney(e.byAccount[n] ?? 0),
      align: 'right' as const,
    })),
    { title: 'Drag/yr', value: (e) => fmtPercent(e.taxDragPerDollar), align: 'right' },
  ]);
}

/** The table view of `ballast location` (and `ballast plan --accounts`). */
export function locationTable(doc: AssetLocationDocument): string {
  const o = doc.objective;
  const d = doc.taxDrag;
  return [
    `Asset location — household ${fmtMoney(doc.householdDollars)} (${doc.traditionalBasis} basis${doc.traditionalBasis === 'after-tax' ? `: ${fmtMoney(doc.householdBasisDollars)}` : ''}), ${doc.solver.kind.toUpperCase()} solved by ${doc.solver.name}`,
    accountsTable(doc),
    '',
    'Exposures (dollars; target and placed on the basis, per account at statement value)',
    exposuresTable(doc),
    '',
    `After-tax value in ${o.horizonYears} years: ${fmtMoney(o.afterTaxValue)} (naive pro-rata ${fmtMoney(o.naiveAfterTaxValue)})`,
    `Tax drag, first year: ${fmtMoney(d.placementAnnual)} (naive pro-rata ${fmtMoney(d.naiveAnnual)}; saved ${fmtMoney(d.savedAnnual)})`,
    ...(doc.totalDeviationDollars > 0
      ? [`Target missed by ${fmtMoney(doc.totalDeviationDollars)} in total (see warnings)`]
      : []),
    ...warningLines(doc.warnings),
  ].join('\n');
}

/** The CSV view: one row per account and fund held (account, type, fund, dollars). */
export function locationCsv(doc: AssetLocationDocument): string {
  const rows = doc.accounts.flatMap((a) => a.holdings.map((h) => ({ a, h })));
  return renderCsv(rows, [
    { title: 'account', value: (r) => r.a.name },
    { title: 'type', value: (r) => r.a.type },
    { title: 'fund', value: (r) => r.h.fund },
    { title: 'dollars', value: (r) => String(r.h.dollars) },
  ]);
}
