/**
 * The demo's "what could hurt it" section: the ex-ante risk of the demo portfolio on the
 * bundled monthly real exposure returns (Ledoit-Wolf, as `ballast risk`), and a hypothetical
 * equity shock propagated through the fund definitions (as `ballast stress --shock
 * equity=-0.3`). Offline: no store is opened.
 */

import type { ExposureRegistry } from '../../domain/exposures/registry.ts';
import type { FundUniverse } from '../../domain/exposures/fund-types.ts';
import { hypotheticalScenario } from '../../domain/stress/scenario.ts';
import { parseShocks } from '../../domain/stress/shock-spec.ts';
import { bundledUniversePanel } from '../estimate/universe-panel.ts';
import { fmtMoney, fmtPercent, roundCents } from '../format/numbers.ts';
import type { LoadedPortfolio } from '../portfolio-input.ts';
import { exposureRisk } from './risk.ts';
import { buildStressPortfolio } from './stress.ts';

/** The equity shock the demo shows. */
export const DEMO_SHOCK = 'equity=-0.3';

/** The demo's risk summary (JSON `risk`). */
export interface DemoRisk {
  readonly volatilityAnnual: number;
  readonly valueAtRisk1y: { confidence: number; var: number; cvar: number; varAmount: number };
  readonly largestContributions: { exposure: string; percent: number }[];
  readonly covariance: string;
  readonly stress: {
    shock: string;
    totalPnl: number;
    totalReturn: number;
    byAccount: { account: string; pnl: number; return: number | null }[];
  };
}

/** Risk and stress of the demo portfolio (see the module comment). */
export function demoRisk(
  portfolio: LoadedPortfolio,
  config: { registry: ExposureRegistry; funds: FundUniverse; ledger: string },
): DemoRisk {
  const panel = { ...bundledUniversePanel(), source: 'sample' as const };
  const { doc } = exposureRisk(portfolio, {
    funds: config.funds,
    panel,
    covariance: 'ledoit-wolf',
    confidence: 0.95,
  });
  const { portfolio: stressed } = buildStressPortfolio(
    { transactions: config.ledger, lotMethod: 'fifo', source: 'sample', format: 'table' },
    config,
  );
  const shock = hypotheticalScenario(stressed, {
    name: DEMO_SHOCK,
    specs: parseShocks(DEMO_SHOCK),
  });
  return {
    volatilityAnnual: doc.volatilityAnnual,
    valueAtRisk1y: {
      confidence: doc.valueAtRisk.confidence,
      var: doc.valueAtRisk.oneYear.var,
      cvar: doc.valueAtRisk.oneYear.cvar,
      varAmount: doc.valueAtRisk.oneYear.varAmount,
    },
    largestContributions: [...doc.byExposure]
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 3)
      .map((e) => ({ exposure: e.exposure, percent: e.percent })),
    covariance: `${doc.covariance.method} of ${doc.covariance.periods} monthly real exposure returns ${doc.covariance.from}..${doc.covariance.to} (bundled sample)`,
    stress: {
      shock: DEMO_SHOCK,
      totalPnl: roundCents(shock.totalPnl),
      totalReturn: shock.totalReturn,
      byAccount: shock.byAccount.map((a) => ({
        account: a.account,
        pnl: roundCents(a.pnl),
        return: a.return,
      })),
    },
  };
}

/** The text block of {@link DemoRisk}. */
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
