/**
 * A page that runs its editor's config as a job (Backtest, Simulate): the editor's text and
 * example, the run it submitted (`POST /api/v1/runs` with `{ config: { text, name } }`, the
 * server naming a bad field as the CLI does), its document once it succeeded, and the error to
 * show under the editor — the refusal at submission or the failed run's error. The controls are
 * the page's editor with the run's progress bar and Cancel button below.
 */
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import type { RunDocument } from '../api/documents.ts';
import { useCancelRun, useRun, useSubmitRun, type RunRequest } from '../api/runs.ts';
import type { ConfigEditorProps } from './config-editor.tsx';
import { RunProgress } from './run-progress.tsx';

/** The name the editor's text is cited by in the API's messages. */
export const CONFIG_NAME = 'config';

/** The error of a failed run as an {@link ApiError} (its code, message and field), or null. */
export function runError(run: RunDocument | undefined): ApiError | null {
  if (run?.status !== 'failed' || run.error === null) return null;
  return new ApiError(run.error.code, run.error.message, {
    status: 0,
    details: run.error.details,
  });
}

/** The state of a config run (module comment); `D` is the kind's document. */
export function useConfigRun<D>(
  kind: RunRequest['kind'],
  examples: readonly { readonly key: string; readonly yaml: string }[],
) {
  const first = examples[0]!;
  const [example, setExample] = useState(first.key);
  const [text, setText] = useState(first.yaml);
  const [runId, setRunId] = useState<string | null>(null);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const submit = useSubmitRun();
  const cancel = useCancelRun();
  const run = useRun(runId);
  const start = async (): Promise<void> => {
    setRefused(null);
    try {
      const input = { config: { text, name: CONFIG_NAME } };
      setRunId((await submit.mutateAsync({ kind, input })).id);
    } catch (error) {
      setRunId(null);
      setRefused(
        error instanceof ApiError
          ? error
          : new ApiError('NETWORK', String(error), { status: 0, details: {} }),
      );
    }
  };
  const loadExample = (key: string): void => {
    const chosen = examples.find((x) => x.key === key) ?? first;
    setExample(chosen.key);
    setText(chosen.yaml);
  };
  return {
    runId,
    run,
    current: run.data,
    document: run.data?.status === 'succeeded' ? (run.data.result as D) : undefined,
    cancel,
    editor: {
      text,
      example,
      onText: setText,
      onExample: loadExample,
      onRun: () => void start(),
      busy: submit.isPending,
      error: refused ?? runError(run.data),
    } satisfies ConfigEditorProps,
  };
}

/** The page's editor and, under it, the progress of the run it started. */
export function ConfigRunControls({
  state,
  what,
  editor,
}: {
  readonly state: ReturnType<typeof useConfigRun>;
  /** What runs, for the progress bar's label (`Backtest`). */
  readonly what: string;
  readonly editor: (props: ConfigEditorProps) => ReactNode;
}) {
  const { current, cancel } = state;
  return (
    <>
      {editor(state.editor)}
      {current === undefined || current.status === 'failed' ? null : (
        <RunProgress
          run={current}
          what={what}
          onCancel={() => cancel.mutate(current.id)}
          cancelling={cancel.isPending}
          cancelError={cancel.error}
        />
      )}
    </>
  );
}
