/**
 * The rates of the Tax page's estimate: marginal federal short-term and long-term rates, a state
 * rate and the 3.8 % net investment income tax, as the API takes them — decimals (0.32 = 32 %),
 * typed as text, a bad one named by the API and shown under its field. Nothing is estimated
 * until the form is applied.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { percent } from '../../format.ts';
import type { RatesText } from './tax-queries.ts';

const FIELDS = [
  { name: 'shortRate', label: 'Short-term rate', placeholder: 'e.g. 0.32' },
  { name: 'longRate', label: 'Long-term rate', placeholder: 'e.g. 0.15' },
  { name: 'stateRate', label: 'State rate', placeholder: 'e.g. 0.05' },
] as const;

/** Whether `error` is the API's about one of the form's fields (shown under it). */
export function isRateError(error: unknown): boolean {
  const field = error instanceof ApiError ? error.field : undefined;
  return field === 'niit' || FIELDS.some((f) => f.name === field);
}

/** "= 32.00 %" under a decimal typed (nothing while empty or not a number). */
function percentHint(text: string): string | undefined {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? undefined : `= ${percent(value)}`;
}

/** Props of {@link RatesForm}. */
export interface RatesFormProps {
  readonly onApply: (rates: RatesText) => void;
  /** The estimate's error (its field is marked), if any. */
  readonly error: unknown;
}

/** The rates form (see the module comment). */
export function RatesForm({ onApply, error }: RatesFormProps) {
  const [f, setF] = useState<RatesText>({
    shortRate: '',
    longRate: '',
    stateRate: '',
    niit: false,
  });
  const field = error instanceof ApiError ? error.field : undefined;
  const message = error instanceof Error ? error.message : undefined;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onApply(f);
  };
  return (
    <form className="rates" onSubmit={submit} aria-label="Tax rates">
      {FIELDS.map(({ name, label, placeholder }) => {
        const bad = field === name;
        const hint = percentHint(f[name]);
        return (
          <div className="field" key={name}>
            <label htmlFor={`rate-${name}`}>{label}</label>
            <input
              id={`rate-${name}`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder={placeholder}
              value={f[name]}
              aria-invalid={bad ? true : undefined}
              aria-describedby={bad ? `rate-${name}-error` : undefined}
              onChange={(e) => setF((old) => ({ ...old, [name]: e.target.value }))}
            />
            {hint === undefined ? null : <span className="hint">{hint}</span>}
            {bad ? (
              <span className="field-error" id={`rate-${name}-error`}>
                {message}
              </span>
            ) : null}
          </div>
        );
      })}
      <div className="field check">
        <label className="check-label">
          <input
            type="checkbox"
            checked={f.niit}
            aria-invalid={field === 'niit' ? true : undefined}
            onChange={(e) => setF((old) => ({ ...old, niit: e.target.checked }))}
          />
          Net investment income tax (3.8 %)
        </label>
        {field === 'niit' ? <span className="field-error">{message}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit">Estimate</button>
      </div>
    </form>
  );
}
