/** Contract cases for runs (jobs) on every engine. */

import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectInvalid, rejection, type CurrentStore, type ManualClock } from './fixtures.ts';

const T0 = '2026-01-05T00:00:00.000Z';

/** Cases for `store.runs`. */
export function runCases(store: CurrentStore, clock: () => ManualClock): void {
  const runs = () => store().runs;

  it('creates queued runs whose inputs hash ignores key order', async () => {
    const a = await runs().create({ kind: 'frontier', input: { b: [2, { d: 4, c: 3 }], a: 1 } });
    const b = await runs().create({ kind: 'frontier', input: { a: 1, b: [2, { c: 3, d: 4 }] } });
    // The hash is SHA-256 of this text, written out by hand (keys sorted at every level).
    const canonical = '{"input":{"a":1,"b":[2,{"c":3,"d":4}]},"kind":"frontier"}';
    const hash = createHash('sha256').update(canonical).digest('hex');
    expect(a).toEqual({
      id: a.id,
      kind: 'frontier',
      input: { b: [2, { d: 4, c: 3 }], a: 1 },
      inputsHash: hash,
      status: 'queued',
      progress: { done: 0, total: 0, label: null },
      result: null,
      error: null,
      createdAt: T0,
      startedAt: null,
      finishedAt: null,
      knownAt: null,
    });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(b.id).not.toBe(a.id);
    expect(b.inputsHash).toBe(hash);
    expect((await runs().create({ kind: 'optimize', input: { a: 1 } })).inputsHash).not.toBe(hash);
    expect(await runs().get(a.id)).toEqual(a);
    expect((await runs().list({ inputsHash: hash })).map((r) => r.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });

  it('lets exactly one of several concurrent claims take a run', async () => {
    const run = await runs().create({ kind: 'optimize', input: {} });
    clock().set('2026-01-05T00:00:01.000Z');
    const claims = await Promise.all([1, 2, 3, 4, 5].map(() => runs().claim(run.id)));
    const taken = claims.filter((c) => c !== undefined);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ status: 'running', startedAt: '2026-01-05T00:00:01.000Z' });
    expect(await runs().claim(run.id)).toBeUndefined();
  });

  it('records progress and a result; a finished run cannot be finished again', async () => {
    const run = await runs().create({ kind: 'frontier', input: { points: 3 } });
    await runs().claim(run.id);
    expect(await runs().progress(run.id, { done: 2, total: 3, label: 'solving' })).toBe('running');
    expect((await runs().get(run.id)).progress).toEqual({ done: 2, total: 3, label: 'solving' });
    clock().set('2026-01-05T00:00:09.000Z');
    const result = { points: [{ risk: 0.1, weights: { A: 0.25, B: 0.75 } }], note: 'é' };
    expect(await runs().finish(run.id, { status: 'succeeded', result })).toBe(true);
    expect(await runs().get(run.id)).toMatchObject({
      status: 'succeeded',
      result,
      error: null,
      finishedAt: '2026-01-05T00:00:09.000Z',
    });
    const error = { code: 'INTERNAL', message: 'late', details: {} };
    expect(await runs().finish(run.id, { status: 'failed', error })).toBe(false);
    expect((await runs().get(run.id)).status).toBe('succeeded');
    const cancel = await rejection(runs().cancel(run.id));
    expect(cancel.code).toBe('CONFLICT');
    expect(cancel.details).toMatchObject({ field: 'id', status: 'succeeded' });
  });

  it('cancels queued and running runs; the worker learns it and cannot overwrite it', async () => {
    const queued = await runs().create({ kind: 'optimize', input: {} });
    expect((await runs().cancel(queued.id)).status).toBe('cancelled');
    expect(await runs().claim(queued.id)).toBeUndefined();
    const running = await runs().create({ kind: 'optimize', input: {} });
    await runs().claim(running.id);
    clock().set('2026-01-05T00:00:05.000Z');
    const cancelled = await runs().cancel(running.id);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      finishedAt: '2026-01-05T00:00:05.000Z',
    });
    expect(await runs().progress(running.id, { done: 1, total: 2, label: null })).toBe('cancelled');
    expect((await runs().get(running.id)).progress.done).toBe(0);
    expect(await runs().finish(running.id, { status: 'succeeded', result: 1 })).toBe(false);
    // Cancelling again returns the run as it is.
    expect(await runs().cancel(running.id)).toEqual(cancelled);
    const error = { code: 'SOLVER_FAILED', message: 'no', details: { field: 'x' } };
    const failing = await runs().create({ kind: 'optimize', input: {} });
    await runs().claim(failing.id);
    expect(await runs().finish(failing.id, { status: 'failed', error })).toBe(true);
    expect(await runs().get(failing.id)).toMatchObject({ status: 'failed', error, result: null });
    expect(await runs().counts()).toEqual({
      queued: 0,
      running: 0,
      succeeded: 0,
      failed: 1,
      cancelled: 2,
    });
  });

  it('lists newest first, by status, up to a limit', async () => {
    const ids: string[] = [];
    for (const t of ['01', '02', '03']) {
      clock().set(`2026-01-05T00:00:${t}.000Z`);
      ids.push((await runs().create({ kind: 'estimate', input: { t } })).id);
    }
    await runs().claim(ids[0] ?? '');
    expect((await runs().list()).map((r) => r.id)).toEqual([...ids].reverse());
    expect((await runs().list({ limit: 2 })).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect((await runs().list({ status: 'running' })).map((r) => r.id)).toEqual([ids[0]]);
    expect(await runs().counts()).toMatchObject({ queued: 2, running: 1 });
  });

  it('keeps the knowledge time given at submission, and records one when none was given', async () => {
    // Given at submission (another zone): stored in UTC with milliseconds, kept when it ends.
    const asked = await runs().create({
      kind: 'backtest',
      input: {},
      knownAt: '2026-01-04T21:00:00-05:00',
    });
    expect(asked.knownAt).toBe('2026-01-05T02:00:00.000Z');
    await runs().claim(asked.id);
    const later = '2026-01-05T00:00:07.000Z';
    expect(await runs().finish(asked.id, { status: 'succeeded', result: 1, knownAt: later })).toBe(
      true,
    );
    expect((await runs().get(asked.id)).knownAt).toBe('2026-01-05T02:00:00.000Z');
    // None given: null until the run ends with the time it read its data.
    clock().set('2026-01-05T00:00:03.000Z');
    const latest = await runs().create({ kind: 'backtest', input: {} });
    await runs().claim(latest.id);
    expect((await runs().get(latest.id)).knownAt).toBeNull();
    const error = { code: 'DATA_UNAVAILABLE', message: 'no', details: {} };
    expect(await runs().finish(latest.id, { status: 'failed', error, knownAt: later })).toBe(true);
    expect((await runs().list({ limit: 1 }))[0]).toMatchObject({ id: latest.id, knownAt: later });
    await expectInvalid(runs().create({ kind: 'backtest', input: {}, knownAt: 'noon' }), 'knownAt');
    const running = await runs().create({ kind: 'backtest', input: {} });
    await runs().claim(running.id);
    await expectInvalid(
      runs().finish(running.id, { status: 'succeeded', result: 1, knownAt: 'noon' }),
      'outcome.knownAt',
    );
    expect((await runs().get(running.id)).status).toBe('running');
  });

  it('refuses bad arguments naming the field, and unknown ids as NOT_FOUND', async () => {
    await expectInvalid(runs().create({ kind: 'Frontier!', input: {} }), 'kind');
    await expectInvalid(runs().create({ kind: 'optimize', input: undefined }), 'input');
    await expectInvalid(runs().list({ limit: 0 }), 'limit');
    await expectInvalid(runs().list({ status: 'done' as never }), 'status');
    const run = await runs().create({ kind: 'optimize', input: {} });
    await runs().claim(run.id);
    await expectInvalid(
      runs().progress(run.id, { done: -1, total: 1, label: null }),
      'progress.done',
    );
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '']) {
      const missing = await rejection(runs().get(id));
      expect(missing.code).toBe('NOT_FOUND');
      expect(missing.details.field).toBe('id');
    }
    expect((await rejection(runs().cancel('00000000-0000-4000-8000-000000000000'))).code).toBe(
      'NOT_FOUND',
    );
    expect(await runs().list()).toHaveLength(1);
  });
}
