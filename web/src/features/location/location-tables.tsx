/**
 * The placement as tables (docs/asset-location.md, "The document"): per account the dollars
 * held in each fund and their share of the account's balance; per exposure its target and
 * placed dollars (on the household's basis), the miss, the statement dollars in each account
 * and its tax drag per dollar in a taxable account. Each table scrolls in its own box.
 */
import type { AssetLocationDocument } from '../../api/documents.ts';
import { money, percent, signedMoney } from '../../format.ts';

type Doc = AssetLocationDocument;

/** Dollars per fund, account by account (the account's cells span its funds' rows). */
export function HoldingsTable({ doc }: { doc: Doc }) {
  return (
    <div className="table-wrap">
      <table aria-label="Dollars per fund by account" className="location-holdings">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Type</th>
            <th scope="col">Fund</th>
            <th scope="col" className="num">
              Dollars
            </th>
            <th scope="col" className="num">
              Of account
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.accounts.map((a) =>
            (a.holdings.length === 0 ? [{ fund: '—', dollars: 0 }] : a.holdings).map((h, i) => (
              <tr key={`${a.name}-${h.fund}`} data-account={a.name} data-fund={h.fund}>
                {i > 0 ? null : (
                  <>
                    <th scope="rowgroup" rowSpan={Math.max(1, a.holdings.length)}>
                      {a.name}
                    </th>
                    <td rowSpan={Math.max(1, a.holdings.length)}>{a.type}</td>
                  </>
                )}
                <td data-col="fund">{h.fund}</td>
                <td data-col="dollars" className="num">
                  {money(h.dollars)}
                </td>
                <td data-col="share" className="num">
                  {a.balance > 0 ? percent(h.dollars / a.balance, 1) : '—'}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Target vs placed per exposure and where it sits, account by account. */
export function ExposuresTable({ doc }: { doc: Doc }) {
  const accounts = doc.accounts.map((a) => a.name);
  return (
    <div className="table-wrap">
      <table aria-label="Target and placement by exposure" className="location-exposures">
        <thead>
          <tr>
            <th scope="col">Exposure</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Placed
            </th>
            <th scope="col" className="num">
              Miss
            </th>
            {accounts.map((name) => (
              <th key={name} scope="col" className="num" data-account={name}>
                In {name}
              </th>
            ))}
            <th scope="col" className="num">
              Drag per $ (taxable)
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.exposures.map((e) => (
            <tr key={e.exposure} data-exposure={e.exposure}>
              <th scope="row">{e.exposure}</th>
              <td data-col="target" className="num">
                {money(e.targetDollars)}
              </td>
              <td data-col="placed" className="num">
                {money(e.placedDollars)}
              </td>
              <td data-col="miss" className="num">
                {signedMoney(e.deviationDollars)}
              </td>
              {accounts.map((name) => (
                <td key={name} data-col={`in-${name}`} className="num">
                  {money(e.byAccount[name] ?? 0)}
                </td>
              ))}
              <td data-col="drag" className="num">
                {percent(e.taxDragPerDollar, 2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
