import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeps, type OwnedDeps } from '../../src/app/create-deps.ts';
import type { ProgressReporter } from '../../src/app/deps.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import type { FetchFn } from '../../src/data/http/http-client.ts';

/** One progress task as recorded: its label, total, ticks and whether it ended. */
export interface RecordedTask {
  readonly label: string;
  readonly total: number;
  readonly ticks: number[];
  done: boolean;
}

/** A progress reporter that records every task (for asserting on progress calls). */
export function recordingProgress(): ProgressReporter & { readonly tasks: RecordedTask[] } {
  const tasks: RecordedTask[] = [];
  return {
    tasks,
    start(label, total) {
      const task: RecordedTask = { label, total, ticks: [], done: false };
      tasks.push(task);
      return {
        tick: (n = 1) => void task.ticks.push(n),
        done: () => void (task.done = true),
      };
    },
  };
}

/** Options of {@link testDeps}. */
export interface TestDepsOptions {
  readonly env?: Record<string, string>;
  readonly fetch?: FetchFn;
  readonly offline?: boolean;
  /** "Now" (ISO timestamp); today is its date. Default 2024-06-20T20:00:00.000Z. */
  readonly now?: string;
  /** Store file; default a fresh SQLite file in a temporary directory. */
  readonly db?: string;
}

/**
 * Use-case dependencies for tests: a fresh SQLite store in a temporary directory (never the
 * user's), a fixed clock, no real network (providers see `fetch` only), a recording progress.
 */
export function testDeps(
  options: TestDepsOptions = {},
): OwnedDeps & { readonly progress: ReturnType<typeof recordingProgress>; readonly db: string } {
  const db = options.db ?? join(mkdtempSync(join(tmpdir(), 'ballast-app-')), 'store.sqlite');
  const progress = recordingProgress();
  const deps = createDeps({
    env: options.env ?? { BALLAST_PRICE_PROVIDERS: 'stooq' },
    clock: fixedClock(options.now ?? '2024-06-20T20:00:00.000Z'),
    db,
    offline: options.offline ?? false,
    fetch: options.fetch ?? (() => Promise.reject(new Error('no network in tests'))),
    homedir: tmpdir(),
    progress,
  });
  return { ...deps, progress, db };
}
