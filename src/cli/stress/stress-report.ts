import type { ScenarioResult } from '../../domain/stress/scenario.ts';
import type { HistoricalScenario } from '../../domain/stress/historical.ts';
import { fmtMoney, fmtPercent, roundCents, roundFine } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';

/** A scenario that could not run (run-all mode lists it instead of failing). */
export interface FailedScenario {
  readonly name: string;
  readonly kind: 'historical';
  readonly window: { from: string; to: string };
  readonly error: { code: string; message: string };
}

/** One JSON entry: money rounded to cents, ratios to 12 significant digits. */
export function scenarioJson(s: ScenarioResult): Record<string, unknown> {
  const fine = (x: number | null): number | null => (x === null ? null : roundFine(x));
  const cents = (x: number | null): number | null => (x === null ? null : roundCents(x));
  return {
    name: s.name,
    kind: s.kind,
    ...(s.window ? { window: s.window } : {}),
    shocks: Object.fromEntries(Object.entries(s.shocks).map(([k, v]) => [k, roundFine(v)])),
    rules: s.rules,
    totalValue: roundCents(s.totalValue),
    totalPnl: roundCents(s.totalPnl),
    totalReturn: roundFine(s.totalReturn),
    byPosition: s.byPosition.map((p) => ({
      account: p.account,
      symbol: p.symbol,
      value: roundCents(p.value),
      pnl: roundCents(p.pnl),
      return: fine(p.return),
      ...(p.uncoveredExposures ? { uncoveredExposures: p.uncoveredExposures } : {}),
    })),
    byAccount: s.byAccount.map((a) => ({
      account: a.account,
      value: roundCents(a.value),
      pnl: roundCents(a.pnl),
      return: fine(a.return),
    })),
    byExposure: s.byExposure.map((e) => ({
      exposure: e.exposure,
      exposureValue: roundCents(e.exposureValue),
      shock: fine(e.shock),
      pnl: cents(e.pnl),
    })),
    uncovered: s.uncovered,
    unexplained: s.unexplained.map((u) => ({ ...u, value: roundCents(u.value) })),
  };
}

const pct = (x: number | null): string => (x === null ? '—' : fmtPercent(x));
const usd = (x: number | null): string => (x === null ? '—' : fmtMoney(x));

/** Human-readable tables of one scenario. */
export function scenarioTable(s: ScenarioResult): string {
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
