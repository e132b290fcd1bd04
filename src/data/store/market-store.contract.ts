/**
 * The shared store contract: every engine (SQLite in memory and on file, PGlite, PostgreSQL)
 * runs these cases through its own `*.test.ts` file.
 */

import { afterEach, beforeEach, describe } from 'vitest';
import { alertCases } from './contract/alert.contract.ts';
import { apiKeyCases } from './contract/api-key.contract.ts';
import { catalogueCases } from './contract/catalogue.contract.ts';
import { corporateActionRowCases } from './contract/corporate-action-rows.contract.ts';
import { manualClock, type ManualClock, type OpenStore } from './contract/fixtures.ts';
import { portfolioCases } from './contract/portfolio.contract.ts';
import { portfolioCurrencyCases } from './contract/portfolio-currency.contract.ts';
import { runCases } from './contract/run.contract.ts';
import { dataVersionCases } from './contract/data-version.contract.ts';
import { definitionCases } from './contract/definitions.contract.ts';
import { knownAtCases } from './contract/known-at.contract.ts';
import { priceBarCases } from './contract/price-bars.contract.ts';
import { priceColumnCases } from './contract/price-columns.contract.ts';
import { seriesPointCases } from './contract/series-points.contract.ts';
import { transactionCases } from './contract/transaction.contract.ts';
import type { MarketStore } from './market-store.ts';

export type { OpenStore } from './contract/fixtures.ts';

/**
 * Describes the contract for one engine. `open` must return an EMPTY store each time (a new
 * database, or a shared one truncated) built with the given options (a test clock); the
 * contract closes it after each case.
 */
export function describeMarketStoreContract(name: string, open: OpenStore): void {
  describe(`MarketStore contract on ${name}`, () => {
    let store: MarketStore | undefined;
    let clock: ManualClock = manualClock('2026-01-05T00:00:00.000Z');
    beforeEach(async () => {
      clock = manualClock('2026-01-05T00:00:00.000Z');
      store = await open({ clock });
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const current = (): MarketStore => {
      if (store === undefined) throw new Error('no store open');
      return store;
    };
    priceBarCases(current);
    priceColumnCases(current);
    seriesPointCases(current);
    catalogueCases(current, () => clock);
    transactionCases(current);
    portfolioCases(current);
    portfolioCurrencyCases(current);
    corporateActionRowCases(current);
    apiKeyCases(current, () => clock);
    runCases(current, () => clock);
    dataVersionCases(current);
    definitionCases(current, () => clock);
    knownAtCases(current);
    alertCases(current, () => clock);
  });
}
