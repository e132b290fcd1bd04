/**
 * The configs the Simulate page's editor starts from, in the YAML of `ballast simulate --config`
 * (docs/simulate.md, "Config"), with the returns inline as `returns: { text, name }` so they run
 * anywhere (the API reads no file on the server's disk). Both use the repository's example
 * returns (examples/simulate/returns.csv): monthly REAL returns DERIVED from the bundled sample
 * data/samples/exposure_real_returns_monthly.csv, 57 months — far too short a history to plan
 * on; the page says so.
 */
import sampleReturns from '../../../../examples/simulate/returns.csv?raw';

/** One example: its key, its label in the picker and its YAML. */
export interface SimulateExample {
  readonly key: string;
  readonly label: string;
  readonly yaml: string;
}

/** The sample returns as a YAML block (indented under `text: |`). */
const indented = sampleReturns
  .trim()
  .split(/\r?\n/)
  .map((line) => `    ${line}`)
  .join('\n');

const RETURNS = `returns:
  name: sample real returns (examples/simulate/returns.csv)
  text: |
${indented}
`;

const RETIREMENT = `# examples/simulate/retirement.yaml with its returns inline: monthly REAL returns derived
# from the bundled sample (57 months, 2020-09 … 2025-05): too short a history to plan on.
weights: { EQUITY: 0.6, BONDS: 0.4 } # rebalanced every month
method: block-bootstrap # bootstrap | block-bootstrap | normal | student-t | regime
blockLength: 12
blockType: stationary
paths: 2000
years: 30
initial: 1000000
# real returns, so the withdrawal is in today's money: no inflation adjustment
withdrawal: { amount: 40000, every: annual, inflation: 0 }
seed: 42
${RETURNS}`;

const LEVERED = `# examples/simulate/levered.yaml with its returns inline: weights summing to 1.5 borrow half
# of the value at the cash rate plus a spread (annual rates, charged per period).
weights: { EQUITY: 0.9, BONDS: 0.6 }
cash: { rate: 0.01, borrowSpread: 0.01 }
method: student-t
paths: 2000
years: 20
initial: 100000
withdrawal: { amount: 500, every: monthly, inflation: 0 }
seed: 7
${RETURNS}`;

/** The examples, the default first. */
export const SIMULATE_EXAMPLES: readonly SimulateExample[] = [
  { key: 'retirement', label: '60/40 retirement (sample returns)', yaml: RETIREMENT },
  { key: 'levered', label: 'Levered 90/60, student-t (sample returns)', yaml: LEVERED },
];
