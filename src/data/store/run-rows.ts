/** Rows of `runs` ↔ {@link StoredRun}: validation, canonical JSON and the inputs hash. */

import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import { RUN_STATUSES, type RunError, type RunStatus, type StoredRun } from './run-store.ts';
import type { RunsTable } from './schema.ts';

const KIND = /^[a-z0-9-]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `kind`, checked. */
export function checkKind(kind: unknown): string {
  if (typeof kind !== 'string' || !KIND.test(kind))
    throw invalidInput('kind', kind, 'must be 1 to 40 characters of a-z, 0-9 and -');
  return kind;
}

/** A run id (a lower-case UUID). Anything else names no run: NOT_FOUND. */
export function checkRunId(id: unknown): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw runNotFound(id);
  return id;
}

/** NOT_FOUND naming the run id. */
export function runNotFound(id: unknown): BallastError {
  return new BallastError('NOT_FOUND', `id: no run with id ${JSON.stringify(id)}`, {
    field: 'id',
    value: id,
  });
}

/** `status`, checked. */
export function checkStatus(field: string, status: unknown): RunStatus {
  if (!RUN_STATUSES.includes(status as RunStatus))
    throw invalidInput(field, status, `must be one of ${RUN_STATUSES.join(', ')}`);
  return status as RunStatus;
}

/** JSON with object keys sorted at every level: equal values, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** `value` as stored JSON text; INVALID_INPUT naming `field` when it is not a JSON value. */
export function toJsonText(field: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw invalidInput(field, String(value), `is not JSON (${(error as Error).message})`);
  }
  if (text === undefined) throw invalidInput(field, String(value), 'is not a JSON value');
  return text;
}

/** SHA-256 (hex) of the canonical JSON of `{ kind, input }`. */
export function inputsHash(kind: string, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, input })).digest('hex');
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** A stored row as a {@link StoredRun}. */
export function toStoredRun(row: Selectable<RunsTable>): StoredRun {
  return {
    id: row.id,
    kind: row.kind,
    input: JSON.parse(row.input),
    inputsHash: row.inputs_hash,
    status: row.status as RunStatus,
    progress: {
      done: Number(row.progress_done),
      total: Number(row.progress_total),
      label: row.progress_label,
    },
    result: parse(row.result),
    error: parse(row.error) as RunError | null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    knownAt: row.known_at,
  };
}
