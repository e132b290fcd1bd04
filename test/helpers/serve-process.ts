/**
 * `ballast serve --port 0` as a child process — the bundled executable (`bin/ballast.mjs`, built
 * by the global setup), as a user runs it — on an explicit `--db`, so a test can stop it, kill it
 * and start another on the same store. The store comes only from `--db`: `DATABASE_URL` and
 * `BALLAST_DB` are removed from the child's environment, and its data home is a fresh directory.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));

/** How a server process ended. */
export interface ServeExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running `ballast serve`. */
export interface ServeProcess {
  /** The URL it printed (`http://127.0.0.1:<port>`). */
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ServeExit>;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'ballast-serve-home-')),
  };
  delete env['DATABASE_URL'];
  delete env['BALLAST_DB'];
  return env;
}

/** Starts `ballast serve --port 0 --db <db>` and resolves once it has printed its URL. */
export async function startServe(db: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(),
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<ServeExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/[^\s)]+/.exec(out)?.[0];
      if (found !== undefined) resolve(found);
    });
    void exited.then((how) =>
      reject(new Error(`serve exited (${JSON.stringify(how)}) before listening: ${out}${err}`)),
    );
  });
  return { url, child, exited, stderr: () => err };
}

/** Sends `signal` (default SIGTERM) unless the process has ended, and waits for its exit. */
export async function stopServe(
  server: ServeProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<ServeExit> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}
