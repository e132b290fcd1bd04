/**
 * The simulation config editor: an example picker, the YAML/JSON text (the shape of
 * `ballast simulate --config`: returns, weights, method, paths, years, initial, withdrawal,
 * seed), Run and Reset, and the API's error — the field it names and its message — tied to the
 * text area (`aria-invalid`, `aria-describedby`), as on the Backtest page; the fields' list
 * folded below.
 */
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import { ErrorBox } from '../../components/panel.tsx';
import { SIMULATE_EXAMPLES } from './simulate-examples.ts';
import { SimulateFields } from './simulate-fields.tsx';

export interface SimulateEditorProps {
  readonly text: string;
  readonly example: string;
  readonly onText: (text: string) => void;
  /** Loads example `key` into the editor. */
  readonly onExample: (key: string) => void;
  readonly onRun: () => void;
  readonly busy: boolean;
  readonly error: ApiError | null;
}

/** The id of the error under the text area. */
export const ERROR_ID = 'simulate-config-error';

/** Where the error is: the field it names and, for a YAML syntax error, the line. */
function ConfigError({ error }: { error: ApiError }) {
  const line = error.details['line'];
  return (
    <div className="config-error" id={ERROR_ID}>
      {error.field === undefined ? null : (
        <p className="field-error" data-field={error.field}>
          Field <code>{error.field}</code>
        </p>
      )}
      {typeof line !== 'number' ? null : <p className="field-error">Line {line}</p>}
      <ErrorBox error={error} />
    </div>
  );
}

/** The editor (see the module comment). */
export function SimulateEditor(props: SimulateEditorProps) {
  const { text, example, onText, onExample, onRun, busy, error } = props;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onRun();
  };
  return (
    <form className="simulate-config" aria-label="Simulation config" onSubmit={submit}>
      <div className="config-bar">
        <label className="example-picker">
          Example
          <select value={example} onChange={(e) => onExample(e.target.value)}>
            {SIMULATE_EXAMPLES.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onExample(example)}>
            Reset to the example
          </button>
          <button type="submit" disabled={busy}>
            {busy ? 'Submitting…' : 'Run simulation'}
          </button>
        </div>
      </div>
      <label htmlFor="simulate-config-text">Config (YAML or JSON)</label>
      <textarea
        id="simulate-config-text"
        className="config-text"
        spellCheck={false}
        autoComplete="off"
        rows={18}
        value={text}
        aria-invalid={error === null ? undefined : true}
        aria-describedby={error === null ? undefined : ERROR_ID}
        onChange={(e) => onText(e.target.value)}
      />
      {error === null ? null : <ConfigError error={error} />}
      <SimulateFields />
    </form>
  );
}
