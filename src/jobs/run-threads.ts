/**
 * Threads that execute runs (`run-worker.ts`), one run at a time each, so that nothing of a run
 * — parsing its inline returns, estimating, solving, storing a large result — happens on the
 * thread serving requests. Each thread opens its own connection to the store (a SQLite file in
 * WAL mode, or PostgreSQL), so this needs a store another thread can open: not an in-memory
 * one. A thread that dies is replaced; its run stays `running` in the store until a restart
 * fails it (the in-process queue's start) — the error is reported to the caller.
 */

import { Worker } from 'node:worker_threads';
import type { ExecuteRunOptions, StoredRun } from '../app/index.ts';

/** What every run thread is started with. */
export interface RunThreadData {
  /** The store: a SQLite file path or a `postgres://` URL. */
  readonly db: string;
  readonly offline: boolean;
  readonly execution: ExecuteRunOptions;
  /** The pg-boss queue a run's pieces are sent to (`run-fan-out.ts`); absent: no fan-out. */
  readonly queue?: { readonly url: string; readonly schema?: string };
}

/** Main → thread: execute this run. */
export interface RunThreadRequest {
  readonly runId: string;
}

/** Thread → main: the run as it ended (undefined: not claimed), or the failure. */
export interface RunThreadReply {
  readonly runId: string;
  readonly run: StoredRun | undefined;
  readonly seconds: number;
  readonly error?: string;
}

const ENTRY = import.meta.url.endsWith('.js')
  ? new URL('./run-worker.js', import.meta.url)
  : new URL('./run-worker-bootstrap.mjs', import.meta.url);

interface Slot {
  worker: Worker;
  busy?: { readonly runId: string; readonly done: (reply: RunThreadReply) => void };
}

/** A fixed set of run threads (module comment). */
export class RunThreads {
  readonly #slots: Slot[] = [];
  readonly #waiting: { runId: string; done: (reply: RunThreadReply) => void }[] = [];
  readonly #data: RunThreadData;
  readonly #log: (message: string) => void;
  #closed = false;

  constructor(size: number, data: RunThreadData, log: (message: string) => void) {
    this.#data = data;
    this.#log = log;
    for (let i = 0; i < size; i++) this.#slots.push(this.#start());
  }

  /** Executes run `runId` on a free thread (waiting for one); resolves with its reply. */
  execute(runId: string): Promise<RunThreadReply> {
    return new Promise((done) => {
      this.#waiting.push({ runId, done });
      this.#dispatch();
    });
  }

  /** Stops the threads (runs in progress are cut off: they stay `running` in the store). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #start(): Slot {
    const worker = new Worker(ENTRY, { workerData: this.#data });
    const slot: Slot = { worker };
    worker.on('message', (message: RunThreadReply | { log: string }) => {
      if ('log' in message) return this.#log(message.log);
      const busy = slot.busy;
      delete slot.busy;
      busy?.done(message);
      this.#dispatch();
    });
    worker.on('error', (error) => this.#crash(slot, String(error)));
    worker.on('exit', (code) => {
      if (!this.#closed) this.#crash(slot, `the run thread exited with code ${code}`);
    });
    return slot;
  }

  #crash(slot: Slot, error: string): void {
    const busy = slot.busy;
    delete slot.busy;
    busy?.done({ runId: busy.runId, run: undefined, seconds: 0, error });
    const index = this.#slots.indexOf(slot);
    if (this.#closed || index < 0) return;
    this.#slots[index] = this.#start();
    void slot.worker.terminate();
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#waiting.length === 0) return;
      if (slot.busy !== undefined) continue;
      const next = this.#waiting.shift()!;
      slot.busy = next;
      const request: RunThreadRequest = { runId: next.runId };
      slot.worker.postMessage(request);
    }
  }
}
