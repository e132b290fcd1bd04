/**
 * A config editor of a page that runs a YAML/JSON config (Backtest, Simulate): an example
 * picker, the text, Run and Reset, and the API's error — the field it names, the line of a YAML
 * syntax error, its message — tied to the text area (`aria-invalid`, `aria-describedby`).
 */
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { ErrorBox } from './panel.tsx';
import './config-editor.css';

/** What a page passes to its editor. */
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

/** What differs between the pages' editors. */
export interface ConfigEditorKind {
  /** Prefix of the element ids (`backtest` → `backtest-config-text`, `backtest-config-error`). */
  readonly id: string;
  readonly formClass: string;
  readonly formLabel: string;
  readonly runLabel: string;
  readonly rows: number;
  readonly examples: readonly { readonly key: string; readonly label: string }[];
  /** Shown below the text and its error (a field list, say). */
  readonly after?: ReactNode;
}

/** Where the error is: the field it names and, for a YAML syntax error, the line. */
function ConfigError({ error, id }: { error: ApiError; id: string }) {
  const line = error.details['line'];
  return (
    <div className="config-error" id={id}>
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
export function ConfigTextEditor(props: ConfigEditorProps & { readonly kind: ConfigEditorKind }) {
  const { text, example, onText, onExample, onRun, busy, error, kind } = props;
  const errorId = `${kind.id}-config-error`;
  const textId = `${kind.id}-config-text`;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onRun();
  };
  return (
    <form
      className={`config-editor ${kind.formClass}`}
      aria-label={kind.formLabel}
      onSubmit={submit}
    >
      <div className="config-bar">
        <label className="example-picker">
          Example
          <select value={example} onChange={(e) => onExample(e.target.value)}>
            {kind.examples.map((x) => (
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
            {busy ? 'Submitting…' : kind.runLabel}
          </button>
        </div>
      </div>
      <label htmlFor={textId}>Config (YAML or JSON)</label>
      <textarea
        id={textId}
        className="config-text"
        spellCheck={false}
        autoComplete="off"
        rows={kind.rows}
        value={text}
        aria-invalid={error === null ? undefined : true}
        aria-describedby={error === null ? undefined : errorId}
        onChange={(e) => onText(e.target.value)}
      />
      {error === null ? null : <ConfigError error={error} id={errorId} />}
      {kind.after}
    </form>
  );
}
