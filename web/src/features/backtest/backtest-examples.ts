/**
 * The configs the Backtest page's editor starts from, in the YAML of `ballast backtest --config`
 * (docs/backtest.md, "Config"). The first reads the demo's funds and SPY from the store (total-
 * return closes; the server fetches what is missing unless it runs offline); the second is the
 * repository's runnable example (examples/backtest) with its MADE-UP closes inline, so it runs
 * anywhere — its prices are named as made up in the document and on the page.
 */
import madeUpPrices from '../../../../examples/backtest/prices.csv?raw';

/** One example: its key, its label in the picker and its YAML. */
export interface BacktestExample {
  readonly key: string;
  readonly label: string;
  readonly yaml: string;
}

const STORE = `# Demo funds and SPY from the store: total-return closes (dividends in), every row a trading day.
symbols: [SPY, BND, NTSX, UPRO, DBMF]
start: 2021-03-01
initial: 10000
cash: { rate: 0.03, borrowSpread: 0.01 } # earned on cash; paid (+ spread) on borrowing
strategies:
  - name: 60-40
    weights: { SPY: 0.6, BND: 0.4 }
    rebalance: monthly
    costBps: 5
  - name: 90-60 levered
    weights: { SPY: 0.9, BND: 0.6 } # sums to 1.5: half of the value is borrowed
    rebalance: quarterly
    bands: { absolute: 0.05 }
    costBps: 5
  - name: NTSX + UPRO + DBMF
    weights: { NTSX: 0.6, UPRO: 0.1, DBMF: 0.3 }
    rebalance: annual
    costBps: 5
  - name: 60-40 saving
    weights: { SPY: 0.6, BND: 0.4 }
    rebalance: monthly
    costBps: 5
    flows: { amount: 500, every: monthly } # negative = withdrawals
benchmark: SPY
`;

/** The made-up closes as a YAML block (indented under `text: |`). */
const indented = madeUpPrices
  .trim()
  .split(/\r?\n/)
  .map((line) => `    ${line}`)
  .join('\n');

const MADE_UP = `# examples/backtest/60-40.yaml with its prices inline. The prices are MADE UP: a seeded
# random walk (EQ equity-like, BD bond-like, MKT an index), not market data.
initial: 10000
cash: { rate: 0.03, borrowSpread: 0.01 }
strategies:
  - name: 60-40
    weights: { EQ: 0.6, BD: 0.4 }
    rebalance: monthly
    costBps: 10
  - name: 90-60 levered
    weights: { EQ: 0.9, BD: 0.6 } # sums to 1.5: 50 % of the value is borrowed
    rebalance: quarterly
    bands: { absolute: 0.05 }
    costBps: 10
  - name: 60-40 saving
    weights: { EQ: 0.6, BD: 0.4 }
    rebalance: monthly
    costBps: 10
    flows: { amount: 500, every: monthly }
benchmark: MKT
prices:
  name: made-up example prices (examples/backtest/prices.csv)
  text: |
${indented}
`;

/** The examples, the default first. */
export const BACKTEST_EXAMPLES: readonly BacktestExample[] = [
  { key: 'store', label: 'Demo funds and SPY from the store', yaml: STORE },
  { key: 'made-up', label: 'Made-up prices (examples/backtest)', yaml: MADE_UP },
];
