/**
 * The {@link RunStore} of a {@link KyselyMarketStore}: it reads and writes through the market
 * store's read and write paths, so each write is one transaction and joins the caller's inside
 * `store.transaction(fn)`. Every status move is one `update … where status in (…)`: the engine
 * decides races (two claims, a cancel against a finish), never a read-then-write in the code.
 */

import { randomUUID } from 'node:crypto';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { PortfolioStoreAccess } from './kysely-portfolio-store.ts';
import {
  checkKind,
  checkRunId,
  checkStatus,
  inputsHash,
  runNotFound,
  toJsonText,
  toStoredRun,
} from './run-rows.ts';
import {
  RUN_STATUSES,
  type NewRun,
  type RunOutcome,
  type RunProgress,
  type RunQuery,
  type RunStatus,
  type RunStore,
  type StoredRun,
} from './run-store.ts';
import { normalizeTimestamp } from './validate.ts';

type Access = PortfolioStoreAccess;

const HASH = /^[0-9a-f]{64}$/;

function checkLimit(limit: unknown): number {
  if (limit === undefined) return 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw invalidInput('limit', limit, 'must be an integer from 1 to 1000');
  return limit;
}

function checkProgress(progress: RunProgress): RunProgress {
  const { done, total, label } = progress;
  if (typeof done !== 'number' || !Number.isFinite(done) || done < 0)
    throw invalidInput('progress.done', done, 'must be a finite number ≥ 0');
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0)
    throw invalidInput('progress.total', total, 'must be a finite number ≥ 0');
  if (label !== null && (typeof label !== 'string' || label.length > 200))
    throw invalidInput('progress.label', label, 'must be null or at most 200 characters');
  return { done, total, label };
}

/** {@link RunStore} over the market store's Kysely (module comment). */
export class KyselyRunStore implements RunStore {
  readonly #access: Access;

  constructor(access: Access) {
    this.#access = access;
  }

  #now(): string {
    return normalizeTimestamp('clock.now()', this.#access.clock.now());
  }

  async create(run: NewRun): Promise<StoredRun> {
    const kind = checkKind(run.kind);
    const input = toJsonText('input', run.input);
    const knownAt = run.knownAt === undefined ? null : normalizeTimestamp('knownAt', run.knownAt);
    const row = {
      id: randomUUID(),
      kind,
      input,
      inputs_hash: inputsHash(kind, JSON.parse(input)),
      status: 'queued',
      progress_done: 0,
      progress_total: 0,
      progress_label: null,
      result: null,
      error: null,
      created_at: this.#now(),
      started_at: null,
      finished_at: null,
      known_at: knownAt,
    };
    await this.#access.write((db) => db.insertInto('runs').values(row).execute());
    return toStoredRun(row);
  }

  async get(id: string): Promise<StoredRun> {
    const runId = checkRunId(id);
    const row = await this.#access.read((db) =>
      db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst(),
    );
    if (row === undefined) throw runNotFound(runId);
    return toStoredRun(row);
  }

  async list(query: RunQuery = {}): Promise<StoredRun[]> {
    const limit = checkLimit(query.limit);
    const status = query.status === undefined ? undefined : checkStatus('status', query.status);
    const hash = query.inputsHash;
    if (hash !== undefined && (typeof hash !== 'string' || !HASH.test(hash)))
      throw invalidInput('inputsHash', hash, 'must be 64 lower-case hex digits');
    const rows = await this.#access.read((db) => {
      let q = db.selectFrom('runs').selectAll();
      if (status !== undefined) q = q.where('status', '=', status);
      if (hash !== undefined) q = q.where('inputs_hash', '=', hash);
      return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    });
    return rows.map(toStoredRun);
  }

  async claim(id: string): Promise<StoredRun | undefined> {
    const runId = checkRunId(id);
    const now = this.#now();
    return this.#access.write(async (db) => {
      const result = await db
        .updateTable('runs')
        .set({ status: 'running', started_at: now })
        .where('id', '=', runId)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return undefined;
      const row = await db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      return toStoredRun(row);
    });
  }

  async progress(id: string, progress: RunProgress): Promise<RunStatus> {
    const runId = checkRunId(id);
    const p = checkProgress(progress);
    return this.#access.write(async (db) => {
      await db
        .updateTable('runs')
        .set({ progress_done: p.done, progress_total: p.total, progress_label: p.label })
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .execute();
      const row = await db
        .selectFrom('runs')
        .select('status')
        .where('id', '=', runId)
        .executeTakeFirst();
      if (row === undefined) throw runNotFound(runId);
      return row.status as RunStatus;
    });
  }

  async finish(id: string, outcome: RunOutcome): Promise<boolean> {
    const runId = checkRunId(id);
    const status = checkStatus('outcome.status', outcome.status);
    if (status !== 'succeeded' && status !== 'failed')
      throw invalidInput('outcome.status', status, 'must be succeeded or failed');
    const values =
      outcome.status === 'succeeded'
        ? { result: toJsonText('outcome.result', outcome.result), error: null }
        : { result: null, error: toJsonText('outcome.error', outcome.error) };
    const knownAt =
      outcome.knownAt === undefined
        ? undefined
        : normalizeTimestamp('outcome.knownAt', outcome.knownAt);
    const now = this.#now();
    const result = await this.#access.write((db) =>
      db
        .updateTable('runs')
        .set((eb) => ({
          status,
          finished_at: now,
          ...values,
          // A knowledge time given at submission is kept.
          ...(knownAt === undefined
            ? {}
            : { known_at: eb.fn.coalesce('known_at', eb.val(knownAt)) }),
        }))
        .where('id', '=', runId)
        .where('status', '=', 'running')
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) > 0;
  }

  async cancel(id: string): Promise<StoredRun> {
    const runId = checkRunId(id);
    const now = this.#now();
    return this.#access.write(async (db) => {
      await db
        .updateTable('runs')
        .set({ status: 'cancelled', finished_at: now })
        .where('id', '=', runId)
        .where('status', 'in', ['queued', 'running'])
        .execute();
      const row = await db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', runId)
        .executeTakeFirst();
      if (row === undefined) throw runNotFound(runId);
      if (row.status === 'succeeded' || row.status === 'failed')
        throw new BallastError('CONFLICT', `id: run ${runId} has already ${row.status}`, {
          field: 'id',
          value: runId,
          status: row.status,
        });
      return toStoredRun(row);
    });
  }

  async counts(): Promise<Record<RunStatus, number>> {
    const rows = await this.#access.read((db) =>
      db
        .selectFrom('runs')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .groupBy('status')
        .execute(),
    );
    const counts = Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;
    for (const row of rows) counts[row.status as RunStatus] = Number(row.n);
    return counts;
  }
}
