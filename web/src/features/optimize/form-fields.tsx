/**
 * Labelled controls of the Optimize page's forms, each with an optional hint and the error
 * that belongs under it (`field-error`, tied to the control by `aria-describedby`, the control
 * marked `aria-invalid`). `name` is the API's path of the field the control sets.
 */
import type { ReactNode } from 'react';
import { percent } from '../../format.ts';

interface Common {
  /** The API path of the field (also the control's id, made DOM-safe). */
  readonly name: string;
  /** Prefix of the id when two forms on the page set fields of the same name (`plan`). */
  readonly scope?: string;
  readonly label: string;
  readonly error?: string | undefined;
  readonly hint?: ReactNode;
  readonly disabled?: boolean;
}

const idOf = (name: string, scope?: string): string =>
  `f-${scope === undefined ? '' : `${scope}-`}${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function described({
  name,
  scope,
  hint,
  error,
}: Pick<Common, 'name' | 'scope' | 'hint' | 'error'>) {
  const id = idOf(name, scope);
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`]
    .filter((x) => x !== null)
    .join(' ');
  return {
    id,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': ids === '' ? undefined : ids,
  };
}

function Below({ name, scope, hint, error }: Pick<Common, 'name' | 'scope' | 'hint' | 'error'>) {
  const id = idOf(name, scope);
  return (
    <>
      {hint === undefined ? null : (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
}

/** "= 25.00 %" under a decimal the user typed (nothing while it is empty or not a number). */
export function asPercentHint(text: string): string | undefined {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? undefined : `= ${percent(value)}`;
}

/** A text control for a number (typed as text: the API says what is wrong with it). */
export function NumberField(
  props: Common & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly placeholder?: string;
  },
) {
  const { name, label, value, onChange, placeholder, disabled } = props;
  return (
    <div className="field">
      <label htmlFor={idOf(name, props.scope)}>{label}</label>
      <input
        {...described(props)}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
      <Below {...props} />
    </div>
  );
}

/** A free-text control (lists such as `A=0.6, B=0.4`); `rows` > 1 makes it a textarea. */
export function TextField(
  props: Common & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly placeholder?: string;
    readonly rows?: number;
  },
) {
  const { name, label, value, onChange, placeholder, disabled, rows = 1 } = props;
  const common = {
    ...described(props),
    value,
    placeholder,
    disabled,
    autoComplete: 'off',
  };
  return (
    <div className={rows > 1 ? 'field span-2' : 'field'}>
      <label htmlFor={idOf(name, props.scope)}>{label}</label>
      {rows > 1 ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <Below {...props} />
    </div>
  );
}

/** A select of `options` (value, label). */
export function SelectField<T extends string>(
  props: Common & {
    readonly value: T;
    readonly onChange: (value: T) => void;
    readonly options: readonly { readonly value: T; readonly label: string }[];
    readonly wide?: boolean;
  },
) {
  const { name, label, value, onChange, options, disabled, wide } = props;
  return (
    <div className={wide === true ? 'field span-2' : 'field'}>
      <label htmlFor={idOf(name, props.scope)}>{label}</label>
      <select
        {...described(props)}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Below {...props} />
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckField(
  props: Common & { readonly checked: boolean; readonly onChange: (checked: boolean) => void },
) {
  const { name, label, checked, onChange, disabled } = props;
  return (
    <div className="field check">
      <label htmlFor={idOf(name, props.scope)} className="check-label">
        <input
          {...described(props)}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <Below {...props} />
    </div>
  );
}
