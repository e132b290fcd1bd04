/** The JSON entries of the `stress` document: money rounded to cents, ratios to 12 digits. */

import type { StressWindow } from '../domain/stress/historical.ts';
import type { ScenarioResult } from '../domain/stress/scenario.ts';
import { roundCents, roundFine } from './rounding.ts';

/** A built-in scenario that could not run (a run of all of them lists it instead of failing). */
export interface FailedScenario {
  readonly name: string;
  readonly kind: 'historical';
  readonly window: StressWindow;
  readonly error: { readonly code: string; readonly message: string };
}

/** One scenario of the document. */
export interface ScenarioDocument {
  readonly name: string;
  readonly kind: 'hypothetical' | 'historical';
  readonly window?: ScenarioResult['window'];
  readonly shocks: Readonly<Record<string, number>>;
  readonly rules: Readonly<Record<string, string>>;
  readonly totalValue: number;
  readonly totalPnl: number;
  readonly totalReturn: number;
  readonly byPosition: readonly {
    account: string;
    symbol: string;
    value: number;
    pnl: number;
    return: number | null;
    uncoveredExposures?: readonly string[];
  }[];
  readonly byAccount: readonly {
    account: string;
    value: number;
    pnl: number;
    return: number | null;
  }[];
  readonly byExposure: readonly {
    exposure: string;
    exposureValue: number;
    shock: number | null;
    pnl: number | null;
  }[];
  readonly uncovered: ScenarioResult['uncovered'];
  readonly unexplained: readonly {
    account: string;
    symbol: string;
    value: number;
    reason: string;
  }[];
}

/** A scenario result as its document entry. */
export function scenarioDocument(s: ScenarioResult): ScenarioDocument {
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
