/**
 * The optimisation problem form: universe and estimation models, the risk-free asset, the
 * objective with its parameters, the constraints (bounds, long-short with a leverage cap, the
 * cash line with its borrowing spread and cap, groups, turnover and costs, cardinality) and the
 * number of frontier points. Errors arrive as {@link FieldError}s and show under their control.
 */
import type { FormEvent, ReactNode } from 'react';
import type { FieldError } from './field-errors.ts';
import { asPercentHint, CheckField, NumberField, SelectField, TextField } from './form-fields.tsx';
import {
  CASH_COLUMN,
  COVARIANCES,
  LINKAGES,
  MEANS,
  OBJECTIVES,
  type ProblemForm as Form,
} from './problem-model.ts';
import { FREQUENCIES, type UniverseChoice } from './universe-choices.ts';

/** The API paths the form has a control for (errors naming others show above the form). */
export const PROBLEM_CONTROLS = [
  'moments',
  'moments.panel.frequency',
  'moments.spec.covariance',
  'moments.spec.mean',
  'riskFreeColumn',
  'riskFreeRateAnnual',
  'objective',
  'objective.targetReturnAnnual',
  'objective.targetVolatilityAnnual',
  'objective.riskAversion',
  'objective.confidence',
  'objective.linkage',
  'objective.budgets',
  'constraints.minWeight',
  'constraints.maxWeight',
  'constraints.longShort',
  'constraints.grossLeverage',
  'constraints.borrowSpreadAnnual',
  'constraints.maxBorrow',
  'constraints.groups',
  'constraints.turnover.currentWeights',
  'constraints.turnover.maxTurnover',
  'constraints.turnover.costBps',
  'cardinality.maxAssets',
  'cardinality.minPositionWeight',
  'points',
] as const;

export interface ProblemFormProps {
  readonly form: Form;
  readonly onChange: (patch: Partial<Form>) => void;
  readonly choices: readonly UniverseChoice[];
  readonly errors: readonly FieldError[];
  readonly onRun: () => void;
  readonly busy: boolean;
}

/** A control's label and placeholder. */
interface Labels {
  readonly label: string;
  readonly placeholder?: string;
}

const TARGET_RETURN = new Set(['efficient-return', 'min-cvar', 'min-cdar', 'min-semivariance']);

/** The form (see the module comment). */
export function ProblemFormView({
  form,
  onChange,
  choices,
  errors,
  onRun,
  busy,
}: ProblemFormProps) {
  const errorOf = (name: string): string | undefined =>
    errors.find((e) => e.field === name)?.message;
  const choice = choices.find((c) => c.key === form.universe);
  const symbols = choice?.kind === 'symbols';
  const kind = form.objective;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onRun();
  };
  const pct = (name: keyof Form, field: string, text: Labels) => (
    <NumberField
      name={field}
      label={text.label}
      value={form[name] as string}
      onChange={(v) => onChange({ [name]: v })}
      error={errorOf(field)}
      hint={asPercentHint(form[name] as string)}
      {...(text.placeholder === undefined ? {} : { placeholder: text.placeholder })}
    />
  );
  return (
    <form className="problem" onSubmit={submit} noValidate aria-label="Optimisation problem">
      <fieldset>
        <legend>Universe and estimate</legend>
        <div className="grid">
          <SelectField
            name="moments"
            label="Universe"
            wide
            value={form.universe}
            onChange={(universe) => onChange({ universe })}
            options={choices.map((c) => ({ value: c.key, label: c.label }))}
            error={errorOf('moments')}
          />
          {symbols ? (
            <SelectField
              name="moments.panel.frequency"
              label="Return frequency"
              value={form.frequency}
              onChange={(frequency) => onChange({ frequency })}
              options={FREQUENCIES.map((f) => ({ value: f, label: f }))}
              error={errorOf('moments.panel.frequency')}
            />
          ) : null}
          <SelectField
            name="moments.spec.covariance"
            label="Covariance model"
            value={form.covariance}
            onChange={(covariance) => onChange({ covariance })}
            options={COVARIANCES.map((c) => ({ value: c, label: c }))}
            error={errorOf('moments.spec.covariance')}
          />
          <SelectField
            name="moments.spec.mean"
            label="Expected returns"
            value={form.mean}
            onChange={(mean) => onChange({ mean })}
            options={MEANS.map((m) => ({ value: m, label: m }))}
            error={errorOf('moments.spec.mean')}
          />
          {symbols ? null : (
            <CheckField
              name="riskFreeColumn"
              label={`${CASH_COLUMN} is the risk-free asset`}
              checked={form.cashRiskFree}
              onChange={(cashRiskFree) => onChange({ cashRiskFree })}
              error={errorOf('riskFreeColumn')}
            />
          )}
          {pct('riskFreeRate', 'riskFreeRateAnnual', {
            label: 'Risk-free rate (annual)',
            placeholder: 'default 0',
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Objective</legend>
        <div className="grid">
          <SelectField
            name="objective"
            label="Objective"
            wide
            value={kind}
            onChange={(objective) => onChange({ objective })}
            options={OBJECTIVES.map((o) => ({ value: o.kind, label: o.label }))}
            error={errorOf('objective')}
          />
          {TARGET_RETURN.has(kind)
            ? pct('targetReturn', 'objective.targetReturnAnnual', {
                label: 'Target return (annual)',
              })
            : null}
          {kind === 'efficient-risk'
            ? pct('targetVolatility', 'objective.targetVolatilityAnnual', {
                label: 'Target volatility (annual)',
              })
            : null}
          {kind === 'utility' ? (
            <NumberField
              name="objective.riskAversion"
              label="Risk aversion γ"
              placeholder="default 1"
              value={form.riskAversion}
              onChange={(riskAversion) => onChange({ riskAversion })}
              error={errorOf('objective.riskAversion')}
            />
          ) : null}
          {kind === 'min-cvar' || kind === 'min-cdar'
            ? pct('confidence', 'objective.confidence', {
                label: 'Confidence',
                placeholder: 'default 0.95',
              })
            : null}
          {kind === 'hrp' || kind === 'herc' ? (
            <SelectField
              name="objective.linkage"
              label="Linkage"
              value={form.linkage}
              onChange={(linkage) => onChange({ linkage })}
              options={LINKAGES.map((l) => ({ value: l, label: l === '' ? 'default' : l }))}
              error={errorOf('objective.linkage')}
            />
          ) : null}
          {kind === 'risk-budget' ? (
            <TextField
              name="objective.budgets"
              label="Risk budgets"
              placeholder="A=0.5, B=0.3, C=0.2"
              value={form.budgets}
              onChange={(budgets) => onChange({ budgets })}
              error={errorOf('objective.budgets')}
            />
          ) : null}
        </div>
      </fieldset>
      <ConstraintFields form={form} onChange={onChange} errorOf={errorOf} pct={pct} />
      {errors
        .filter((e) => e.field === null)
        .map((e) => (
          <div className="error" role="alert" key={e.message}>
            <p>{e.message}</p>
            {e.code === null ? null : (
              <p className="muted">
                <code>{e.code}</code>
              </p>
            )}
          </div>
        ))}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Submitting…' : 'Run optimisation and frontier'}
        </button>
      </div>
    </form>
  );
}

interface ConstraintProps {
  readonly form: Form;
  readonly onChange: (patch: Partial<Form>) => void;
  readonly errorOf: (name: string) => string | undefined;
  readonly pct: (name: keyof Form, field: string, text: Labels) => ReactNode;
}

function ConstraintFields({ form, onChange, errorOf, pct }: ConstraintProps) {
  return (
    <fieldset>
      <legend>Constraints</legend>
      <div className="grid">
        {pct('minWeight', 'constraints.minWeight', {
          label: 'Minimum weight',
          placeholder: 'default 0',
        })}
        {pct('maxWeight', 'constraints.maxWeight', {
          label: 'Maximum weight',
          placeholder: 'default 1',
        })}
        <CheckField
          name="constraints.longShort"
          label="Allow short positions"
          checked={form.longShort}
          onChange={(longShort) => onChange({ longShort })}
          error={errorOf('constraints.longShort')}
        />
        <NumberField
          name="constraints.grossLeverage"
          label="Leverage cap Σ|w| (with shorts)"
          placeholder="none"
          value={form.grossLeverage}
          onChange={(grossLeverage) => onChange({ grossLeverage })}
          error={errorOf('constraints.grossLeverage')}
        />
        {pct('borrowSpread', 'constraints.borrowSpreadAnnual', {
          label: 'Borrowing spread (annual)',
          placeholder: 'no cash line',
        })}
        {pct('maxBorrow', 'constraints.maxBorrow', { label: 'Borrowing cap', placeholder: 'none' })}
        <TextField
          name="constraints.groups"
          label="Groups (one per line)"
          placeholder="equity=us_large_equity+emerging_equity::0.6"
          rows={2}
          value={form.groups}
          onChange={(groups) => onChange({ groups })}
          error={errorOf('constraints.groups')}
        />
        <TextField
          name="constraints.turnover.currentWeights"
          label="Current weights (for turnover)"
          placeholder="gold=0.2, broad_ust=0.8"
          value={form.currentWeights}
          onChange={(currentWeights) => onChange({ currentWeights })}
          error={errorOf('constraints.turnover.currentWeights')}
        />
        {pct('maxTurnover', 'constraints.turnover.maxTurnover', {
          label: 'Turnover cap',
          placeholder: 'none',
        })}
        <NumberField
          name="constraints.turnover.costBps"
          label="Trading cost (bps)"
          placeholder="0"
          value={form.costBps}
          onChange={(costBps) => onChange({ costBps })}
          error={errorOf('constraints.turnover.costBps')}
        />
        <NumberField
          name="cardinality.maxAssets"
          label="At most N assets"
          placeholder="any"
          value={form.maxAssets}
          onChange={(maxAssets) => onChange({ maxAssets })}
          error={errorOf('cardinality.maxAssets')}
        />
        {pct('minPosition', 'cardinality.minPositionWeight', {
          label: 'Smallest position',
          placeholder: 'any',
        })}
        <NumberField
          name="points"
          label="Frontier points"
          value={form.points}
          onChange={(points) => onChange({ points })}
          error={errorOf('points')}
        />
      </div>
    </fieldset>
  );
}
