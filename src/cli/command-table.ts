/**
 * The commands of `ballast`, each with its one-line summary and a loader that imports its
 * module only when that command runs (or its own `--help` is asked). `ballast --version`,
 * `ballast --help` and every command therefore load nothing they do not use.
 */

import type { Command } from 'commander';
import type { Runtime } from './context.ts';
import type { Io } from './io.ts';
import { prefetchReturnsFlag } from './returns-prefetch.ts';

/** Registers one command (with its subcommands) on the program. */
export type RegisterCommand = (program: Command, io: Io, runtime: Runtime) => void;

/** One top-level command. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<RegisterCommand>;
  /** Work to start before the command's module loads (given the raw arguments). */
  readonly prefetch?: (args: readonly string[]) => Promise<void>;
}

/** Every top-level command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary:
      'The bundled demo portfolio: positions, lots, realised gains, economic exposures and what could hurt it (offline)',
    load: async () => (await import('./commands/demo.ts')).registerDemo,
  },
  {
    name: 'positions',
    summary:
      'Positions, open tax lots and realised gains derived from a transactions file or a stored portfolio',
    load: async () => (await import('./commands/positions.ts')).registerPositions,
  },
  {
    name: 'portfolio',
    summary:
      'Stored portfolios: create, list, import a ledger, append (or preview), edit or remove a transaction, holdings, summary, export a JSON backup, rename, delete',
    load: async () => (await import('./commands/portfolio.ts')).registerPortfolio,
  },
  {
    name: 'exposures',
    summary:
      'What you really own: holdings decomposed into economic exposures through fund definitions',
    load: async () => (await import('./commands/exposures.ts')).registerExposures,
  },
  {
    name: 'funds',
    summary:
      'Fund definitions: economic exposure per $1 of NAV (validate, import, check; save, stored, delete your own)',
    load: async () => (await import('./commands/funds.ts')).registerFunds,
  },
  {
    name: 'universe',
    summary:
      'The exposure universe: exposures, categories and their implementations (save, stored, delete your own)',
    load: async () => (await import('./commands/universe.ts')).registerUniverse,
  },
  {
    name: 'data',
    summary: 'Market data in the store: fetch, import, list, quality, search, refresh, alerts',
    load: async () => (await import('./commands/data.ts')).registerData,
  },
  {
    name: 'returns',
    summary:
      'Return series (total, price, log, real, excess) at any frequency, from stored or fetched data',
    load: async () => (await import('./commands/returns.ts')).registerReturns,
  },
  {
    name: 'estimate',
    summary: 'Expected returns and covariance (annual) with a reproducible inputs hash',
    load: async () => (await import('./commands/estimate.ts')).registerEstimate,
  },
  {
    name: 'optimize',
    summary: 'Optimal weights for one objective under constraints (verified, never renormalised)',
    load: async () => (await import('./commands/optimize.ts')).registerOptimize,
    prefetch: prefetchReturnsFlag,
  },
  {
    name: 'frontier',
    summary:
      'Efficient frontier (mean-variance) with the tangency portfolio and the capital allocation line',
    load: async () => (await import('./commands/frontier.ts')).registerFrontier,
  },
  {
    name: 'analyze',
    summary:
      'Performance and risk metrics of a return series or a fixed-weight portfolio (rebalanced every period)',
    load: async () => (await import('./commands/analyze.ts')).registerAnalyze,
  },
  {
    name: 'factors',
    summary:
      'Factor regression: alpha, betas, t-stats, R², residual volatility of a return column on factor columns',
    load: async () => (await import('./commands/factors.ts')).registerFactors,
  },
  {
    name: 'rebalance',
    summary:
      'Trade list from current holdings to target weights: cash-, lot- and tax-aware, sells first',
    load: async () => (await import('./commands/rebalance.ts')).registerRebalance,
  },
  {
    name: 'plan',
    summary:
      'Exposures → funds → trades: the two-stage leverage-aware pipeline (default: the demo portfolio)',
    load: async () => (await import('./commands/plan.ts')).registerPlan,
  },
  {
    name: 'tax',
    summary:
      'Tax reports: realised gains with wash sales across accounts, Form 8949, TXF, loss harvesting',
    load: async () => (await import('./commands/tax.ts')).registerTax,
  },
  {
    name: 'performance',
    summary:
      'Portfolio history from the ledger and stored prices: TWR, MWR, periods, benchmark, P&L, attribution',
    load: async () => (await import('./commands/performance.ts')).registerPerformance,
  },
  {
    name: 'backtest',
    summary:
      'Backtest strategies of target weights on daily closes: schedules, bands, flows, costs, borrowing; TWR, MWR, metrics, drawdowns',
    load: async () => (await import('./commands/backtest.ts')).registerBacktest,
  },
  {
    name: 'risk',
    summary:
      'Ex-ante risk: volatility, VaR/CVaR and contributions by position and by economic exposure',
    load: async () => (await import('./commands/risk.ts')).registerRisk,
  },
  {
    name: 'stress',
    summary:
      'Stress tests: hypothetical shocks or historical windows propagated through fund definitions',
    load: async () => (await import('./commands/stress.ts')).registerStress,
  },
  {
    name: 'regimes',
    summary:
      'Regime detection on a return series (Markov switching or volatility threshold), calm vs stressed risk',
    load: async () => (await import('./commands/regimes.ts')).registerRegimes,
  },
  {
    name: 'simulate',
    summary:
      'Monte Carlo of a rebalanced portfolio with withdrawals: value fan, depletion probability, safe withdrawal rate',
    load: async () => (await import('./commands/simulate.ts')).registerSimulate,
  },
  {
    name: 'start',
    summary:
      'The dashboard and the API on http://127.0.0.1:8080 (what `npm start` runs): builds the dashboard and stores the demo portfolio on first run',
    load: async () => (await import('./commands/start.ts')).registerStart,
  },
  {
    name: 'serve',
    summary: 'The HTTP API over the use cases: portfolios, positions, optimisation (OpenAPI 3.1)',
    load: async () => (await import('./commands/serve.ts')).registerServe,
  },
  {
    name: 'worker',
    summary:
      'Execute runs of the HTTP API from a PostgreSQL job queue (scale out on other machines)',
    load: async () => (await import('./commands/worker.ts')).registerWorker,
  },
  {
    name: 'keys',
    summary: 'API keys of the HTTP API: create (shown once), list, revoke',
    load: async () => (await import('./commands/keys.ts')).registerKeys,
  },
  {
    name: 'transactions',
    summary:
      "Ledger files: convert a broker's own CSV export (Schwab, Fidelity, Vanguard, IBKR) into a transactions CSV",
    load: async () => (await import('./commands/transactions.ts')).registerTransactions,
  },
  {
    name: 'location',
    summary:
      'Asset location: one target allocation placed across taxable, traditional and Roth accounts (LP/MILP)',
    load: async () => (await import('./commands/location.ts')).registerLocation,
  },
];

/** Global options and whether each takes a value (they may appear anywhere on the line). */
const GLOBAL_OPTIONS: Readonly<Record<string, boolean>> = {
  '--db': true,
  '--offline': false,
  '--known-at': true,
};

/**
 * The command a command line runs: the first word that is not a global option (or its value).
 * `help X` names X. Undefined when the line names no command (`--version`, `--help`).
 */
export function commandNameOf(args: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      const name = arg.split('=')[0]!;
      if (GLOBAL_OPTIONS[name] === true && !arg.includes('=')) i++;
      if (GLOBAL_OPTIONS[name] === undefined) {
        // Only global options come before the command; anything else ends the search.
        if (words.length === 0) return undefined;
      }
      continue;
    }
    words.push(arg);
    if (words[0] !== 'help' || words.length === 2) break;
  }
  if (words[0] === 'help') return words[1];
  return words[0];
}
