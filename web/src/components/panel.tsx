/**
 * `<Panel>`: a titled card that shows its query's state — a loading placeholder, the API's
 * error (its message and code, and a retry button), or its children once the data is there.
 * Every panel of every page goes through it, so no panel is ever blank without saying why.
 */
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

export interface PanelProps<T> {
  readonly title: string;
  /** One sentence under the title: what the panel shows and by which convention. */
  readonly note?: ReactNode;
  readonly query?: UseQueryResult<T>;
  readonly children: (data: T) => ReactNode;
  /** Extra controls at the right of the title. */
  readonly actions?: ReactNode;
  /** Grid width: `wide` spans the row. */
  readonly size?: 'normal' | 'wide';
  readonly id?: string;
}

/** The message of an error as the user should read it. */
export function errorText(error: unknown): { message: string; code: string | null } {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error), code: null };
}

/** An error box with the API's message and code. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { message, code } = errorText(error);
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      <p className="muted">
        {code === null ? null : <code>{code}</code>}
        {onRetry === undefined ? null : (
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        )}
      </p>
    </div>
  );
}

/** A titled card over a query (see the module comment). */
export function Panel<T>({ title, note, query, children, actions, size, id }: PanelProps<T>) {
  let body: ReactNode;
  if (query === undefined) body = children(undefined as T);
  else if (query.isPending)
    body = (
      <div className="loading" aria-busy="true">
        Loading…
      </div>
    );
  else if (query.isError)
    body = <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  else body = children(query.data);
  return (
    <section className={`panel${size === 'wide' ? ' wide' : ''}`} aria-label={title} id={id}>
      <header>
        <h2>{title}</h2>
        {actions === undefined ? null : <div className="actions">{actions}</div>}
      </header>
      {note === undefined ? null : <p className="note">{note}</p>}
      {body}
    </section>
  );
}

/** A value tile: label, value, optional sub-line. */
export function Tile(props: { label: string; value: ReactNode; sub?: ReactNode; tone?: string }) {
  return (
    <div className="tile">
      <div className="tile-label">{props.label}</div>
      <div className={`tile-value ${props.tone ?? ''}`}>{props.value}</div>
      {props.sub === undefined ? null : <div className="tile-sub">{props.sub}</div>}
    </div>
  );
}
