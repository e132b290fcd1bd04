/** Tables and CSV of the `stress` document. */

import type {
  FailedScenario,
  HistoricalScenario,
  ScenarioDocument,
  StressDocument,
} from '../../app/stress.ts';
import { warningLines } from '../../app/errors.ts';
import { fmtMoney, fmtPercent } from './numbers.ts';
import { pricingLines } from './pricing.ts';
import { renderCsv, renderTable } from './table.ts';

const pct = (x: number | null): string => (x === null ? '—' : fmtPercent(x));
const usd = (x: number | null): string => (x === null ? '—' : fmtMoney(x));

/** Human-readable tables of one scenario. */
export function scenarioTable(s: ScenarioDocument): string {
  const head = s.window
    ? `${s.name} (historical ${s.window.from} → ${s.window.to}; effective ${s.window.effectiveFrom} → ${s.window.effectiveTo})`
    : `${s.name} (hypothetical)`;
  const lines = [
    head,
    `Total P&L ${fmtMoney(s.totalPnl)} on ${fmtMoney(s.totalValue)} (${fmtPercent(s.totalReturn)})`,
    renderTable(s.byPosition, [
      { title: 'Account', value: (p) => p.account },
      { title: 'Symbol', value: (p) => p.symbol },
      { title: 'Value', value: (p) => fmtMoney(p.value), align: 'right' },
      { title: 'P&L', value: (p) => fmtMoney(p.pnl), align: 'right' },
      { title: 'Return', value: (p) => pct(p.return), align: 'right' },
    ]),
    '',
    renderTable(s.byExposure, [
      { title: 'Exposure', value: (e) => e.exposure },
      { title: 'Exposure value', value: (e) => fmtMoney(e.exposureValue), align: 'right' },
      {
        title: 'Shock',
        value: (e) => (e.shock === null ? 'no data' : pct(e.shock)),
        align: 'right',
      },
      { title: 'P&L', value: (e) => usd(e.pnl), align: 'right' },
    ]),
  ];
  if (s.byAccount.length > 1)
    lines.push(
      '',
      renderTable(s.byAccount, [
        { title: 'Account', value: (a) => a.account },
        { title: 'Value', value: (a) => fmtMoney(a.value), align: 'right' },
        { title: 'P&L', value: (a) => fmtMoney(a.pnl), align: 'right' },
        { title: 'Return', value: (a) => pct(a.return), align: 'right' },
      ]),
    );
  for (const u of s.uncovered)
    lines.push(`UNCOVERED (no data, contributes nothing): ${u.exposure} — ${u.reason}`);
  for (const u of s.unexplained)
    lines.push(`UNEXPLAINED (no P&L): ${u.account} ${u.symbol} ${fmtMoney(u.value)} — ${u.reason}`);
  return lines.join('\n');
}

/** One line per built-in scenario that could not run. */
export function failedLine(f: FailedScenario): string {
  return `${f.name} (historical ${f.window.from} → ${f.window.to}): not run — [${f.error.code}] ${f.error.message}`;
}

/** The list of built-in scenarios (for the table header in run-all mode). */
export function scenarioList(scenarios: readonly HistoricalScenario[]): string {
  return scenarios.map((s) => `  ${s.name}: ${s.from} → ${s.to} — ${s.description}`).join('\n');
}

/** The tables of every scenario, the built-in list when all ran, and the notes. */
export function stressTable(
  doc: StressDocument,
  options: { listBuiltIn: readonly HistoricalScenario[] | undefined },
): string {
  const head = options.listBuiltIn
    ? [`Built-in scenarios:\n${scenarioList(options.listBuiltIn)}`]
    : [];
  return [
    ...head,
    doc.scenarios.map((r) => ('error' in r ? failedLine(r) : scenarioTable(r))).join('\n\n'),
    `\nNotes:\n${doc.notes.map((n) => `  - ${n}`).join('\n')}`,
    ...pricingLines(doc.pricing),
    ...warningLines(doc.warnings ?? []),
  ].join('\n');
}

/** One CSV row per position of every scenario that ran. */
export function stressCsv(doc: StressDocument): string {
  const rows = doc.scenarios.flatMap((s) =>
    'error' in s ? [] : s.byPosition.map((p) => ({ scenario: s.name, ...p })),
  );
  return renderCsv(rows, [
    { title: 'scenario', value: (r) => r.scenario },
    { title: 'account', value: (r) => r.account },
    { title: 'symbol', value: (r) => r.symbol },
    { title: 'value', value: (r) => String(r.value) },
    { title: 'pnl', value: (r) => String(r.pnl) },
    { title: 'return', value: (r) => (r.return === null ? '' : String(r.return)) },
  ]);
}
