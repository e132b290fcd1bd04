import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseEnvelope,
  startEnvelopeServer,
  type EnvelopeServer,
  type Json,
} from '../../test/helpers/envelope-server.ts';
import { BallastError } from '../app/errors.ts';
import { processRuntime } from './context.ts';
import { withErrorReporting } from './error-reporting.ts';
import { main } from './main.ts';

let server: EnvelopeServer;
beforeEach(async () => {
  server = await startEnvelopeServer();
});
afterEach(async () => {
  await server.close();
});

const dsn = (): string => `${server.baseUrl.replace('//', '//pub123@')}/42`;
const log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The events received so far. */
const events = (): Record<string, Json>[] =>
  server.requests.map((r) => parseEnvelope(r.body).items[0]!.payload as Record<string, Json>);

describe('withErrorReporting', () => {
  it('installs nothing without SENTRY_DSN', async () => {
    const before = process.listenerCount('uncaughtException');
    const seen = await withErrorReporting({ env: {}, log, command: 'ballast serve' }, (r) => {
      expect(process.listenerCount('uncaughtException')).toBe(before);
      return Promise.resolve(r);
    });
    expect(seen).toBeUndefined();
    await expect(
      withErrorReporting({ env: { SENTRY_DSN: '' }, log, command: 'x' }, () =>
        Promise.reject(new Error('not reported')),
      ),
    ).rejects.toThrow('not reported');
    expect(server.requests).toEqual([]);
  });

  it('reports an unexpected failure that ends the command, then rethrows it', async () => {
    const before = process.listenerCount('uncaughtException');
    const env = { SENTRY_DSN: dsn(), SENTRY_ENVIRONMENT: 'ci', SENTRY_RELEASE: 'ballast@abc123' };
    const failure = new Error('pg-boss gave up');
    await expect(
      withErrorReporting({ env, log, command: 'ballast worker' }, (reporter) => {
        expect(reporter).toBeDefined();
        expect(process.listenerCount('uncaughtException')).toBe(before + 1);
        return Promise.reject(failure);
      }),
    ).rejects.toBe(failure);
    expect(process.listenerCount('uncaughtException')).toBe(before);
    expect(events()).toEqual([
      expect.objectContaining({
        level: 'fatal',
        release: 'ballast@abc123',
        environment: 'ci',
        transaction: 'ballast worker',
        exception: {
          values: [
            expect.objectContaining({
              type: 'Error',
              value: 'pg-boss gave up',
              mechanism: { type: 'auto.cli.command', handled: false },
            }),
          ],
        },
      }),
    ]);
  });

  it('leaves a failure with a code of its own (bad input, store down) unreported', async () => {
    const failure = new BallastError('INVALID_INPUT', '--db: a worker needs PostgreSQL');
    await expect(
      withErrorReporting({ env: { SENTRY_DSN: dsn() }, log, command: 'ballast worker' }, () =>
        Promise.reject(failure),
      ),
    ).rejects.toBe(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toEqual([]);
  });
});

describe('ballast serve and ballast worker with a malformed SENTRY_DSN', () => {
  it('stop before starting, with one INVALID_INPUT naming SENTRY_DSN (exit 2)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ballast-dsn-')), 'store.sqlite');
    for (const command of [['serve', '--port', '0'], ['worker']]) {
      let stdout = '';
      let stderr = '';
      const code = await main(
        ['node', 'ballast', ...command, '--db', db],
        { out: (t) => (stdout += t), err: (t) => (stderr += t) },
        { ...processRuntime(), env: { SENTRY_DSN: 'https://sentry.example.com/42' } },
      );
      expect([code, stdout], command[0]).toEqual([2, '']);
      expect(stderr, command[0]).toMatch(
        /^error \[INVALID_INPUT\]: SENTRY_DSN: no public key before the @ \(expected https:\/\/PUBLIC_KEY@host\[:port\]\/PROJECT_ID\)$/m,
      );
    }
  });
});

describe('an uncaught exception in a real process', () => {
  it('is reported before the process exits with code 1', async () => {
    const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
    const script = join(mkdtempSync(join(tmpdir(), 'ballast-uncaught-')), 'crash.mts');
    writeFileSync(
      script,
      [
        `import { withErrorReporting } from ${JSON.stringify(here('./error-reporting.ts'))};`,
        `const log = { debug() {}, info() {}, warn() {}, error() {} };`,
        `await withErrorReporting({ env: process.env, log, command: 'ballast worker' }, () =>`,
        `  new Promise(() => setTimeout(() => { throw new SyntaxError('thrown from a timer'); }, 10)),`,
        `);`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: here('../..'),
      env: { ...process.env, SENTRY_DSN: dsn() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(1);
    expect(events()).toEqual([
      expect.objectContaining({
        level: 'fatal',
        transaction: 'ballast worker',
        exception: {
          values: [
            expect.objectContaining({
              type: 'SyntaxError',
              value: 'thrown from a timer',
              mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
            }),
          ],
        },
      }),
    ]);
  });
});
