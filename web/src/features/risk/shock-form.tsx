/**
 * The custom-shock form of the Risk page: one hypothetical shock (target, kind, size, unit),
 * presets to start from, the API's field errors at their fields, and — when a yield shock
 * reaches an exposure without a duration — a field for that duration.
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorBox } from '../../components/panel.tsx';
import type { StressBody } from './risk-queries.ts';

/** A custom-shock form's fields. */
interface ShockFields {
  target: string;
  kind: 'return' | 'yield';
  size: string;
  unit: 'percent' | 'decimal' | 'bp';
  name: string;
  /** Modified duration (years) for the exposure the API asked one for. */
  years: string;
}

const PRESETS: readonly { label: string; fields: Partial<ShockFields> }[] = [
  {
    label: 'Equity −30 %',
    fields: { target: 'equity', kind: 'return', size: '-30', unit: 'percent' },
  },
  { label: 'Rates +200 bp', fields: { target: 'rates', kind: 'yield', size: '200', unit: 'bp' } },
];

/** Props of {@link ShockForm}. */
export interface ShockFormProps {
  /** Targets to suggest: `equity`, `rates`, category and exposure ids, with names. */
  readonly targets: readonly { id: string; name: string }[];
  readonly onRun: (body: StressBody) => void;
  readonly pending: boolean;
  /** The last run's error (its field is marked), if any. */
  readonly error: unknown;
}

/** The API field an error names, and the exposure of a missing duration (`durations.ID`). */
function errorField(error: unknown): { field: string | null; duration: string | null } {
  const field = error instanceof ApiError ? (error.field ?? null) : null;
  const duration = field?.startsWith('durations.') ? field.slice('durations.'.length) : null;
  return { field, duration };
}

/** One hypothetical shock (target, kind, size, unit), posted to the stress route. */
export function ShockForm({ targets, onRun, pending, error }: ShockFormProps) {
  const [f, setF] = useState<ShockFields>({
    target: 'equity',
    kind: 'return',
    size: '-30',
    unit: 'percent',
    name: '',
    years: '',
  });
  const [durationFor, setDurationFor] = useState<string | null>(null);
  const asked = errorField(error);
  if (asked.duration !== null && asked.duration !== durationFor) setDurationFor(asked.duration);
  const set = (patch: Partial<ShockFields>): void => setF((old) => ({ ...old, ...patch }));
  const fieldError = (name: string): string | null => {
    if (asked.field === null || !(error instanceof ApiError)) return null;
    return asked.field === name || asked.field.startsWith(`${name}.`) ? error.message : null;
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const body: StressBody = {
      shocks: [{ target: f.target, kind: f.kind, size: Number(f.size), unit: f.unit }],
    };
    if (f.name.trim() !== '') body.name = f.name.trim();
    if (durationFor !== null && f.years.trim() !== '')
      body.durations = { [durationFor]: { years: Number(f.years), source: 'dashboard' } };
    onRun(body);
  };
  const messages = {
    target: fieldError('shocks[0].target'),
    size: fieldError('shocks[0].size'),
    unit: fieldError('shocks[0].unit') ?? fieldError('shocks[0].kind'),
    duration: durationFor === null ? null : fieldError(`durations.${durationFor}`),
  };
  const general =
    error !== null && error !== undefined && Object.values(messages).every((m) => m === null)
      ? error
      : null;
  return (
    <>
      <div className="presets" role="group" aria-label="Presets">
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="secondary small"
            onClick={() => set(p.fields)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <form className="grid shock-form" onSubmit={submit} aria-label="Custom shock">
        <label>
          Target
          <input
            list="shock-targets"
            value={f.target}
            required
            onChange={(e) => set({ target: e.target.value })}
            aria-invalid={messages.target !== null}
            aria-describedby={messages.target === null ? undefined : 'shock-target-error'}
          />
          <datalist id="shock-targets">
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </datalist>
          {messages.target === null ? null : (
            <span id="shock-target-error" className="field-error">
              {messages.target}
            </span>
          )}
        </label>
        <label>
          Kind
          <select
            value={f.kind}
            onChange={(e) => {
              const kind = e.target.value as ShockFields['kind'];
              set({ kind, unit: kind === 'yield' ? 'bp' : 'percent' });
            }}
          >
            <option value="return">Return</option>
            <option value="yield">Yield change</option>
          </select>
        </label>
        <label>
          Size
          <input
            type="number"
            step="any"
            required
            value={f.size}
            onChange={(e) => set({ size: e.target.value })}
            aria-invalid={messages.size !== null}
          />
          {messages.size === null ? null : <span className="field-error">{messages.size}</span>}
        </label>
        <label>
          Unit
          <select
            value={f.unit}
            onChange={(e) => set({ unit: e.target.value as ShockFields['unit'] })}
            aria-invalid={messages.unit !== null}
          >
            <option value="percent">percent</option>
            <option value="decimal">decimal</option>
            {f.kind === 'yield' ? <option value="bp">bp</option> : null}
          </select>
          {messages.unit === null ? null : <span className="field-error">{messages.unit}</span>}
        </label>
        {durationFor === null ? null : (
          <label>
            Duration of {durationFor} (years)
            <input
              type="number"
              step="any"
              min="0"
              value={f.years}
              onChange={(e) => set({ years: e.target.value })}
              aria-invalid={messages.duration !== null}
            />
            {messages.duration === null ? null : (
              <span className="field-error">{messages.duration}</span>
            )}
          </label>
        )}
        <label>
          Name (optional)
          <input value={f.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? 'Running…' : 'Run shock'}
        </button>
      </form>
      {general === null ? null : <ErrorBox error={general} />}
    </>
  );
}
