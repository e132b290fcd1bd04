/**
 * The fields of a simulation config, one line each (docs/simulate.md, "Config"), shown folded
 * under the editor so the YAML can be written without leaving the page.
 */

/** Field → what it sets. */
export const FIELDS: readonly (readonly [string, string])[] = [
  [
    'returns',
    '{ text, name }: a wide CSV date,A,B,… of periodic returns (decimals); or { symbols, from, to, frequency } from the store',
  ],
  ['periodsPerYear', 'periods a year of the returns; inferred from the dates when absent'],
  ['weights', '{ A: 0.6, B: 0.4 }: rebalanced every period; a sum above 1 borrows'],
  ['cash', '{ rate, borrowSpread }: annual, earned on 1 − Σw or paid on Σw − 1'],
  ['method', 'bootstrap | block-bootstrap | normal | student-t | regime'],
  ['blockLength, blockType', 'block-bootstrap: block length (default 12), fixed or stationary'],
  ['paths', 'number of simulated paths (default 10,000)'],
  ['years', 'horizon in years (default 30)'],
  ['initial', 'starting value (required)'],
  [
    'withdrawal',
    '{ amount, every: monthly | quarterly | annual, inflation }: paid after each period’s return; a negative amount contributes',
  ],
  ['seed', 'random seed (default 42): the same seed gives the same paths'],
];

/** The folded list of fields (see the module comment). */
export function SimulateFields() {
  return (
    <details className="config-fields">
      <summary>The config's fields</summary>
      <dl>
        {FIELDS.map(([name, what]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
