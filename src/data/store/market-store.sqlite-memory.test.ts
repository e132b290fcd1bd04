import { describeMarketStoreContract } from './market-store.contract.ts';
import { openStore } from './open-store.ts';

describeMarketStoreContract('SQLite in memory', (options) =>
  openStore({ url: ':memory:', ...options }),
);
