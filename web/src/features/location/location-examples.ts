/**
 * The accounts file the Location page's editor starts from: the repository's example
 * (examples/location/accounts.yaml, docs/asset-location.md, "The example"), embedded in the
 * bundle so it runs anywhere (the page sends the text; the API reads no file on the server's
 * disk). Its returns, yields and rates are illustrative assumptions, not forecasts.
 */
import accountsExample from '../../../../examples/location/accounts.yaml?raw';

/** One example: its key, its label in the picker and its YAML. */
export interface LocationExample {
  readonly key: string;
  readonly label: string;
  readonly yaml: string;
}

/** The examples, the first loaded at start. */
export const LOCATION_EXAMPLES: readonly LocationExample[] = [
  {
    key: 'three-accounts',
    label: '$1,000,000 in brokerage, 401(k) and Roth',
    yaml: accountsExample,
  },
];
