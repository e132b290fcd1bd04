/**
 * The Risk page: ex-ante risk of the portfolio from the `risk` document
 * (GET /api/v1/portfolios/{id}/risk, with the covariance estimator and confidence chosen) —
 * volatility, VaR and CVaR over one month and one year with the method the document states,
 * diversification, contributions by exposure and by position, the correlation of the exposures
 * held (heatmap and table) — and stress tests (POST /api/v1/portfolios/{id}/stress): every
 * built-in scenario, and a custom shock. The universe (GET /api/v1/universe) names the
 * exposures.
 */
import { useMemo, useState } from 'react';
import { Panel } from '../../components/panel.tsx';
import { FundsPicker } from '../exposures/funds-picker.tsx';
import {
  chooseFunds,
  useFundsChoice,
  useStoredFunds,
  useUniverse,
} from '../exposures/exposures-queries.ts';
import { categoryLabel, exposureLabels } from '../exposures/labels.ts';
import {
  DEFAULT_CONTROLS,
  useBuiltInStress,
  useRisk,
  useShockStress,
  type RiskControls,
} from './risk-queries.ts';
import {
  ContributionsChart,
  DiversificationTiles,
  ExposureContributionsTable,
  PositionContributionsTable,
  RiskControlsForm,
  RiskMethod,
  RiskTiles,
  type ContributionView,
} from './risk-views.tsx';
import { CorrelationHeatmap } from './correlation-view.tsx';
import { ShockForm } from './shock-form.tsx';
import { ShockResult, StressTable } from './stress-views.tsx';
import './risk.css';

/** By exposure / by position switch of the contributions chart. */
function ViewSwitch(props: { value: ContributionView; onChange: (v: ContributionView) => void }) {
  const options: [ContributionView, string][] = [
    ['exposure', 'By exposure'],
    ['position', 'By position'],
  ];
  return (
    <div className="segmented" role="group" aria-label="Contributions by">
      {options.map(([value, text]) => (
        <button
          key={value}
          type="button"
          className={props.value === value ? '' : 'secondary'}
          aria-pressed={props.value === value}
          onClick={() => props.onChange(value)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

/** The Risk page of `portfolio` (see the module comment). */
export default function RiskPage({ portfolio }: { portfolio: string }) {
  const funds = useFundsChoice();
  const [controls, setControls] = useState<RiskControls>(DEFAULT_CONTROLS);
  const [view, setView] = useState<ContributionView>('exposure');
  const risk = useRisk(portfolio, controls, funds);
  const stress = useBuiltInStress(portfolio, funds);
  const shock = useShockStress(portfolio, funds);
  const universe = useUniverse();
  const stored = useStoredFunds();
  const labels = useMemo(() => exposureLabels(universe.data), [universe.data]);
  const targets = useMemo(
    () => [
      { id: 'equity', name: 'every equity exposure' },
      { id: 'rates', name: 'every exposure with a duration' },
      ...(universe.data?.categories ?? []).map((c) => ({ id: c.id, name: categoryLabel(c.id) })),
      ...(universe.data?.exposures ?? []).map((e) => ({ id: e.id, name: e.name })),
    ],
    [universe.data],
  );
  const updating = risk.isPlaceholderData ? <span className="muted">Updating…</span> : null;
  return (
    <>
      <Panel
        title="Volatility and value at risk"
        size="wide"
        query={risk}
        actions={
          <>
            {updating}
            <RiskControlsForm value={controls} onChange={setControls} />
            <FundsPicker stored={stored.data} value={funds} onChange={chooseFunds} />
          </>
        }
      >
        {(doc) => (
          <>
            <RiskTiles doc={doc} />
            <RiskMethod doc={doc} />
          </>
        )}
      </Panel>
      <Panel
        title="Risk contributions"
        size="wide"
        query={risk}
        note="Each bar is a component's contribution to volatility (they add up to σ); a negative one is a hedge."
        actions={<ViewSwitch value={view} onChange={setView} />}
      >
        {(doc) => <ContributionsChart doc={doc} view={view} labels={labels} />}
      </Panel>
      <Panel
        title="Contributions by exposure"
        query={risk}
        note="Economic weight, standalone volatility, marginal and component contribution (volatility points)."
      >
        {(doc) => <ExposureContributionsTable doc={doc} labels={labels} />}
      </Panel>
      <Panel
        title="Contributions by position"
        query={risk}
        note="Per account; cash lines carry no risk."
      >
        {(doc) => <PositionContributionsTable doc={doc} />}
      </Panel>
      <Panel
        title="Correlation of exposures"
        query={risk}
        note="From the covariance the figures above use."
      >
        {(doc) => <CorrelationHeatmap doc={doc} labels={labels} />}
      </Panel>
      <Panel title="Diversification" query={risk}>
        {(doc) => <DiversificationTiles doc={doc} />}
      </Panel>
      <Panel
        title="Stress scenarios"
        size="wide"
        query={stress}
        note="Every built-in historical scenario replayed on the exposures held today: total P&L and P&L by account. A scenario the data does not cover is listed with its error."
      >
        {(doc) => <StressTable doc={doc} labels={labels} />}
      </Panel>
      <Panel
        title="Custom shock"
        size="wide"
        note="A hypothetical shock to an exposure, a category, every equity exposure (equity) or every exposure with a duration (rates), propagated through the fund definitions. Returns in percent or decimal; yield changes in bp."
      >
        {() => (
          <>
            <ShockForm
              targets={targets}
              onRun={(body) => shock.mutate(body)}
              pending={shock.isPending}
              error={shock.error}
            />
            {shock.data === undefined ? null : <ShockResult doc={shock.data} labels={labels} />}
          </>
        )}
      </Panel>
    </>
  );
}
