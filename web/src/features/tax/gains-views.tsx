/**
 * The realised-gains views of the Tax page, over the `tax/gains` document of one year: the
 * totals tiles (short-term, long-term, wash-sale losses disallowed, the part of them lost to
 * IRA replacements), the estimated-tax tiles, and the Form 8949 rows — Part I short-term,
 * Part II long-term, as on the form: (a) description, (b) acquired, (c) sold, (d) proceeds,
 * (e) cost basis, (f) code, (g) adjustment, (h) gain; a wash sale (code W) is highlighted.
 * Every number is the document's.
 */
import { Tile } from '../../components/panel.tsx';
import { date, money, quantity, signedMoney, tone } from '../../format.ts';
import type { GainRowDocument, TaxGainsDocument } from '../../api/documents.ts';

/** The year's totals (see the module comment). */
export function GainsTiles({ doc }: { doc: TaxGainsDocument }) {
  const t = doc.totals;
  return (
    <div className="tiles" data-tiles="gains">
      <Tile
        label="Short-term"
        value={signedMoney(t.shortTerm)}
        tone={tone(t.shortTerm)}
        sub="Part I: held one year or less"
      />
      <Tile
        label="Long-term"
        value={signedMoney(t.longTerm)}
        tone={tone(t.longTerm)}
        sub="Part II: held over one year"
      />
      <Tile
        label="Wash-sale disallowed"
        value={money(t.disallowed)}
        sub="losses added back (code W)"
      />
      <Tile
        label="Lost to IRA replacements"
        value={money(t.lost)}
        tone={t.lost > 0 ? 'down' : ''}
        sub="disallowed for good"
      />
      <Tile label="Proceeds" value={money(t.proceeds)} sub={`cost basis ${money(t.costBasis)}`} />
    </div>
  );
}

/** The estimate's tiles (a negative tax is a saving from the loss deduction). */
export function EstimateTiles({ doc }: { doc: TaxGainsDocument }) {
  const e = doc.estimate;
  if (e === undefined)
    return <p className="muted">Give a short-term or long-term rate for an estimate.</p>;
  return (
    <div className="tiles" data-tiles="estimate">
      <Tile
        label="Estimated tax"
        value={e.tax < 0 ? signedMoney(e.tax) : money(e.tax)}
        tone={e.tax < 0 ? 'up' : ''}
        sub={e.tax < 0 ? 'a saving: the loss deduction' : undefined}
      />
      <Tile label="Taxed short-term" value={money(e.taxedShortTerm)} sub="after netting" />
      <Tile label="Taxed long-term" value={money(e.taxedLongTerm)} sub="after netting" />
      <Tile
        label="Loss deducted"
        value={money(e.lossDeduction)}
        sub={`carried forward ${money(e.carryforward)}`}
      />
    </div>
  );
}

function RowCells({ row }: { row: GainRowDocument }) {
  const wash = row.adjustmentCode === 'W';
  return (
    <tr className={wash ? 'wash' : undefined} data-lot={row.lotId} data-code={row.adjustmentCode}>
      <th scope="row">
        {quantity(row.quantity)} sh {row.symbol}
        <div className="row-source">
          {row.account} · {row.lotId}
        </div>
      </th>
      <td>{row.acquired === 'INHERITED' ? 'Inherited' : date(row.acquired)}</td>
      <td>{date(row.disposed)}</td>
      <td className="num">{money(row.proceeds)}</td>
      <td className="num">{money(row.costBasis)}</td>
      <td data-col="code">{wash ? <span className="badge wash-code">W</span> : null}</td>
      <td className="num" data-col="adjustment">
        {row.adjustment === 0 ? '' : money(row.adjustment)}
      </td>
      <td className="num" data-col="gain">
        <span className={tone(row.gain)}>{signedMoney(row.gain)}</span>
      </td>
    </tr>
  );
}

const PARTS = [
  { part: 'I', title: 'Part I — short-term', total: 'shortTerm' },
  { part: 'II', title: 'Part II — long-term', total: 'longTerm' },
] as const;

/** The Form 8949 rows by part (see the module comment). */
export function Form8949Table({ doc }: { doc: TaxGainsDocument }) {
  return (
    <div className="table-wrap">
      <table className="form8949">
        <caption className="sr-only">Form 8949 rows of {doc.year ?? 'every year'}</caption>
        <thead>
          <tr>
            <th scope="col">(a) Description</th>
            <th scope="col">(b) Acquired</th>
            <th scope="col">(c) Sold</th>
            <th scope="col" className="num">
              (d) Proceeds
            </th>
            <th scope="col" className="num">
              (e) Cost basis
            </th>
            <th scope="col">(f) Code</th>
            <th scope="col" className="num">
              (g) Adjustment
            </th>
            <th scope="col" className="num">
              (h) Gain or loss
            </th>
          </tr>
        </thead>
        {PARTS.map(({ part, title, total }) => {
          const rows = doc.rows.filter((r) => r.part === part);
          if (rows.length === 0) return null;
          return (
            <tbody key={part} data-part={part}>
              <tr className="part">
                <th scope="rowgroup" colSpan={7}>
                  {title}
                </th>
                <td className="num">
                  <span className={tone(doc.totals[total])}>{signedMoney(doc.totals[total])}</span>
                </td>
              </tr>
              {rows.map((row, i) => (
                <RowCells key={`${row.lotId}-${i}`} row={row} />
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
