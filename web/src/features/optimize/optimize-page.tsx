/**
 * The Optimize page: the problem (universe, objective, constraints), run as two jobs — the
 * optimisation and the efficient frontier (`POST /api/v1/runs`, followed with a progress bar and
 * a Cancel button) — then the frontier chart and the proposed weights; and the two-stage plan of
 * the portfolio (exposures → funds → trades with their realised gains). The default problem
 * needs no network: the bundled sample of exposure returns.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type {
  FrontierDocument,
  OptimizeDocument,
  PlanDocument,
  RunDocument,
} from '../../api/documents.ts';
import { usePortfolios } from '../../api/portfolios.ts';
import { useCancelRun, useRun, useSubmitRun } from '../../api/runs.ts';
import { Panel } from '../../components/panel.tsx';
import { RunProgress } from '../../components/run-progress.tsx';
import { useDataList } from '../data/data-queries.ts';
import { fieldErrorOf, runFieldError, type FieldError } from './field-errors.ts';
import { FrontierView } from './frontier-view.tsx';
import { useEstimatePoints, type EstimateSource } from './estimate-points.ts';
import {
  useExposureUniverse,
  usePlan,
  useStoredUniverses,
  type PlanBody,
} from './optimize-queries.ts';
import {
  INITIAL_PLAN,
  PLAN_CONTROLS,
  planBody,
  PlanFormView,
  type PlanForm,
} from './plan-form.tsx';
import { MappingView, TradesView } from './plan-views.tsx';
import { PROBLEM_CONTROLS, ProblemFormView } from './problem-form.tsx';
import { INITIAL_FORM, problemRequests, type ProblemForm } from './problem-model.ts';
import { SAMPLE_UNIVERSE, universeChoices } from './universe-choices.ts';
import { WeightsView } from './weights-view.tsx';
import './optimize.css';

/** The runs of the last press of Run. */
interface Submitted {
  readonly optimize: string | null;
  readonly frontier: string | null;
  readonly estimate: EstimateSource | null;
}

const NONE: Submitted = { optimize: null, frontier: null, estimate: null };

interface RunBodyProps<T> {
  readonly run: RunDocument | undefined;
  readonly what: string;
  readonly empty: string;
  readonly children: (result: T) => ReactNode;
}

/** A run's panel body: the sentence before any run, its progress or error, then its result. */
function RunBody<T>({ run, what, empty, children }: RunBodyProps<T>) {
  const cancel = useCancelRun();
  if (run === undefined) return <p className="muted">{empty}</p>;
  if (run.status === 'succeeded')
    return (
      <div className="run-result" data-run={run.id}>
        {children(run.result as T)}
        <p className="muted run-id">
          Run <code>{run.id}</code>
          {run.finishedAt === null ? '' : `, finished ${run.finishedAt.slice(11, 19)} UTC`}
        </p>
      </div>
    );
  return (
    <RunProgress
      run={run}
      what={what}
      onCancel={() => cancel.mutate(run.id)}
      cancelling={cancel.isPending}
      cancelError={cancel.error}
    />
  );
}

/** The Optimize page (see the module comment). */
export default function OptimizePage({ portfolio }: { portfolio: string }) {
  const stored = useStoredUniverses();
  const data = useDataList();
  const universe = useExposureUniverse();
  const portfolios = usePortfolios();
  const submit = useSubmitRun();
  const [form, setForm] = useState<ProblemForm>(INITIAL_FORM);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [submitted, setSubmitted] = useState<Submitted>(NONE);
  const [planForm, setPlanForm] = useState<PlanForm>(INITIAL_PLAN);
  const [planRequest, setPlanRequest] = useState<PlanBody | null>(null);

  const choices = useMemo(
    () => universeChoices(stored.data ?? [], data.data ?? []),
    [stored.data, data.data],
  );
  const names = useMemo(
    () => Object.fromEntries((universe.data?.exposures ?? []).map((e) => [e.id, e.name])),
    [universe.data],
  );
  const currency = portfolios.data?.find((p) => p.name === portfolio)?.baseCurrency ?? 'USD';

  const optimizeRun = useRun(submitted.optimize);
  const frontierRun = useRun(submitted.frontier);
  const frontierDoc =
    frontierRun.data?.status === 'succeeded'
      ? (frontierRun.data.result as FrontierDocument)
      : undefined;
  const points = useEstimatePoints(submitted.estimate, frontierDoc);
  const plan = usePlan(portfolio, planRequest);

  const run = async (): Promise<void> => {
    setErrors([]);
    const choice = choices.find((c) => c.key === form.universe) ?? SAMPLE_UNIVERSE;
    try {
      const requests = problemRequests(form, choice);
      const optimize = await submit.mutateAsync({ kind: 'optimize', input: requests.optimize });
      setSubmitted({ ...NONE, optimize: optimize.id });
      const frontier = await submit.mutateAsync({ kind: 'frontier', input: requests.frontier });
      setSubmitted({ optimize: optimize.id, frontier: frontier.id, estimate: null });
      const asked = requests.estimate;
      const estimate: EstimateSource =
        asked.kind === 'universe'
          ? asked
          : {
              kind: 'run',
              id: (await submit.mutateAsync({ kind: 'estimate', input: asked.input })).id,
            };
      setSubmitted({ optimize: optimize.id, frontier: frontier.id, estimate });
    } catch (error) {
      setErrors([fieldErrorOf(error, PROBLEM_CONTROLS)]);
    }
  };
  const runErrors = [optimizeRun.data, frontierRun.data]
    .map((r) => runFieldError(r, PROBLEM_CONTROLS))
    .filter((e): e is FieldError => e !== null);
  const planErrors =
    plan.error === null
      ? []
      : [fieldErrorOf(plan.error, PLAN_CONTROLS)].filter((e) => e.field !== null);

  return (
    <>
      <Panel
        title="Optimisation problem"
        size="wide"
        query={stored}
        note="Weights, rates and bounds are decimals (0.25 = 25 %), returns and volatilities annual; empty fields take the API's defaults."
      >
        {() => (
          <ProblemFormView
            form={form}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            choices={choices}
            errors={[...errors, ...runErrors]}
            onRun={() => void run()}
            busy={submit.isPending}
          />
        )}
      </Panel>
      <Panel
        title="Efficient frontier"
        {...(submitted.frontier === null ? {} : { query: frontierRun })}
        note="Annual volatility against annual expected return: the frontier, each asset, the tangency portfolio and the capital allocation line."
      >
        {(r: RunDocument | undefined) => (
          <RunBody<FrontierDocument>
            run={r}
            what="Frontier"
            empty="Run the problem above to draw its efficient frontier."
          >
            {(doc) => <FrontierView doc={doc} assets={points.assets} assetsError={points.error} />}
          </RunBody>
        )}
      </Panel>
      <Panel
        title="Proposed weights"
        {...(submitted.optimize === null ? {} : { query: optimizeRun })}
        note="The optimiser's weights as the API returns them, never renormalised; the cash line is the rest (negative = borrowing)."
      >
        {(r: RunDocument | undefined) => (
          <RunBody<OptimizeDocument>
            run={r}
            what="Optimisation"
            empty="Run the problem above to see its weights."
          >
            {(doc) => <WeightsView doc={doc} names={names} />}
          </RunBody>
        )}
      </Panel>
      <Panel
        title="Two-stage plan"
        size="wide"
        note={`Stage 1 optimises economic exposures, stage 2 picks the funds of ${portfolio} (and the candidates) that track them, stage 3 lists the trades from its holdings.`}
      >
        {() => (
          <PlanFormView
            portfolio={portfolio}
            form={planForm}
            onChange={(patch) => setPlanForm((f) => ({ ...f, ...patch }))}
            errors={planErrors}
            onPlan={() => setPlanRequest(planBody(planForm))}
            busy={plan.isFetching}
          />
        )}
      </Panel>
      {planRequest === null ? null : (
        <>
          <Panel title="Exposures → funds" size="wide" query={plan}>
            {(doc: PlanDocument) => <MappingView doc={doc} names={names} />}
          </Panel>
          <Panel
            title="Trades and tax estimate"
            size="wide"
            query={plan}
            note="Sells first, then buys; each sale closes lots and realises gains by term."
          >
            {(doc: PlanDocument) => <TradesView doc={doc} currency={currency} />}
          </Panel>
        </>
      )}
    </>
  );
}
