/**
 * The harness of the crash-safety tests (test/cli/serve-crash*.test.ts): `ballast serve` is
 * killed with SIGKILL in the middle of a large ledger append (`POST
 * /api/v1/portfolios/{id}/transactions`), then served again on the same store.
 *
 * "In the middle" is what the store shows from outside ({@link CrashMoment}), polled every
 * millisecond or so while the request runs — or, for a moment too brief for timers, every 0.1 ms
 * in a blocking loop — and the kill is sent the moment it holds. The harness then checks the kill
 * came first: the process ended by SIGKILL and the request got no response.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { startServe, stopServe, type ServeProcess } from './serve-process.ts';

/** When to kill, as one store engine can observe it. */
export interface CrashMoment {
  /** What {@link holds} waits for (in messages). */
  readonly what: string;
  /** The `--db` of the server's n-th start (0: the one killed, 1: the restart). */
  db(start: number): string;
  /** Once the first server is listening, before the import begins (baselines, probes). */
  prepare?(): void | Promise<void>;
  /** Whether the import is at the moment to kill (polled while the request runs). */
  holds(): boolean | Promise<boolean>;
  /**
   * A moment too brief for timers: once {@link holds} (which must mean the server has read the
   * request), this is polled every 0.1 ms in a loop that blocks the test's event loop, and the
   * kill comes when it holds.
   */
  thenHolds?(): boolean;
  /** After the kill, before the restart (wait for the engine to notice). */
  afterKill?(): void | Promise<void>;
  /** At the end, whatever happened (close probes and connections). */
  close?(): void | Promise<void>;
}

/** What a crash left. */
export interface CrashOutcome {
  readonly portfolioId: number;
  /** How the request failed (the kill came before any response). */
  readonly requestError: string;
  /** The restarted server on the same store, still running: stop it with `stopServe`. */
  readonly server: ServeProcess;
}

/** The import finished before the kill landed: the moment was missed, nothing is wrong. */
export class ImportFinishedFirst extends Error {}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Polls `moment.thenHolds` every 0.1 ms without yielding (see {@link CrashMoment.thenHolds}). */
function untilNow(moment: CrashMoment, timeoutMs = 30_000): void {
  if (moment.thenHolds === undefined) return;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + timeoutMs;
  while (!moment.thenHolds()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${moment.what}`);
    Atomics.wait(cell, 0, 0, 0.1);
  }
}

async function until(
  moment: CrashMoment,
  settled: () => boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (settled()) throw new ImportFinishedFirst(`the import ended before ${moment.what}`);
    if (await moment.holds()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${moment.what}`);
    await sleep(1);
  }
}

/** Imports started in this process (each portfolio gets a name of its own). */
let imports = 0;

/** Starts a server, creates a portfolio, appends `csv` and kills the server at `moment`. */
export async function crashDuringImport(moment: CrashMoment, csv: string): Promise<CrashOutcome> {
  const first = await startServe(moment.db(0));
  try {
    // A name of its own: a retry on the same store finds the first attempt's portfolio there.
    const name = `crash-${++imports}`;
    const created = await fetch(`${first.url}/api/v1/portfolios`, json({ name }));
    const { id } = (await created.json()) as { id: number };
    await moment.prepare?.();
    let settled = false;
    const request = fetch(`${first.url}/api/v1/portfolios/${id}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    })
      .then(
        (r) => `${r.status}`,
        (error: unknown) => error as Error,
      )
      .finally(() => (settled = true));
    await until(moment, () => settled);
    untilNow(moment);
    first.child.kill('SIGKILL');
    const exit = await first.exited;
    if (exit.signal !== 'SIGKILL') throw new Error(`the server ended by ${JSON.stringify(exit)}`);
    const response = await request;
    if (typeof response === 'string')
      throw new ImportFinishedFirst(`the import answered ${response} before the kill landed`);
    await moment.afterKill?.();
    const requestError = String(response.cause instanceof Error ? response.cause : response);
    return { portfolioId: id, requestError, server: await startServe(moment.db(1)) };
  } finally {
    await stopServe(first, 'SIGKILL');
    await moment.close?.();
  }
}

/**
 * {@link crashDuringImport} on a fresh store from `moment()`, again (up to `attempts` times)
 * when the import finished before the kill could land — a race the kill can lose on a busy
 * machine, which says nothing about the store; any other failure fails at once.
 */
export async function crashRetrying(
  moment: () => CrashMoment,
  csv: string,
  attempts = 3,
): Promise<CrashOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await crashDuringImport(moment(), csv);
    } catch (error) {
      if (!(error instanceof ImportFinishedFirst) || attempt >= attempts) throw error;
    }
  }
}
