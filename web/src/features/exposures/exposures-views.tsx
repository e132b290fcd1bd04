/**
 * The Exposures page's views of one `exposures` document: leverage tiles, the treemap by
 * category, holdings at notional value, economic exposures by category, the look-through of
 * each fund's definition, and the unexplained holdings. Every figure is the document's,
 * formatted; nothing is recomputed here.
 */
import { useMemo } from 'react';
import { exposureTreemapOption } from '../../../../src/report/exposure.ts';
import type { ChartOption } from '../../../../src/report/chart-style.ts';
import type { ExposuresDocument, FundDefinition } from '../../api/documents.ts';
import { Chart } from '../../charts/chart.tsx';
import { Tile } from '../../components/panel.tsx';
import { money, percent, quantity, times } from '../../format.ts';
import { categoryLabel, labelOf } from './labels.ts';

type Labels = Readonly<Record<string, string>>;

/** Total value, cash and the gross and net economic leverage of the document. */
export function LeverageTiles({ doc }: { doc: ExposuresDocument }) {
  return (
    <>
      <div className="tiles">
        <Tile label="Total value" value={money(doc.totalValue)} sub="holdings + cash" />
        <Tile
          label="Cash"
          value={money(doc.cash)}
          tone={doc.cash < 0 ? 'down' : ''}
          sub={doc.cash < 0 ? 'margin loan, over accounts' : 'over accounts'}
        />
        <Tile
          label="Gross economic leverage"
          value={times(doc.grossEconomicExposure)}
          sub={`Σ|exposure| = ${percent(doc.grossEconomicExposure)} of total value`}
        />
        <Tile
          label="Net economic leverage"
          value={times(doc.netEconomicExposure)}
          sub={`Σ exposure = ${percent(doc.netEconomicExposure)} of total value`}
        />
      </div>
      {(doc.warnings ?? []).map((w, i) => (
        <p key={i} className="warning">
          {w.message} <code>{w.code}</code>
        </p>
      ))}
    </>
  );
}

type Level = { itemStyle?: object; upperLabel?: object };

/**
 * The builder's treemap as the page draws it: no room for the title strip (the panel names the
 * chart), and the gaps and category captions in the builder's own palette colours (white gaps,
 * dark caption text), which the Chart turns into the dark theme's — the treemap's default
 * white gaps and near-black captions would stay as they are on a dark page.
 */
function screenTreemap(option: ChartOption): ChartOption {
  const series = Array.isArray(option.series) ? option.series : [];
  return {
    ...option,
    series: series.map((s) => {
      const levels = ((s as { levels?: Level[] }).levels ?? []).map((level, i) => {
        if (i === 0) return { ...level, itemStyle: { ...level.itemStyle, borderColor: '#ffffff' } };
        if (i === 1) return { ...level, upperLabel: { ...level.upperLabel, color: '#1f2937' } };
        return level;
      });
      return { ...s, top: 8, levels };
    }),
  } as ChartOption;
}

/** The economic exposures as a treemap by category (`exposureTreemapOption`). */
export function ExposureTreemap({ doc, labels }: { doc: ExposuresDocument; labels: Labels }) {
  const shown = useMemo(() => doc.exposures.filter((e) => e.economicWeight !== 0), [doc]);
  const option = useMemo(
    () =>
      shown.length === 0
        ? null
        : screenTreemap(exposureTreemapOption({ exposures: shown, labels })),
    [shown, labels],
  );
  if (option === null)
    return (
      <p className="muted">
        No economic exposure to draw: no holding has a fund definition. See the unexplained holdings
        below.
      </p>
    );
  return (
    <Chart
      option={option}
      height="380px"
      label={`Treemap of economic exposure by category: ${shown
        .map((e) => `${labelOf(labels, e.id)} ${percent(e.economicWeight, 1)}`)
        .join(', ')}`}
    />
  );
}

/** Holdings at notional value: quantity, price (and where it comes from), market value, weight. */
export function HoldingsTable({ doc }: { doc: ExposuresDocument }) {
  if (doc.positions.length === 0)
    return (
      <p className="muted">
        No holdings: record a buy on the Transactions page (or <code>ballast portfolio append</code>
        ).
      </p>
    );
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Symbol</th>
            <th className="num">Quantity</th>
            <th className="num">Price</th>
            <th className="num">Market value</th>
            <th className="num">Weight</th>
            <th>Price from</th>
          </tr>
        </thead>
        <tbody>
          {doc.positions.map((p) => (
            <tr key={p.symbol}>
              <td>{p.symbol}</td>
              <td className="num">{quantity(p.quantity)}</td>
              <td className="num">{money(p.price)}</td>
              <td className="num">{money(p.marketValue)}</td>
              <td className="num">{percent(p.notionalWeight)}</td>
              <td className="muted-cell">{p.priceSource}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>Cash</td>
            <td className={`num ${doc.cash < 0 ? 'down' : ''}`}>{money(doc.cash)}</td>
            <td colSpan={2} />
          </tr>
          <tr className="total">
            <td colSpan={3}>Total value</td>
            <td className="num">{money(doc.totalValue)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Economic exposures grouped by category: category totals, then each exposure. */
export function EconomicTable({ doc, labels }: { doc: ExposuresDocument; labels: Labels }) {
  if (doc.exposures.length === 0)
    return <p className="muted">No economic exposure: no holding has a fund definition.</p>;
  const listed = new Set(doc.byCategory.map((c) => c.id));
  const groups = [
    ...doc.byCategory.map((c) => ({
      category: c,
      members: doc.exposures.filter((e) => e.category === c.id),
    })),
    ...doc.exposures
      .filter((e) => !listed.has(e.category))
      .map((e) => ({ category: null, members: [e] })),
  ];
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Exposure</th>
            <th className="num">Economic value</th>
            <th className="num">Of total value</th>
          </tr>
        </thead>
        {groups.map(({ category, members }, k) => (
          <tbody key={category?.id ?? `other-${k}`}>
            {category === null ? null : (
              <tr className="group">
                <th scope="rowgroup" className="name">
                  {categoryLabel(category.id)}
                </th>
                <td className="num">{money(category.economicValue)}</td>
                <td className="num">{percent(category.economicWeight)}</td>
              </tr>
            )}
            {members.map((e) => (
              <tr key={e.id}>
                <td className="indent name">{labelOf(labels, e.id)}</td>
                <td className={`num ${e.economicValue < 0 ? 'down' : ''}`}>
                  {money(e.economicValue)}
                </td>
                <td className="num">{percent(e.economicWeight)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** Props of {@link LookThroughTable}. */
export interface LookThroughProps {
  readonly doc: ExposuresDocument;
  /** Fund definitions by symbol (the set the document was computed with). */
  readonly definitions: Readonly<Record<string, FundDefinition>>;
  readonly labels: Labels;
}

/**
 * Fund × exposure: each holding's market value and its definition's economic exposure per $1
 * of NAV, one column per exposure, with the portfolio's economic exposure from the document at
 * the foot of each column.
 */
export function LookThroughTable({ doc, definitions, labels }: LookThroughProps) {
  const ids = doc.exposures.map((e) => e.id);
  for (const p of doc.positions)
    for (const id of Object.keys(definitions[p.symbol]?.exposures ?? {}))
      if (!ids.includes(id)) ids.push(id);
  const economic = new Map(doc.exposures.map((e) => [e.id, e] as const));
  if (doc.positions.length === 0) return <p className="muted">No holdings to look through.</p>;
  return (
    <div className="table-wrap">
      <table className="look-through">
        <thead>
          <tr>
            <th>Fund</th>
            <th className="num">Market value</th>
            {ids.map((id) => (
              <th key={id} className="num exposure-head" title={id}>
                {labelOf(labels, id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doc.positions.map((p) => {
            const definition = Object.hasOwn(definitions, p.symbol)
              ? definitions[p.symbol]
              : undefined;
            return (
              <tr key={p.symbol}>
                <td className="fund">
                  <span className="symbol">{p.symbol}</span>
                  <span className="fund-name">
                    {definition === undefined ? 'no fund definition' : definition.name}
                  </span>
                </td>
                <td className="num">{money(p.marketValue)}</td>
                {definition === undefined ? (
                  <td colSpan={ids.length} className="unexplained-cell">
                    not looked through: no definition (see Unexplained holdings)
                  </td>
                ) : (
                  ids.map((id) => {
                    const perDollar = definition.exposures[id];
                    const dollars = p.economic.find((e) => e.id === id)?.economicValue;
                    return (
                      <td
                        key={id}
                        className={`num ${dollars !== undefined && dollars < 0 ? 'down' : ''}`}
                      >
                        {dollars === undefined ? '' : money(dollars)}
                        {perDollar === undefined ? null : (
                          <span className="per-dollar">{times(perDollar, 3)} per $1</span>
                        )}
                      </td>
                    );
                  })
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="total">
            <td>Portfolio economic exposure</td>
            <td />
            {ids.map((id) => (
              <td key={id} className="num">
                {money(economic.get(id)?.economicValue ?? 0)}
              </td>
            ))}
          </tr>
          <tr className="sub">
            <td>Of total value ({money(doc.totalValue)})</td>
            <td />
            {ids.map((id) => (
              <td key={id} className="num">
                {percent(economic.get(id)?.economicWeight ?? 0)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What to do about an unexplained holding: give it a price, or a fund definition. */
function advice(unpriced: boolean) {
  if (unpriced)
    return (
      <>
        Its value is unknown, so it is left out of total value. Store prices with{' '}
        <code>ballast data fetch SYMBOL</code> (or <code>ballast data import</code>), or give a
        price with <code>--prices FILE</code>.
      </>
    );
  return (
    <>
      Its market value counts in total value but carries no exposure. Define it in a fund file
      (economic exposure per $1 of NAV), check the file with{' '}
      <code>ballast funds validate FILE</code>, store it with{' '}
      <code>ballast funds save NAME --file FILE</code> and choose it under Fund definitions above
      (or pass <code>--funds-stored NAME</code> to the CLI); <code>ballast funds list</code> shows
      the shipped definitions.
    </>
  );
}

/** The document's unexplained holdings, each as a warning saying what to do. */
export function UnexplainedList({ doc }: { doc: ExposuresDocument }) {
  if (doc.unexplained.length === 0)
    return (
      <p className="muted">
        Every holding has a price and a fund definition: nothing is left unexplained.
      </p>
    );
  return (
    <ul className="unexplained">
      {doc.unexplained.map((u) => (
        <li key={u.symbol} className="warning">
          <strong>{u.symbol}</strong> {u.marketValue === null ? '(no price)' : money(u.marketValue)}{' '}
          — {u.reason}. {advice(u.marketValue === null)}
        </li>
      ))}
    </ul>
  );
}
