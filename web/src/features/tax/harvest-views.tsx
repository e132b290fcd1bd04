/**
 * The Harvest section of the Tax page, over the `tax/harvest` document (docs/tax-harvest.md):
 * its totals, each candidate lot of a taxable account at a loss with the estimated saving, the
 * purchases that would wash it (blocked by) and the last day a buy-back washes (wash until),
 * then for each symbol the substitutes that keep the exposure without being substantially
 * identical. Every number is the document's.
 */
import { Tile } from '../../components/panel.tsx';
import { date, money, percent, quantity, signedMoney, tone } from '../../format.ts';
import type {
  TaxHarvestCandidate,
  TaxHarvestDocument,
  WashingPurchase,
} from '../../api/documents.ts';

/** The harvest totals. */
export function HarvestTiles({ doc }: { doc: TaxHarvestDocument }) {
  const t = doc.totals;
  return (
    <div className="tiles" data-tiles="harvest">
      <Tile
        label="Candidates"
        value={String(t.candidates)}
        sub={t.blocked === 0 ? 'none blocked' : `${t.blocked} blocked by a recent purchase`}
      />
      <Tile label="Harvestable loss" value={signedMoney(t.loss)} tone={tone(t.loss)} />
      <Tile
        label="Tax saving"
        value={money(t.taxSaving)}
        tone={tone(t.taxSaving)}
        sub={`at ${percent(doc.rates.shortTerm, 0)} short · ${percent(doc.rates.longTerm, 0)} long`}
      />
      <Tile
        label="Saving not blocked"
        value={money(t.unblockedTaxSaving)}
        sub={`loss ${signedMoney(t.unblockedLoss)}`}
      />
    </div>
  );
}

function Purchase({ p }: { p: WashingPurchase }) {
  return (
    <li>
      {date(p.date)} · {p.account} · {quantity(p.quantity)} {p.symbol} ({p.lotId})
    </li>
  );
}

function CandidateRow({ c }: { c: TaxHarvestCandidate }) {
  return (
    <tr className={c.blocked ? 'blocked' : undefined} data-lot={c.lotId}>
      <th scope="row">
        {c.symbol}
        <div className="row-source">
          {c.account} · {c.lotId}
        </div>
      </th>
      <td>{date(c.acquired)}</td>
      <td>
        <span className={`badge ${c.term}`}>{c.term === 'long' ? 'Long' : 'Short'}</span>
      </td>
      <td className="num">{quantity(c.quantity)}</td>
      <td className="num">
        {money(c.price)}
        <div className="row-source">{c.priceSource}</div>
      </td>
      <td className="num">{money(c.costBasis)}</td>
      <td className="num">{money(c.value)}</td>
      <td className="num" data-col="loss">
        <span className="down">{signedMoney(c.loss)}</span>
      </td>
      <td className="num" data-col="saving">
        {money(c.taxSaving)}
      </td>
      <td className="wrap" data-col="blocked-by">
        {c.blockedBy.length === 0 ? (
          <span className="muted-cell">—</span>
        ) : (
          <ul className="plain">
            {c.blockedBy.map((p) => (
              <Purchase key={`${p.lotId}:${p.date}`} p={p} />
            ))}
          </ul>
        )}
      </td>
      <td data-col="wash-until">{date(c.washUntil)}</td>
    </tr>
  );
}

/** The candidate lots, biggest saving first. */
export function CandidatesTable({ doc }: { doc: TaxHarvestDocument }) {
  if (doc.candidates.length === 0)
    return <p className="muted">No lot of a taxable account is at a loss.</p>;
  return (
    <div className="table-wrap">
      <table className="harvest">
        <caption className="sr-only">Harvest candidates</caption>
        <thead>
          <tr>
            <th scope="col">Symbol / lot</th>
            <th scope="col">Acquired</th>
            <th scope="col">Term</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Cost basis
            </th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col" className="num">
              Loss
            </th>
            <th scope="col" className="num">
              Saving
            </th>
            <th scope="col">Blocked by</th>
            <th scope="col">Wash until</th>
          </tr>
        </thead>
        <tbody>
          {doc.candidates.map((c) => (
            <CandidateRow key={`${c.account}:${c.lotId}`} c={c} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** For each candidate symbol, its substitutes (nearest first). */
export function SubstitutesList({ doc }: { doc: TaxHarvestDocument }) {
  if (doc.substitutes.length === 0) return null;
  return (
    <dl className="definitions substitutes">
      {doc.substitutes.map((s) => (
        <div key={s.symbol} className="contents" data-symbol={s.symbol}>
          <dt>{s.symbol}</dt>
          <dd>
            {!s.inUniverse
              ? 'No fund definition: no substitute suggested.'
              : s.substitutes.length === 0
                ? 'No fund within the tolerance outside its group.'
                : s.substitutes.map((x, i) => (
                    <span key={x.symbol}>
                      {i === 0 ? null : ', '}
                      <strong>{x.symbol}</strong> {x.name} (distance {quantity(x.distance, 3)})
                    </span>
                  ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The document's warnings (e.g. a lot priced at an old trade); more than two fold away. */
export function HarvestWarnings({ doc }: { doc: TaxHarvestDocument }) {
  const list = doc.warnings.map((w) => (
    <p key={`${w.code}:${w.message}`} className="warning">
      {w.message}
    </p>
  ));
  if (list.length <= 2) return <>{list}</>;
  return (
    <details className="warnings">
      <summary className="warning">
        {list.length} notes on the inputs (account types, prices): the candidates depend on them
      </summary>
      {list}
    </details>
  );
}
