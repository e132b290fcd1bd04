/**
 * A backtest sweep spread over a job queue's workers (`src/jobs/run-fan-out.ts`, the pieces of
 * `backtestSweep`): the document is the sweep's own run on this process's threads, whoever
 * executed the pieces — this worker alone, another worker taking some, or a worker that took
 * one and went silent. A failed piece fails the sweep and cancels the rest. The queue here is a
 * list of run ids; "another worker" is `executeRun` called on the same store, as a
 * `ballast worker` process would (test/cli/serve-runs.test.ts runs real ones on PostgreSQL).
 */
import { twoMadeUpCloses } from '../helpers/made-up-closes.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { testDeps } from '../helpers/app-deps.ts';
import type { AppDeps, RunQueue } from '../../src/app/index.ts';
import { executeRun } from '../../src/app/run-execute.ts';
import {
  backtestSweep,
  backtestSweepPiece,
  type BacktestSweepInput,
  type BacktestSweepPieceInput,
} from '../../src/app/backtest-sweep.ts';
import { pieceRanges, SWEEP_PIECE_KIND } from '../../src/app/backtest-sweep-execute.ts';
import { QueueFanOut } from '../../src/jobs/run-fan-out.ts';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});
const deps = () => {
  const d = testDeps({ offline: true });
  opened.push(d);
  return d;
};

/** 3 × 3 = 9 variants in 3 pieces. */
const INPUT: BacktestSweepInput = {
  config: {
    prices: { text: twoMadeUpCloses(), name: 'p.csv' },
    initial: 1000,
    strategies: [{ name: 'AB', weights: { A: 0.6, B: 0.4 }, rebalance: 'monthly', costBps: 5 }],
  },
  sweep: ['weights.A=0.5,1,1.5', 'bands.absolute=0.01,0.05,0.1'],
  sortBy: 'twr',
  pieces: 3,
};

/** A queue that only records the ids sent to it, and runs `onEnqueue` for each. */
function listQueue(onEnqueue: (id: string, n: number) => void = () => undefined) {
  const ids: string[] = [];
  const queue: RunQueue = {
    enqueue: (id) => {
      ids.push(id);
      onEnqueue(id, ids.length);
      return Promise.resolve();
    },
  };
  return { ids, queue };
}

/** `deps` with a fan-out over `queue` (as `startRunService` builds it on pg-boss). */
function spreading(d: AppDeps, queue: RunQueue, pollMs = 20): AppDeps {
  return { ...d, fanOut: new QueueFanOut(d, () => Promise.resolve(queue), { pollMs }) };
}

/** The document without the fields that say where it ran. */
const placeless = (doc: object) => {
  const { threads: _t, pieces: _p, ...rest } = doc as { threads: number; pieces?: number };
  return rest;
};

describe('pieceRanges', () => {
  it('splits 10 jobs in 3 consecutive pieces of 3, 3 and 4; never more pieces than jobs', () => {
    // floor(k·10/3) for k = 0…3: 0, 3, 6, 10.
    expect(pieceRanges(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(pieceRanges(2, 5)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });
});

describe('a sweep spread over the job queue', () => {
  it('alone, this worker executes every piece itself: the document of the unspread sweep', async () => {
    const d = deps();
    const local = await backtestSweep({ ...INPUT, threads: 1 }, d);
    const { ids, queue } = listQueue();
    const spread = await backtestSweep(INPUT, spreading(d, queue));
    expect(spread.pieces).toBe(3);
    expect(placeless(spread)).toEqual(placeless(local));
    const { runs } = await d.store();
    const pieces = await Promise.all(ids.map((id) => runs.get(id)));
    expect(pieces.map((r) => [r.kind, r.status])).toEqual(
      Array.from({ length: 3 }, () => [SWEEP_PIECE_KIND, 'succeeded']),
    );
    expect(pieces.map((r) => r.input)).toEqual(
      pieceRanges(9, 3).map((range) => ({ sweep: INPUT, ...range })),
    );
  });

  it('pieces another worker takes are waited for; the document is the same', async () => {
    const d = deps();
    const local = await backtestSweep({ ...INPUT, threads: 1 }, d);
    const others: Promise<unknown>[] = [];
    // The other worker takes the 1st and 2nd pieces as soon as they are enqueued.
    const { ids, queue } = listQueue((id, n) => {
      if (n <= 2) others.push(executeRun(id, d));
    });
    const spread = await backtestSweep(INPUT, spreading(d, queue));
    // The other worker claimed at least one of them before this one came to it.
    expect((await Promise.all(others)).filter((run) => run !== undefined).length).toBeGreaterThan(
      0,
    );
    expect(placeless(spread)).toEqual(placeless(local));
    const { runs } = await d.store();
    expect((await runs.list({ limit: 10 })).filter((r) => ids.includes(r.id)).length).toBe(3);
    expect(d.progress.tasks.at(-1)).toMatchObject({ label: 'backtest sweep', total: 9 });
    expect(d.progress.tasks.at(-1)!.ticks.reduce((a, b) => a + b, 0)).toBe(9);
  });

  it('a piece taken by a worker that went silent is computed here and cancelled in the store', async () => {
    const d = deps();
    const { runs } = await d.store();
    const claims: Promise<unknown>[] = [];
    // "Another worker" claims the first piece and never reports again.
    const { ids, queue } = listQueue((id, n) => {
      if (n === 1) claims.push(runs.claim(id));
    });
    const fanOut = new QueueFanOut(d, () => Promise.resolve(queue), { pollMs: 10 });
    const computed: unknown[] = [];
    const results = await fanOut.run(
      SWEEP_PIECE_KIND,
      pieceRanges(9, 3).map((r) => ({ sweep: INPUT, ...r })),
      {
        staleMs: 100,
        compute: async (input) => {
          computed.push(input);
          return backtestSweepPiece(input as BacktestSweepPieceInput, d);
        },
      },
    );
    await Promise.all(claims);
    expect(computed).toEqual([{ sweep: INPUT, from: 0, to: 3 }]);
    expect((await runs.get(ids[0]!)).status).toBe('cancelled');
    const rows = (results as { outcomes: { row: unknown }[] }[]).flatMap((r) =>
      r.outcomes.map((o) => o.row),
    );
    // The rows of the nine variants run in one piece here, in grid order.
    const whole = await backtestSweepPiece({ sweep: INPUT, from: 0, to: 9 }, d);
    expect(rows).toEqual(whole.outcomes.map((o) => o.row));
  });

  it('a failed piece fails the sweep with its error and cancels the pieces not yet ended', async () => {
    const d = deps();
    const { runs } = await d.store();
    const { ids, queue } = listQueue();
    const fanOut = new QueueFanOut(d, () => Promise.resolve(queue), { pollMs: 10 });
    const inputs = [
      { sweep: INPUT, from: 0, to: 3 },
      { sweep: INPUT, from: 3, to: 99 },
      { sweep: INPUT, from: 6, to: 9 },
    ];
    await expect(
      fanOut.run(SWEEP_PIECE_KIND, inputs, {
        staleMs: 1000,
        compute: () => Promise.reject(new Error('not called')),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'to: variants 3 to 99 of a sweep of 9',
    });
    const statuses = await Promise.all(ids.map(async (id) => (await runs.get(id)).status));
    // This worker goes from the last piece to the first: the third succeeded, then the second failed.
    expect(statuses).toEqual(['cancelled', 'failed', 'succeeded']);
  });

  it('a cancelled parent (its progress tick throws) cancels the pieces not yet ended', async () => {
    const d = deps();
    const { runs } = await d.store();
    const { ids, queue } = listQueue();
    const fanOut = new QueueFanOut(d, () => Promise.resolve(queue), { pollMs: 10 });
    const cancelled = new Error('cancelled');
    await expect(
      fanOut.run(
        SWEEP_PIECE_KIND,
        pieceRanges(9, 3).map((r) => ({ sweep: INPUT, ...r })),
        {
          staleMs: 1000,
          compute: () => Promise.reject(new Error('not called')),
          onDone: () => {
            throw cancelled;
          },
        },
      ),
    ).rejects.toBe(cancelled);
    const statuses = await Promise.all(ids.map(async (id) => (await runs.get(id)).status));
    // The third piece (this worker's first) ended, then the parent's tick threw.
    expect(statuses).toEqual(['cancelled', 'cancelled', 'succeeded']);
  });
});

describe('a sweep run with a knowledge time', () => {
  it('stores its pieces with the same knownAt (docs/data-versions.md), and keeps its own', async () => {
    const d = deps();
    const { ids, queue } = listQueue();
    const store = await d.store();
    const run = await store.runs.create({
      kind: 'backtest-sweep',
      input: INPUT,
      knownAt: '2024-06-20T00:00:00Z',
    });
    const ended = await executeRun(run.id, spreading(d, queue));
    expect(ended).toMatchObject({ status: 'succeeded', knownAt: '2024-06-20T00:00:00.000Z' });
    const pieces = await Promise.all(ids.map((id) => store.runs.get(id)));
    expect(pieces.map((p) => [p.kind, p.status, p.knownAt])).toEqual(
      [1, 2, 3].map(() => [SWEEP_PIECE_KIND, 'succeeded', '2024-06-20T00:00:00.000Z']),
    );
  });
});
