/**
 * Use case `demoPortfolioSeed`: on a store that holds no portfolio yet, stores the bundled demo
 * ledger (data/demo/transactions.csv) as portfolio `demo`, in one transaction, so the dashboard
 * of a first `ballast start` has something to show. A store with any portfolio is left as it is
 * (a user who deleted the demo and made their own never sees it again; one who deleted every
 * portfolio gets it back on the next start, which the start banner says).
 *
 * @example
 * ```ts
 * await demoPortfolioSeed({}, deps); // { seeded: true, portfolio: 'demo', transactions: 22 }
 * ```
 */

import * as z from 'zod';
import { parseTransactionsCsv } from '../data/ledger/transactions-csv.ts';
import { DEMO_LEDGER } from './demo-ledger.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { readSource } from './sources.ts';

/** The name the demo portfolio is stored under. */
export const DEMO_PORTFOLIO = 'demo';

/** Input of {@link demoPortfolioSeed}: nothing. */
export const demoPortfolioSeedInputSchema = z.object({}).strict();

/** What {@link demoPortfolioSeed} did. */
export interface DemoPortfolioSeedDocument {
  /** True when the demo was stored now. */
  readonly seeded: boolean;
  /** `demo` when seeded, else null. */
  readonly portfolio: string | null;
  /** Ledger rows stored (0 when not seeded). */
  readonly transactions: number;
  /** Portfolios in the store before (0 when seeded). */
  readonly existing: number;
}

/** Stores the demo portfolio on an empty store (see the module comment). */
export async function demoPortfolioSeed(
  raw: z.input<typeof demoPortfolioSeedInputSchema>,
  deps: Pick<AppDeps, 'store'>,
): Promise<DemoPortfolioSeedDocument> {
  parseInput(demoPortfolioSeedInputSchema, raw);
  const { text, name } = readSource({ path: DEMO_LEDGER }, 'transactions');
  const transactions = parseTransactionsCsv(text, name);
  const store = await deps.store();
  return store.transaction(async (tx) => {
    const existing = (await tx.portfolios.list()).length;
    if (existing > 0) return { seeded: false, portfolio: null, transactions: 0, existing };
    const portfolio = await tx.portfolios.create({ name: DEMO_PORTFOLIO });
    const stored = await tx.portfolios.replaceTransactions(portfolio.id, transactions);
    return { seeded: true, portfolio: DEMO_PORTFOLIO, transactions: stored, existing };
  });
}
