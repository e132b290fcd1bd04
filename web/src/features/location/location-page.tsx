/**
 * The Location page: an asset-location accounts file in the YAML of `ballast location
 * --accounts` (prefilled with examples/location/accounts.yaml, inline), placed by the
 * synchronous `POST /api/v1/location`; then the value tiles (after-tax value at the horizon and
 * first-year tax drag, each beside the naive pro-rata placement's, with its definition), the
 * dollars per fund of each account and where each exposure sits. A bad file shows the API's
 * error with the field it names. Conventions: docs/asset-location.md.
 */
import type { AssetLocationDocument } from '../../api/documents.ts';
import { Panel } from '../../components/panel.tsx';
import { money } from '../../format.ts';
import { Warnings } from '../optimize/warnings.tsx';
import { LocationEditor } from './location-editor.tsx';
import { useLocationRun } from './location-run.ts';
import { ExposuresTable, HoldingsTable } from './location-tables.tsx';
import { LocationTiles } from './location-tiles.tsx';
import './location.css';

/** What was placed, in one sentence. */
function describe(doc: AssetLocationDocument): string {
  const n = doc.accounts.length;
  const basis =
    doc.traditionalBasis === 'pre-tax'
      ? 'traditional dollars at face value'
      : `traditional dollars after the withdrawal tax (${money(doc.householdBasisDollars)} on that basis)`;
  return `${money(doc.householdDollars)} in ${n} account${n === 1 ? '' : 's'}, ${basis}; ${doc.solver.kind.toUpperCase()} solved by ${doc.solver.name}.`;
}

function Results({ doc }: { doc: AssetLocationDocument }) {
  return (
    <div className="location-result">
      <p className="muted run-line">{describe(doc)}</p>
      <LocationTiles doc={doc} />
      <Warnings warnings={doc.warnings} />
    </div>
  );
}

/** The Location page (see the module comment). */
export default function LocationPage() {
  const state = useLocationRun();
  const { document, pending, failed } = state;
  return (
    <div className="page">
      <Panel
        title="Accounts file"
        size="wide"
        note={
          <>
            One household target allocation placed across taxable, traditional and Roth accounts to
            keep the target and the most after-tax money (<code>ballast location</code>). Funds are
            the shipped definitions (config/funds.yaml). The example&apos;s returns, yields and
            rates are illustrative assumptions, not forecasts: replace them with your own.
          </>
        }
      >
        {() => <LocationEditor {...state.editor} />}
      </Panel>
      <Panel
        title="Placement value"
        size="wide"
        note="Flat marginal rates; drag in dollars at the starting balances; unrealised gains left in taxable accounts at the horizon are not taxed."
      >
        {() =>
          document === undefined ? (
            <p className="muted">
              {pending
                ? 'Placing…'
                : failed
                  ? 'The placement failed: see the error under the accounts file.'
                  : 'Place the accounts file above to see its placement.'}
            </p>
          ) : (
            <Results doc={document} />
          )
        }
      </Panel>
      {document === undefined ? null : (
        <>
          <Panel
            title="Holdings by account"
            size="wide"
            note="Dollars of each fund in each account (statement dollars, largest first), and their share of the account's balance."
          >
            {() => <HoldingsTable doc={document} />}
          </Panel>
          <Panel
            title="Exposures"
            size="wide"
            note="Target and placed economic exposure in dollars on the household's basis, the miss (placed − target), the statement dollars in each account, and the yearly tax drag per $1 held in a taxable account."
          >
            {() => <ExposuresTable doc={document} />}
          </Panel>
        </>
      )}
    </div>
  );
}
