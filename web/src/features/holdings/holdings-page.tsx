/**
 * The Holdings page: what the ledger holds, account by account — each position with its open
 * tax lots (acquired, quantity, cost, price and where it came from, unrealised gain, term and
 * the days until a short-term lot turns long-term), totals per account and overall, and the
 * gains realised by calendar year and term. Everything shown is the API's document; the page
 * only adds the years' realised gains together.
 */
import { Panel, Tile } from '../../components/panel.tsx';
import '../ledger.css';
import { date, money, quantity, signedMoney, tone } from '../../format.ts';
import type {
  HoldingAccount,
  HoldingLot,
  HoldingPosition,
  HoldingTotals,
  PortfolioHoldingsDocument,
} from '../../api/documents.ts';
import { useHoldings } from './holdings-queries.ts';

function Gain({ value }: { value: number | null }) {
  return <span className={tone(value)}>{signedMoney(value)}</span>;
}

function PriceCell({ row }: { row: HoldingLot | HoldingPosition }) {
  if (row.price === null) return <td className="num">no price</td>;
  return (
    <td className="num">
      {money(row.price)}
      <div className="price-source">
        {row.priceSource}
        {row.priceDate === null ? null : `, ${date(row.priceDate)}`}
      </div>
    </td>
  );
}

function TermCell({ lot }: { lot: HoldingLot }) {
  return (
    <td>
      <span className={`badge ${lot.term}`}>{lot.term === 'long' ? 'Long' : 'Short'}</span>
    </td>
  );
}

function daysText(days: number | null): string {
  if (days === null) return 'n/a';
  if (days === 0) return '—';
  return days === 1 ? '1 day' : `${days} days`;
}

function LotRow({ lot }: { lot: HoldingLot }) {
  return (
    <tr className="sub" data-lot={lot.id}>
      <th scope="row" className="lot-id">
        {lot.id}
      </th>
      <td>{date(lot.acquired)}</td>
      <td className="num" data-col="quantity">
        {quantity(lot.quantity)}
      </td>
      <td className="num">{money(lot.costPerShare)}</td>
      <td className="num">{money(lot.costBasis)}</td>
      <PriceCell row={lot} />
      <td className="num">{money(lot.marketValue)}</td>
      <td className="num">
        <Gain value={lot.unrealizedGain} />
      </td>
      <TermCell lot={lot} />
      <td className="num" data-col="days-to-long">
        {daysText(lot.daysUntilLongTerm)}
      </td>
    </tr>
  );
}

function PositionRows({ position }: { position: HoldingPosition }) {
  return (
    <tbody data-position={position.symbol}>
      <tr className="position">
        <th scope="row">{position.symbol}</th>
        <td />
        <td className="num" data-col="quantity">
          {quantity(position.quantity)}
        </td>
        <td />
        <td className="num">{money(position.costBasis)}</td>
        <PriceCell row={position} />
        <td className="num">{money(position.marketValue)}</td>
        <td className="num">
          <Gain value={position.unrealizedGain} />
        </td>
        <td colSpan={2} />
      </tr>
      {position.lots.map((lot) => (
        <LotRow key={lot.id} lot={lot} />
      ))}
    </tbody>
  );
}

function TotalRows({ label, totals }: { label: string; totals: HoldingTotals }) {
  return (
    <>
      <tr className="total">
        <th scope="row" colSpan={4}>
          {label}
        </th>
        <td className="num">{money(totals.costBasis)}</td>
        <td />
        <td className="num">{money(totals.marketValue)}</td>
        <td className="num">
          <Gain value={totals.unrealizedGain} />
        </td>
        <td colSpan={2} />
      </tr>
      <tr className="sub">
        <th scope="row" colSpan={6}>
          Cash
        </th>
        <td className="num">{money(totals.cash)}</td>
        <td colSpan={3} />
      </tr>
      <tr className="sub">
        <th scope="row" colSpan={6}>
          Value with cash
        </th>
        <td className="num">{money(totals.value)}</td>
        <td colSpan={3} />
      </tr>
    </>
  );
}

function AccountTable({ account }: { account: HoldingAccount }) {
  return (
    <div className="table-wrap">
      <table className="holdings">
        <caption className="sr-only">Positions and lots of account {account.account}</caption>
        <thead>
          <tr>
            <th scope="col">Symbol / lot</th>
            <th scope="col">Acquired</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Cost / share
            </th>
            <th scope="col" className="num">
              Cost basis
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Market value
            </th>
            <th scope="col" className="num">
              Unrealised
            </th>
            <th scope="col">Term</th>
            <th scope="col" className="num">
              To long-term
            </th>
          </tr>
        </thead>
        {account.positions.map((p) => (
          <PositionRows key={p.symbol} position={p} />
        ))}
        <tfoot>
          <TotalRows label={`Total ${account.account}`} totals={account.totals} />
        </tfoot>
      </table>
    </div>
  );
}

/** The realised gains of every year together (summed in cents). */
function realizedTotal(doc: PortfolioHoldingsDocument) {
  const sum = (key: 'shortTerm' | 'longTerm' | 'total'): number =>
    doc.realizedByYear.reduce((s, y) => s + Math.round(y[key] * 100), 0) / 100;
  return { shortTerm: sum('shortTerm'), longTerm: sum('longTerm'), total: sum('total') };
}

function Summary({ doc }: { doc: PortfolioHoldingsDocument }) {
  const realized = realizedTotal(doc);
  return (
    <div className="tiles">
      <Tile
        label="Value"
        value={money(doc.totals.value)}
        sub={`market value ${money(doc.totals.marketValue)} · cash ${money(doc.totals.cash)}`}
      />
      <Tile label="Cost basis" value={money(doc.totals.costBasis)} />
      <Tile
        label="Unrealised gain"
        value={signedMoney(doc.totals.unrealizedGain)}
        tone={tone(doc.totals.unrealizedGain)}
      />
      <Tile
        label="Realised gain"
        value={signedMoney(realized.total)}
        tone={tone(realized.total)}
        sub={`short ${signedMoney(realized.shortTerm)} · long ${signedMoney(realized.longTerm)}`}
      />
    </div>
  );
}

function RealizedTable({ doc }: { doc: PortfolioHoldingsDocument }) {
  if (doc.realizedByYear.length === 0) return <p className="muted">Nothing sold yet.</p>;
  const all = realizedTotal(doc);
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col" className="num">
              Short-term
            </th>
            <th scope="col" className="num">
              Long-term
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {doc.realizedByYear.map((y) => (
            <tr key={y.year} data-year={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">
                <Gain value={y.shortTerm} />
              </td>
              <td className="num">
                <Gain value={y.longTerm} />
              </td>
              <td className="num">
                <Gain value={y.total} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total">
            <th scope="row">All years</th>
            <td className="num">
              <Gain value={all.shortTerm} />
            </td>
            <td className="num">
              <Gain value={all.longTerm} />
            </td>
            <td className="num">
              <Gain value={all.total} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Notes({ doc }: { doc: PortfolioHoldingsDocument }) {
  return (
    <>
      {doc.unpriced.length === 0 ? null : (
        <p className="warning">
          No price for {doc.unpriced.join(', ')}: left out of market value and gains.
        </p>
      )}
      {doc.warnings.map((w) => (
        <p key={`${w.code}:${w.message}`} className="warning">
          {w.message}
        </p>
      ))}
    </>
  );
}

/** The Holdings page (see the module comment). */
export default function HoldingsPage({ portfolio }: { portfolio: string }) {
  const query = useHoldings(portfolio);
  const doc = query.data;
  return (
    <div className="page">
      <Panel
        title="Holdings"
        size="wide"
        query={query}
        note={
          doc === undefined
            ? undefined
            : `Priced and counted as of ${date(doc.asOf)}; ${doc.lotMethod.toUpperCase()} lot relief.`
        }
      >
        {(d) => (
          <>
            <Notes doc={d} />
            {d.accounts.length === 0 ? (
              <p className="muted">No accounts yet. Add transactions on the Transactions page.</p>
            ) : (
              <Summary doc={d} />
            )}
          </>
        )}
      </Panel>
      {doc?.accounts.map((account) => (
        <Panel
          key={account.account}
          title={`Account ${account.account}`}
          size="wide"
          id={`account-${account.account}`}
          note={`Each position, then its open lots in the order they were acquired. Term: ${doc.termRule}.`}
        >
          {() =>
            account.positions.length === 0 ? (
              <p className="muted">No open positions; cash {money(account.totals.cash)}.</p>
            ) : (
              <AccountTable account={account} />
            )
          }
        </Panel>
      ))}
      {doc === undefined ? null : (
        <Panel
          title="Realised gains"
          note="Gains and losses of lots sold, by the calendar year of the sale and the lot's term."
        >
          {() => <RealizedTable doc={doc} />}
        </Panel>
      )}
    </div>
  );
}
