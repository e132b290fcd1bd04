/**
 * The form of one ledger row, to add or to edit: the inputs of the row's type, sent as the
 * ledger's JSON row. The API checks it; its error is shown under the input it names
 * (`aria-invalid`, `aria-describedby`), or above the buttons when it names none of them (an
 * error of another row the edit would break, a network failure).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorBox } from '../../components/panel.tsx';
import {
  errorField,
  fieldsOf,
  isOptional,
  LABELS,
  rowOf,
  TRANSACTION_TYPES,
  type FieldName,
  type FormValues,
} from './transaction-model.ts';

export interface TransactionFormProps {
  readonly initial: FormValues;
  /** The row's stored line, when editing one. */
  readonly line?: number;
  readonly accounts: readonly string[];
  readonly symbols: readonly string[];
  readonly submitLabel: string;
  /** Sends the row; rejects with the API's error. */
  readonly onSubmit: (row: Record<string, unknown>) => Promise<unknown>;
  /** After a successful send (the form is then reset to `initial`'s date, type and account). */
  readonly onDone?: () => void;
  readonly onCancel?: () => void;
}

const INPUT_TYPE: Partial<Record<FieldName, string>> = {
  date: 'date',
  acquired: 'date',
};

const NUMERIC: ReadonlySet<FieldName> = new Set([
  'quantity',
  'ratio',
  'price',
  'costPerShare',
  'cashPerShare',
  'toPrice',
  'amountCents',
  'feesCents',
]);

interface FieldProps {
  readonly id: string;
  readonly field: FieldName;
  readonly type: string;
  readonly value: string;
  readonly error: string | null;
  readonly list?: string;
  /** Focused when shown (the first input of an edit form opened from the table). */
  readonly focus?: boolean;
  readonly onChange: (value: string) => void;
}

function Field({ id, field, type, value, error, list, focus, onChange }: FieldProps) {
  const errorId = `${id}-error`;
  const aria = {
    'aria-invalid': error === null ? undefined : true,
    'aria-describedby': error === null ? undefined : errorId,
  };
  const control =
    field === 'type' ? (
      <select
        id={id}
        name={field}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      >
        {TRANSACTION_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    ) : (
      <input
        id={id}
        name={field}
        type={INPUT_TYPE[field] ?? 'text'}
        inputMode={NUMERIC.has(field) ? 'decimal' : undefined}
        list={list}
        autoFocus={focus}
        autoComplete="off"
        placeholder={field === 'lots' ? 'L3, L21' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      />
    );
  return (
    <div className="field">
      <label htmlFor={id}>
        {LABELS[field]}
        {isOptional(type, field) ? <span className="optional"> (optional)</span> : null}
      </label>
      {control}
      {error === null ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form of one ledger row (see the module comment). */
export function TransactionForm(props: TransactionFormProps) {
  const prefix = useId();
  const [values, setValues] = useState<FormValues>(props.initial);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const fields = fieldsOf(values.type);
  const at =
    error instanceof ApiError
      ? errorField(error, {
          type: values.type,
          ...(props.line === undefined ? {} : { line: props.line }),
        })
      : null;

  // The input an error names takes the focus, so a keyboard or screen-reader user lands on it.
  useEffect(() => {
    if (at !== null) document.getElementById(`${prefix}-${at}`)?.focus();
  }, [at, error, prefix]);

  const change = (field: FieldName, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field === at || field === 'type') setError(null);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await props.onSubmit(rowOf(values));
      setValues((v) => ({
        ...props.initial,
        date: v.date,
        type: v.type,
        account: v.account,
      }));
      props.onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="grid tx-form" onSubmit={(e) => void submit(e)} noValidate>
      {fields.map((field) => (
        <Field
          key={field}
          id={`${prefix}-${field}`}
          field={field}
          type={values.type}
          value={values[field]}
          error={at === field && error instanceof Error ? error.message : null}
          {...(field === 'account' ? { list: `${prefix}-accounts` } : {})}
          {...(field === 'symbol' ? { list: `${prefix}-symbols` } : {})}
          focus={props.line !== undefined && field === 'date'}
          onChange={(value) => change(field, value)}
        />
      ))}
      <datalist id={`${prefix}-accounts`}>
        {props.accounts.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <datalist id={`${prefix}-symbols`}>
        {props.symbols.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {error !== null && at === null ? (
        <div className="form-error">
          <ErrorBox error={error} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel === undefined ? null : (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
