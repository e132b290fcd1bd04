/**
 * The plan document in two views. {@link MappingView}: stage 1's target exposures and stage 2's
 * fund weights — each exposure's target x*, the exposure the funds achieve and the gap, the
 * fund positions by account, the tracking error and leverage figures. {@link TradesView}: the
 * trades from the current holdings (sells first), each with the lots it closes and their
 * realised gains by term — the basis of the tax estimate — and the totals.
 */
import type { PlanDocument } from '../../api/documents.ts';
import { Tile } from '../../components/panel.tsx';
import { date, money, percent, quantity, signedMoney, signedPercent, tone } from '../../format.ts';
import { Breakable } from './breakable.tsx';
import { Warnings } from './warnings.tsx';

/** Exposure id → name, for labels. */
type Names = Readonly<Record<string, string>>;

/** Stage 1 and stage 2 of a plan (see the module comment). */
export function MappingView({ doc, names }: { doc: PlanDocument; names: Names }) {
  const m = doc.mapping;
  const ids = Object.keys(m.targetExposures).filter(
    (id) => m.targetExposures[id] !== 0 || (m.achievedExposures[id] ?? 0) !== 0,
  );
  return (
    <>
      <div className="tiles">
        <Tile
          label="Stage 1 return"
          value={percent(doc.stage1.expectedReturnAnnual)}
          sub={`σ ${percent(doc.stage1.volatilityAnnual)} · Sharpe ${quantity(doc.stage1.sharpe, 2)}`}
        />
        <Tile
          label="Tracking error"
          value={percent(m.trackingErrorAnnual)}
          sub="funds vs target, annual"
        />
        <Tile
          label="Gross exposure"
          value={percent(m.grossEconomicExposure)}
          sub="Σ|x| of the funds"
        />
        <Tile
          label="Fund notional"
          value={percent(m.totalNotional)}
          sub={`cash ${signedPercent(m.cashWeight)}`}
        />
      </div>
      <div className="table-wrap">
        <table aria-label="Target and achieved exposures">
          <thead>
            <tr>
              <th>Exposure</th>
              <th className="num">Target x*</th>
              <th className="num">Achieved</th>
              <th className="num">Gap</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <td className="asset">
                  <Breakable id={id} />
                  {names[id] === undefined ? null : <span className="asset-name">{names[id]}</span>}
                </td>
                <td className="num">{percent(m.targetExposures[id])}</td>
                <td className="num">{percent(m.achievedExposures[id])}</td>
                <td className={`num ${tone(m.exposureGaps[id])}`}>
                  {signedPercent(m.exposureGaps[id])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table aria-label="Fund weights">
          <thead>
            <tr>
              <th>Fund</th>
              <th>Account</th>
              <th className="num">Weight</th>
            </tr>
          </thead>
          <tbody>
            {m.positions.map((p) => (
              <tr key={`${p.fund}-${p.account}`}>
                <td>{p.fund}</td>
                <td>{p.account === 'ALL' ? 'any account' : p.account}</td>
                <td className="num">{percent(p.weight)}</td>
              </tr>
            ))}
            <tr>
              <td>Cash</td>
              <td />
              <td className={`num ${tone(m.cashWeight)}`}>{percent(m.cashWeight)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {m.excludedFunds.length === 0 ? null : (
        <p className="muted">
          Left out: {m.excludedFunds.map((f) => `${f.fund} (${f.reason})`).join('; ')}
        </p>
      )}
      <Warnings warnings={[...doc.warnings, ...m.warnings]} />
      <p className="muted">
        Exposure returns: {doc.returns.source}
        {doc.returns.periodsPerYear === undefined
          ? ''
          : `, ${quantity(doc.returns.periodsPerYear, 0)} periods a year`}
        .
      </p>
    </>
  );
}

/** The trades of a plan (see the module comment); money in `currency`. */
export function TradesView({ doc, currency }: { doc: PlanDocument; currency: string }) {
  const t = doc.trades;
  const sources = [...new Set(t.trades.map((x) => x.priceSource))];
  return (
    <>
      <div className="tiles">
        <Tile
          label="Value"
          value={money(t.totalValue, currency)}
          sub={`as of ${date(t.tradeDate)}`}
        />
        <Tile
          label="Sells"
          value={money(t.totals.sells, currency)}
          sub={`buys ${money(t.totals.buys, currency)}`}
        />
        <Tile
          label="Realised short-term"
          value={signedMoney(t.totals.realizedShortTerm, currency)}
          tone={tone(t.totals.realizedShortTerm)}
          sub="lots held a year or less"
        />
        <Tile
          label="Realised long-term"
          value={signedMoney(t.totals.realizedLongTerm, currency)}
          tone={tone(t.totals.realizedLongTerm)}
          sub={`lots: ${t.lotMethod}`}
        />
        <Tile
          label="Cash"
          value={money(t.cashAfter, currency)}
          sub={`before ${money(t.cashBefore, currency)}; costs ${money(t.totals.costs, currency)}`}
        />
      </div>
      {t.trades.length === 0 ? (
        <p>No trade is needed: the holdings already match the plan.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Trades">
            <thead>
              <tr>
                <th>Side</th>
                <th>Symbol</th>
                <th>Account</th>
                <th className="num">Quantity</th>
                <th className="num">Price</th>
                <th className="num">Amount</th>
                <th className="num">Short-term gain</th>
                <th className="num">Long-term gain</th>
                <th>Lots closed</th>
              </tr>
            </thead>
            <tbody>
              {t.trades.map((x, i) => (
                <tr key={i}>
                  <td className={x.side === 'sell' ? 'down' : 'up'}>{x.side}</td>
                  <td>{x.symbol}</td>
                  <td>{x.account}</td>
                  <td className="num">{quantity(x.quantity)}</td>
                  <td className="num">{money(x.price, currency)}</td>
                  <td className="num">{money(x.gross, currency)}</td>
                  <td className={`num ${tone(x.realizedShortTerm)}`}>
                    {signedMoney(x.realizedShortTerm, currency)}
                  </td>
                  <td className={`num ${tone(x.realizedLongTerm)}`}>
                    {signedMoney(x.realizedLongTerm, currency)}
                  </td>
                  <td className="lots">
                    {x.lots.length === 0
                      ? '—'
                      : x.lots
                          .map(
                            (l) =>
                              `${l.lotId} (${quantity(l.quantity)} from ${date(l.acquired)}, ${l.term} ${signedMoney(l.gain, currency)})`,
                          )
                          .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {t.skipped.length === 0 ? null : (
        <p className="muted">
          Skipped:{' '}
          {t.skipped
            .map(
              (s) =>
                `${s.side} ${quantity(s.quantity)} ${s.symbol} (${money(s.valueDollars, currency)}: ${s.reason})`,
            )
            .join('; ')}
        </p>
      )}
      <Warnings warnings={t.warnings} />
      <p className="note">
        Prices: {sources.length === 0 ? '—' : sources.join('; ')}. The realised gains are the tax
        estimate&apos;s basis as the API gives it, by term and lot; the tax owed depends on your
        rates and on each account&apos;s tax treatment, which Ballast does not apply.
      </p>
    </>
  );
}
