import { describeMarketStoreContract } from './market-store.contract';
import { openStore } from './open-store';

describeMarketStoreContract('SQLite in memory', (options) =>
  openStore({ url: ':memory:', ...options }),
);
