/**
 * The Risk page's views of one `risk` document: volatility and VaR/CVaR tiles with the method
 * the document states, diversification, and risk contributions (chart and tables). Every figure
 * is the document's, formatted; nothing is recomputed here.
 */
import { useMemo } from 'react';
import { riskContributionsOption } from '../../../../src/report/risk-contributions.ts';
import type { RiskDocument } from '../../api/documents.ts';
import { Chart } from '../../charts/chart.tsx';
import { Tile } from '../../components/panel.tsx';
import { date, money, percent, quantity, times } from '../../format.ts';
import { labelOf } from '../exposures/labels.ts';
import { laidOut } from './chart-layout.ts';
import { useNarrow } from './narrow.ts';
import { COVARIANCES, type RiskControls } from './risk-queries.ts';

type Labels = Readonly<Record<string, string>>;

/** A confidence level as a percent: `95%`, `97.5%`. */
const confidenceText = (c: number): string =>
  percent(c, Number.isInteger(Math.round(c * 1e6) / 1e4) ? 0 : 1);

/** Volatility, and VaR and CVaR over one month and one year, in money and percent of NAV. */
export function RiskTiles({ doc }: { doc: RiskDocument }) {
  const { oneMonth, oneYear, confidence } = doc.valueAtRisk;
  const level = confidenceText(confidence);
  return (
    <div className="tiles">
      <Tile label="Volatility" value={percent(doc.volatilityAnnual)} sub="annualised, ex-ante" />
      <Tile
        label="VaR, 1 month"
        value={money(oneMonth.varAmount)}
        sub={`${percent(oneMonth.var)} of NAV at ${level}`}
      />
      <Tile
        label="CVaR, 1 month"
        value={money(oneMonth.cvarAmount)}
        sub={`${percent(oneMonth.cvar)} of NAV, mean loss beyond VaR`}
      />
      <Tile
        label="VaR, 1 year"
        value={money(oneYear.varAmount)}
        sub={`${percent(oneYear.var)} of NAV at ${level}`}
      />
      <Tile
        label="CVaR, 1 year"
        value={money(oneYear.cvarAmount)}
        sub={`${percent(oneYear.cvar)} of NAV, mean loss beyond VaR`}
      />
    </div>
  );
}

/** The method sentence of the document, the NAV it applies to, and where Σ came from. */
export function RiskMethod({ doc }: { doc: RiskDocument }) {
  const c = doc.covariance;
  return (
    <>
      <dl className="definitions risk-method">
        <dt>Method</dt>
        <dd>
          {doc.valueAtRisk.method}; confidence {confidenceText(doc.valueAtRisk.confidence)}; losses
          are positive
        </dd>
        <dt>NAV</dt>
        <dd>
          {money(doc.nav)}
          {doc.asOf === null ? '' : ` as of ${date(doc.asOf)}`}
        </dd>
        <dt>Covariance</dt>
        <dd>
          {c.method}, {quantity(c.periods, 0)} periods {date(c.from)} → {date(c.to)} (
          {c.source === 'sample' ? 'bundled sample' : 'stored returns'})
        </dd>
      </dl>
      {doc.warnings.map((w, i) => (
        <p key={i} className="warning">
          {w.message} <code>{w.code}</code>
        </p>
      ))}
      {doc.unexplained.map((u, i) => (
        <p key={`u${i}`} className="warning">
          <strong>{u.symbol}</strong>
          {u.account === null ? '' : ` (${u.account})`}: {u.reason}; not in these figures.
        </p>
      ))}
    </>
  );
}

/** Props of {@link RiskControlsForm}. */
export interface RiskControlsProps {
  readonly value: RiskControls;
  readonly onChange: (value: RiskControls) => void;
}

const CONFIDENCES = [0.9, 0.95, 0.975, 0.99] as const;
const COVARIANCE_NAMES: Record<(typeof COVARIANCES)[number], string> = {
  'ledoit-wolf': 'Ledoit-Wolf shrinkage',
  sample: 'Sample',
  ewma: 'EWMA (λ 0.94)',
};

/** Covariance estimator and confidence selects (the risk route's parameters). */
export function RiskControlsForm({ value, onChange }: RiskControlsProps) {
  return (
    <>
      <label className="inline-field">
        Covariance
        <select
          value={value.covariance}
          onChange={(e) =>
            onChange({ ...value, covariance: e.target.value as RiskControls['covariance'] })
          }
        >
          {COVARIANCES.map((c) => (
            <option key={c} value={c}>
              {COVARIANCE_NAMES[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        Confidence
        <select
          value={value.confidence}
          onChange={(e) => onChange({ ...value, confidence: Number(e.target.value) })}
        >
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {confidenceText(c)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** Diversification ratios and effective numbers of bets. */
export function DiversificationTiles({ doc }: { doc: RiskDocument }) {
  return (
    <div className="tiles">
      <Tile
        label="Diversification ratio"
        value={times(doc.diversificationRatio)}
        sub="exposures: Σ standalone risk / σ"
      />
      <Tile
        label="Diversification, positions"
        value={times(doc.diversificationRatioPositions)}
        sub="positions: Σ standalone risk / σ"
      />
      <Tile
        label="Effective bets"
        value={quantity(doc.effectiveBets, 2)}
        sub="uncorrelated bets (Meucci)"
      />
      <Tile
        label="Effective bets, risk shares"
        value={quantity(doc.effectiveBetsRiskShares, 2)}
        sub="1 / Σ share²"
      />
    </div>
  );
}

/** Which contributions the chart shows. */
export type ContributionView = 'exposure' | 'position';

/** Position lines with risk (cash lines carry none and are left out of the chart). */
const riskyPositions = (doc: RiskDocument) => doc.byPosition.filter((p) => p.symbol !== 'CASH');

/** Props of {@link ContributionsChart}. */
export interface ContributionsChartProps {
  readonly doc: RiskDocument;
  readonly view: ContributionView;
  readonly labels: Labels;
}

/** Component contributions to volatility as bars (`riskContributionsOption`). */
export function ContributionsChart({ doc, view, labels }: ContributionsChartProps) {
  const narrow = useNarrow();
  const input = useMemo(() => {
    const rows: { name: string; component: number; percent: number }[] =
      view === 'exposure'
        ? doc.byExposure.map((e) => ({ ...e, name: labelOf(labels, e.exposure) }))
        : riskyPositions(doc).map((p) => ({ ...p, name: `${p.symbol} · ${p.account}` }));
    return {
      names: rows.map((r) => r.name),
      decomposition: {
        volatility: doc.volatilityAnnual,
        component: Float64Array.from(rows, (r) => r.component),
        share: Float64Array.from(rows, (r) => r.percent),
      },
      volatilityLabel: `annualised ex-ante volatility, by ${view === 'exposure' ? 'economic exposure' : 'position'}`,
    };
  }, [doc, view, labels]);
  const option = useMemo(
    () => (input.names.length === 0 ? null : laidOut(riskContributionsOption(input), narrow)),
    [input, narrow],
  );
  if (option === null) return <p className="muted">No position carries risk.</p>;
  return (
    <Chart
      option={option}
      height={`${Math.max(220, 90 + input.names.length * 40)}px`}
      label={`Contributions to volatility by ${view}: ${input.names
        .map((n, i) => `${n} ${percent(input.decomposition.share[i], 1)} of σ`)
        .join(', ')}`}
    />
  );
}

/** Contributions by economic exposure. */
export function ExposureContributionsTable({ doc, labels }: { doc: RiskDocument; labels: Labels }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Exposure</th>
            <th className="num">Weight</th>
            <th className="num">Volatility</th>
            <th className="num">Marginal</th>
            <th className="num">Contribution</th>
            <th className="num">Share of σ</th>
          </tr>
        </thead>
        <tbody>
          {doc.byExposure.map((e) => (
            <tr key={e.exposure}>
              <td className="name" title={e.exposure}>
                {labelOf(labels, e.exposure)}
              </td>
              <td className="num">{percent(e.weight)}</td>
              <td className="num">{percent(e.volatility)}</td>
              <td className="num">{percent(e.marginal)}</td>
              <td className={`num ${e.component < 0 ? 'up' : ''}`}>{percent(e.component)}</td>
              <td className="num">{percent(e.percent, 1)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total">
            <td>Portfolio</td>
            <td />
            <td />
            <td />
            <td className="num">{percent(doc.volatilityAnnual)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Contributions by position (per account), cash lines last with no risk. */
export function PositionContributionsTable({ doc }: { doc: RiskDocument }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Symbol</th>
            <th>Account</th>
            <th className="num">Market value</th>
            <th className="num">Weight</th>
            <th className="num">Marginal</th>
            <th className="num">Contribution</th>
            <th className="num">Share of σ</th>
          </tr>
        </thead>
        <tbody>
          {doc.byPosition.map((p, i) => (
            <tr key={`${p.symbol}-${p.account}-${i}`} className={p.symbol === 'CASH' ? 'sub' : ''}>
              <td>{p.symbol}</td>
              <td>{p.account}</td>
              <td className="num">{money(p.marketValue)}</td>
              <td className="num">{percent(p.weight)}</td>
              <td className="num">{percent(p.marginal)}</td>
              <td className={`num ${p.component < 0 ? 'up' : ''}`}>{percent(p.component)}</td>
              <td className="num">{percent(p.percent, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
