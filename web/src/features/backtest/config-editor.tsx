/**
 * The backtest config editor: an example picker, the YAML/JSON text (the shape of
 * `ballast backtest --config`), Run and Reset, and the API's error — the field it names and its
 * message — tied to the text area (`aria-invalid`, `aria-describedby`).
 */
import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import { ErrorBox } from '../../components/panel.tsx';
import { BACKTEST_EXAMPLES } from './backtest-examples.ts';

export interface ConfigEditorProps {
  readonly text: string;
  readonly example: string;
  readonly onText: (text: string) => void;
  /** Loads example `key` into the editor. */
  readonly onExample: (key: string) => void;
  readonly onRun: () => void;
  readonly busy: boolean;
  readonly error: ApiError | null;
}

const ERROR_ID = 'backtest-config-error';

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
export function ConfigEditor(props: ConfigEditorProps) {
  const { text, example, onText, onExample, onRun, busy, error } = props;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onRun();
  };
  return (
    <form className="backtest-config" aria-label="Backtest config" onSubmit={submit}>
      <div className="config-bar">
        <label className="example-picker">
          Example
          <select value={example} onChange={(e) => onExample(e.target.value)}>
            {BACKTEST_EXAMPLES.map((x) => (
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
            {busy ? 'Submitting…' : 'Run backtest'}
          </button>
        </div>
      </div>
      <label htmlFor="backtest-config-text">Config (YAML or JSON)</label>
      <textarea
        id="backtest-config-text"
        className="config-text"
        spellCheck={false}
        autoComplete="off"
        rows={20}
        value={text}
        aria-invalid={error === null ? undefined : true}
        aria-describedby={error === null ? undefined : ERROR_ID}
        onChange={(e) => onText(e.target.value)}
      />
      {error === null ? null : <ConfigError error={error} />}
    </form>
  );
}
