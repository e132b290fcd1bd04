/**
 * The two-stage plan's form and its request body: the exposure returns (bundled sample or
 * stored), the stage-1 objective (the mean-variance objectives without a parameter), the target
 * volatility, the leverage cap Σ|x|, the borrowing spread, the stage-2 notional cap, funds not
 * held yet to consider, the smallest trade, fractional shares and the lot method. Empty fields
 * are left out, so the API's defaults apply (named in the placeholders).
 */
import type { FormEvent } from 'react';
import { LOT_METHODS, type LotMethod } from '../../../../src/domain/ledger/types.ts';
import type { FieldError } from './field-errors.ts';
import { asPercentHint, CheckField, NumberField, SelectField, TextField } from './form-fields.tsx';
import type { PlanBody } from './optimize-queries.ts';

/** The plan form, fields as typed. */
export interface PlanForm {
  source: 'sample' | 'store';
  objective: 'max-sharpe' | 'min-variance' | 'max-diversification' | 'max-return' | 'utility';
  targetVolatility: string;
  maxLeverage: string;
  borrowSpread: string;
  notionalCap: string;
  candidates: string;
  minTrade: string;
  fractional: boolean;
  lotMethod: LotMethod;
}

/** The plan form before any change: the API's defaults on the bundled sample. */
export const INITIAL_PLAN: PlanForm = {
  source: 'sample',
  objective: 'max-sharpe',
  targetVolatility: '',
  maxLeverage: '',
  borrowSpread: '',
  notionalCap: '',
  candidates: '',
  minTrade: '',
  fractional: false,
  lotMethod: 'fifo',
};

/** The API paths the plan form has a control for. */
export const PLAN_CONTROLS = [
  'moments',
  'objective',
  'targetVolatilityAnnual',
  'maxLeverage',
  'borrowSpreadAnnual',
  'notionalCap',
  'candidates',
  'minTrade',
  'fractional',
  'lotMethod',
] as const;

const num = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());

/** The body of the plan request of `form`. */
export function planBody(form: PlanForm): PlanBody {
  const candidates = form.candidates
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const body: Record<string, unknown> = {
    moments: { kind: 'estimate', panel: { kind: 'universe', source: form.source } },
    objective: { kind: form.objective },
    targetVolatilityAnnual: num(form.targetVolatility),
    maxLeverage: num(form.maxLeverage),
    borrowSpreadAnnual: num(form.borrowSpread),
    notionalCap: num(form.notionalCap),
    candidates: candidates.length === 0 ? undefined : candidates,
    minTrade: num(form.minTrade),
    fractional: form.fractional,
    lotMethod: form.lotMethod,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export interface PlanFormProps {
  readonly portfolio: string;
  readonly form: PlanForm;
  readonly onChange: (patch: Partial<PlanForm>) => void;
  readonly errors: readonly FieldError[];
  readonly onPlan: () => void;
  readonly busy: boolean;
}

/** The plan form (see the module comment). */
export function PlanFormView({ portfolio, form, onChange, errors, onPlan, busy }: PlanFormProps) {
  const errorOf = (name: string): string | undefined =>
    errors.find((e) => e.field === name)?.message;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onPlan();
  };
  return (
    <form className="grid" onSubmit={submit} noValidate aria-label="Two-stage plan">
      <SelectField
        scope="plan"
        name="moments"
        label="Exposure returns"
        value={form.source}
        onChange={(source) => onChange({ source })}
        options={[
          { value: 'sample', label: 'bundled sample (offline)' },
          { value: 'store', label: 'stored exposure returns' },
        ]}
        error={errorOf('moments')}
      />
      <SelectField
        scope="plan"
        name="objective"
        label="Stage-1 objective"
        value={form.objective}
        onChange={(objective) => onChange({ objective })}
        options={[
          { value: 'max-sharpe', label: 'Maximum Sharpe ratio' },
          { value: 'min-variance', label: 'Minimum variance' },
          { value: 'max-diversification', label: 'Maximum diversification' },
          { value: 'max-return', label: 'Maximum return' },
          { value: 'utility', label: 'Mean-variance utility' },
        ]}
        error={errorOf('objective')}
      />
      <NumberField
        scope="plan"
        name="targetVolatilityAnnual"
        label="Target volatility (annual)"
        placeholder="default 0.10"
        value={form.targetVolatility}
        onChange={(targetVolatility) => onChange({ targetVolatility })}
        hint={asPercentHint(form.targetVolatility)}
        error={errorOf('targetVolatilityAnnual')}
      />
      <NumberField
        scope="plan"
        name="maxLeverage"
        label="Leverage cap Σ|x|"
        placeholder="default 2"
        value={form.maxLeverage}
        onChange={(maxLeverage) => onChange({ maxLeverage })}
        error={errorOf('maxLeverage')}
      />
      <NumberField
        scope="plan"
        name="borrowSpreadAnnual"
        label="Borrowing spread (annual)"
        placeholder="default 0.01"
        value={form.borrowSpread}
        onChange={(borrowSpread) => onChange({ borrowSpread })}
        hint={asPercentHint(form.borrowSpread)}
        error={errorOf('borrowSpreadAnnual')}
      />
      <NumberField
        scope="plan"
        name="notionalCap"
        label="Fund notional cap Σ|w|"
        placeholder="default 1.5"
        value={form.notionalCap}
        onChange={(notionalCap) => onChange({ notionalCap })}
        error={errorOf('notionalCap')}
      />
      <TextField
        scope="plan"
        name="candidates"
        label="Funds to consider buying"
        placeholder="e.g. VTI, GLD"
        value={form.candidates}
        onChange={(candidates) => onChange({ candidates })}
        error={errorOf('candidates')}
      />
      <NumberField
        scope="plan"
        name="minTrade"
        label="Smallest trade ($)"
        placeholder="any"
        value={form.minTrade}
        onChange={(minTrade) => onChange({ minTrade })}
        error={errorOf('minTrade')}
      />
      <SelectField
        scope="plan"
        name="lotMethod"
        label="Lots sold first"
        value={form.lotMethod}
        onChange={(lotMethod) => onChange({ lotMethod })}
        options={LOT_METHODS.map((m) => ({ value: m, label: m }))}
        error={errorOf('lotMethod')}
      />
      <CheckField
        scope="plan"
        name="fractional"
        label="Fractional shares"
        checked={form.fractional}
        onChange={(fractional) => onChange({ fractional })}
        error={errorOf('fractional')}
      />
      {errors
        .filter((e) => e.field === null)
        .map((e) => (
          <p className="field-error span-all" role="alert" key={e.message}>
            {e.message}
          </p>
        ))}
      <div className="actions span-all">
        <button type="submit" disabled={busy}>
          {busy ? 'Planning…' : `Plan trades for ${portfolio}`}
        </button>
      </div>
    </form>
  );
}
