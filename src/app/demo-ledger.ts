import { fileURLToPath } from 'node:url';

/** The bundled illustrative ledger (a path on disk): the demo's and `plan`'s default portfolio. */
export const DEMO_LEDGER = fileURLToPath(
  new URL('../../data/demo/transactions.csv', import.meta.url),
);
