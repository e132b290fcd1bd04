import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import {
  parseEnvelope,
  startEnvelopeServer,
  type EnvelopeServer,
  type Json,
} from '../../test/helpers/envelope-server.ts';
import { BallastError } from '../app/errors.ts';
import { createApi } from './app.ts';
import {
  createErrorReporter,
  errorReporterFromEnv,
  framesOf,
  MAX_IN_FLIGHT,
  parseDsn,
  reportUncaught,
  type ErrorReporter,
} from './error-report.ts';

let deps: ReturnType<typeof testDeps>;
let server: EnvelopeServer;
let warnings: Record<string, unknown>[];
const log = { warn: (fields: object) => void warnings.push(fields as Record<string, unknown>) };

beforeEach(async () => {
  deps = testDeps({ offline: true });
  server = await startEnvelopeServer();
  warnings = [];
});
afterEach(async () => {
  await server.close();
  await deps.close();
});

/** A DSN of the stand-in server: public key `pub123`, project 42. */
const dsnOf = (s: EnvelopeServer): string => s.baseUrl.replace('//', '//pub123@') + '/42';

const reporterOf = (options: { timeoutMs?: number } = {}): ErrorReporter =>
  createErrorReporter({
    dsn: parseDsn(dsnOf(server)),
    release: 'ballast@9.9.9',
    environment: 'staging',
    serverName: 'test-host',
    log,
    ...options,
  });

/** The one event of the only envelope received, checked against the envelope format. */
function onlyEvent(s: EnvelopeServer = server): Record<string, Json> {
  expect(s.requests).toHaveLength(1);
  const envelope = parseEnvelope(s.requests[0]!.body);
  expect(envelope.items).toHaveLength(1);
  const [item] = envelope.items;
  expect(item!.header).toEqual({
    type: 'event',
    content_type: 'application/json',
    length: item!.bytes,
  });
  const event = item!.payload as Record<string, Json>;
  expect(envelope.header).toEqual({
    event_id: event['event_id'],
    sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    dsn: dsnOf(s),
    sdk: { name: 'ballast.error-report', version: '1.0.0' },
  });
  expect(event['event_id']).toMatch(/^[0-9a-f]{32}$/);
  return event;
}

/** An API whose store fails with `failure` on every request that reads it. */
const failingApi = (failure: unknown, errorReporter?: ErrorReporter) =>
  createApi(
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    { ...deps, existingStore: () => Promise.reject(failure) },
    { version: '9.9.9', ...(errorReporter === undefined ? {} : { errorReporter }) },
  );

describe('parseDsn', () => {
  it('finds the key, the project and the envelope endpoint', () => {
    expect(parseDsn('https://abc123@o1.ingest.example.com/42')).toEqual({
      publicKey: 'abc123',
      projectId: '42',
      baseUrl: 'https://o1.ingest.example.com',
      envelopeUrl: 'https://o1.ingest.example.com/api/42/envelope/',
      publicDsn: 'https://abc123@o1.ingest.example.com/42',
    });
    // A port, a path prefix (a self-hosted server under /sentry) and a legacy secret key,
    // which never reaches the envelope.
    const withPath = parseDsn(' http://abc:legacysecret@errors.local:9000/sentry/7 ');
    expect(withPath.envelopeUrl).toBe('http://errors.local:9000/sentry/api/7/envelope/');
    expect(withPath.publicDsn).toBe('http://abc@errors.local:9000/sentry/7');
  });

  it('refuses a malformed DSN with one INVALID_INPUT naming SENTRY_DSN, never echoing it', () => {
    const cases: [string, RegExp][] = [
      ['not a dsn', /not a URL/],
      ['ftp://key@host/1', /scheme must be https or http, not ftp/],
      ['https://host.example.com/1', /no public key/],
      ['https://key@host.example.com', /no project id/],
      ['https://key@host.example.com/', /no project id/],
      ['https://key:hunter2@host.example.com/1?x=1', /query or fragment/],
    ];
    for (const [dsn, why] of cases) {
      let thrown: unknown;
      try {
        parseDsn(dsn);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, dsn).toBeInstanceOf(BallastError);
      const error = thrown as BallastError;
      expect([error.code, error.details], dsn).toEqual(['INVALID_INPUT', { field: 'SENTRY_DSN' }]);
      expect(error.message, dsn).toMatch(/^SENTRY_DSN: /);
      expect(error.message, dsn).toMatch(why);
      expect(error.message, dsn).toContain('https://PUBLIC_KEY@host[:port]/PROJECT_ID');
      expect(error.message, dsn).not.toContain('hunter2');
    }
  });

  it('is off when SENTRY_DSN is unset or empty, and reads the environment and release', () => {
    const options = { release: 'ballast@1.2.3', log };
    expect(errorReporterFromEnv({}, options)).toBeUndefined();
    expect(errorReporterFromEnv({ SENTRY_DSN: '  ' }, options)).toBeUndefined();
    expect(errorReporterFromEnv({ SENTRY_DSN: dsnOf(server) }, options)).toBeDefined();
    expect(() => errorReporterFromEnv({ SENTRY_DSN: 'nope' }, options)).toThrow(/^SENTRY_DSN: /);
  });
});

describe('an INTERNAL failure of the API', () => {
  it('is posted as an envelope to /api/PROJECT_ID/envelope/ with X-Sentry-Auth', async () => {
    const api = failingApi(new Error('disk on fire'), reporterOf());
    const res = await api.request('/api/v1/portfolios?token=s3cr3t-query&name=x', {
      headers: {
        authorization: 'Bearer blst_secret-bearer-key',
        cookie: 'session=cookie-secret',
        'user-agent': 'test-agent/1.0',
        'x-request-id': 'req-500',
      },
    });
    // The client's answer is what it always was.
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      code: 'INTERNAL',
      message: 'an unexpected internal failure',
      details: { requestId: 'req-500' },
    });
    await server.received();
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/api/42/envelope/');
    expect(request!.headers['content-type']).toBe('application/x-sentry-envelope');
    expect(request!.headers['x-sentry-auth']).toBe(
      'Sentry sentry_version=7, sentry_key=pub123, sentry_client=ballast.error-report/1.0.0',
    );
    const event = onlyEvent();
    expect(event).toMatchObject({
      platform: 'node',
      level: 'error',
      release: 'ballast@9.9.9',
      environment: 'staging',
      server_name: 'test-host',
      transaction: 'GET /api/v1/portfolios',
      tags: { route: '/api/v1/portfolios', request_id: 'req-500', status: '500' },
      request: {
        method: 'GET',
        url: 'http://localhost/api/v1/portfolios',
        query_string: [
          ['token', '[Filtered]'],
          ['name', '[Filtered]'],
        ],
        headers: { 'user-agent': 'test-agent/1.0', 'x-request-id': 'req-500' },
      },
    });
    expect(typeof event['timestamp']).toBe('number');
    const values = event['exception'].values as Record<string, Json>[];
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({
      type: 'Error',
      value: 'disk on fire',
      mechanism: { type: 'auto.http.ballast.on_error', handled: false },
    });
    // Oldest call first: the newest frame is where the error was made, in this file.
    const frames = values[0]!['stacktrace'].frames as Record<string, Json>[];
    expect(frames.at(-1)).toMatchObject({
      filename: 'src/api/error-report.test.ts',
      in_app: true,
      lineno: expect.any(Number),
      colno: expect.any(Number),
    });
    // No credential, cookie or query value anywhere in what was sent.
    const sent = `${JSON.stringify(request!.headers)}${request!.body.toString('utf8')}`;
    for (const secret of ['secret-bearer-key', 'Bearer', 'cookie-secret', 's3cr3t-query'])
      expect(sent).not.toContain(secret);
    expect(Object.keys(event['request'].headers)).not.toContain('authorization');
  });

  it('carries the cause chain oldest first, with credentials in URLs masked', async () => {
    const inner = new Error('connect to postgres://ballast:pa55word@db:5432/ballast refused');
    const outer = new TypeError('store did not open', { cause: inner });
    await failingApi(outer, reporterOf()).request('/api/v1/portfolios');
    await server.received();
    const values = onlyEvent()['exception'].values as Record<string, Json>[];
    expect(values.map((v) => [v['type'], v['value']])).toEqual([
      ['Error', 'connect to postgres://ballast:***@db:5432/ballast refused'],
      ['TypeError', 'store did not open'],
    ]);
    expect(values[0]!['mechanism']).toBeUndefined();
    expect(values[1]!['mechanism']).toEqual({ type: 'auto.http.ballast.on_error', handled: false });
    expect(server.requests[0]!.body.toString('utf8')).not.toContain('pa55word');
  });

  it('reports a throw that is not an Error too', async () => {
    await failingApi('a string', reporterOf()).request('/api/v1/portfolios');
    await server.received();
    expect(onlyEvent()['exception'].values).toEqual([
      { type: 'Error', value: 'a string', mechanism: expect.any(Object) },
    ]);
  });

  it('is not reported for an answer that is not INTERNAL, nor without a reporter', async () => {
    const api = createApi(deps, { version: '9.9.9', errorReporter: reporterOf() });
    expect((await api.request('/api/v1/portfolios/ghost')).status).toBe(404);
    expect((await api.request('/api/v1/nowhere')).status).toBe(404);
    const bad = await api.request('/api/v1/portfolios', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(bad.status).toBe(400);
    expect((await failingApi(new Error('x')).request('/api/v1/portfolios')).status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toEqual([]);
  });
});

describe('sending', () => {
  it('never holds the response: a server that takes 5 s is cut off by the timeout, logged', async () => {
    server.reply = { delayMs: 5000 };
    const reporter = reporterOf({ timeoutMs: 2000 });
    const api = failingApi(new Error('slow'), reporter);
    const started = performance.now();
    const res = await api.request('/api/v1/portfolios');
    expect(res.status).toBe(500);
    // Waiting for the report would take the 2 s timeout at least.
    expect(performance.now() - started).toBeLessThan(1000);
    await reporter.flush(4000);
    expect(performance.now() - started).toBeLessThan(3500);
    expect(warnings).toEqual([
      expect.objectContaining({ eventId: expect.stringMatching(/^[0-9a-f]{32}$/) }),
    ]);
    expect(String(warnings[0]!['reason'])).toMatch(/abort|timeout/i);
  });

  it('logs a refusal and an unreachable server, and the request still answers', async () => {
    server.reply = { status: 403 };
    const reporter = reporterOf();
    reporter.capture(new Error('one'));
    await reporter.flush();
    expect(warnings).toEqual([expect.objectContaining({ status: 403 })]);
    const port = new URL(server.baseUrl).port;
    await server.close();
    const gone = createErrorReporter({
      dsn: parseDsn(`http://pub123@127.0.0.1:${port}/42`),
      release: 'r',
      log,
    });
    const res = await failingApi(new Error('two'), gone).request('/api/v1/portfolios');
    expect(res.status).toBe(500);
    await gone.flush();
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({ reason: expect.any(String) });
    server = await startEnvelopeServer();
  });

  it('pauses after a 429 for its Retry-After, and drops a burst beyond the posts under way', async () => {
    server.reply = { status: 429, headers: { 'retry-after': '30' } };
    const reporter = reporterOf();
    reporter.capture(new Error('first'));
    await reporter.flush();
    reporter.capture(new Error('second'));
    await reporter.flush();
    expect(server.requests).toHaveLength(1);
    expect(warnings.map((w) => w['reason'] ?? w['status'])).toEqual([429, 'rate limited']);

    server.reply = { delayMs: 300 };
    warnings = [];
    const burst = reporterOf();
    for (let i = 0; i < MAX_IN_FLIGHT + 5; i++) burst.capture(new Error(`burst ${i}`));
    await burst.flush();
    expect(server.requests).toHaveLength(1 + MAX_IN_FLIGHT);
    expect(warnings).toHaveLength(5);
    expect(warnings.every((w) => w['reason'] === 'too many under way')).toBe(true);
  });
});

describe('reportUncaught', () => {
  it('reports an uncaught exception as fatal, waits for it, then exits with code 1', async () => {
    const source = new EventEmitter();
    const exits: number[] = [];
    const errors: object[] = [];
    const uninstall = reportUncaught(reporterOf(), {
      log: { error: (fields) => void errors.push(fields) },
      transaction: 'ballast worker',
      exit: (code) => void exits.push(code),
      source,
    });
    server.reply = { delayMs: 200 };
    source.emit('uncaughtException', new RangeError('worker fell over'), 'uncaughtException');
    expect(exits).toEqual([]);
    await server.received();
    await expect.poll(() => exits, { timeout: 3000 }).toEqual([1]);
    const event = onlyEvent();
    expect(event).toMatchObject({ level: 'fatal', transaction: 'ballast worker' });
    expect(event['exception'].values.at(-1)).toMatchObject({
      type: 'RangeError',
      value: 'worker fell over',
      mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
    });
    expect(errors).toEqual([
      expect.objectContaining({
        origin: 'uncaughtException',
        err: expect.objectContaining({ message: 'worker fell over' }),
      }),
    ]);
    uninstall();
    expect(source.listenerCount('uncaughtException')).toBe(0);
  });

  it('marks an unhandled rejection (which Node raises as an uncaught exception)', async () => {
    const source = new EventEmitter();
    const exits: number[] = [];
    reportUncaught(reporterOf(), {
      log: { error: () => undefined },
      transaction: 'ballast serve',
      exit: (code) => void exits.push(code),
      source,
    });
    source.emit('uncaughtException', new Error('nobody awaited me'), 'unhandledRejection');
    await expect.poll(() => exits, { timeout: 3000 }).toEqual([1]);
    expect(onlyEvent()['exception'].values.at(-1).mechanism).toEqual({
      type: 'auto.node.onunhandledrejection',
      handled: false,
    });
  });
});

describe('framesOf', () => {
  it('reads V8 frames oldest first, relative to the package root, marking library code', () => {
    const root = new URL('../../', import.meta.url);
    const stack = [
      'Error: x',
      `    at inner (${new URL('src/api/app.ts', root).href}:10:5)`,
      `    at async Promise.all (index 0)`,
      `    at ${new URL('node_modules/hono/dist/hono.js', root).pathname}:3:7`,
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n');
    expect(framesOf(stack)).toEqual([
      expect.objectContaining({
        function: 'process.processTicksAndRejections',
        filename: 'node:internal/process/task_queues',
        in_app: false,
      }),
      expect.objectContaining({
        function: '?',
        filename: 'node_modules/hono/dist/hono.js',
        lineno: 3,
        colno: 7,
        in_app: false,
      }),
      expect.objectContaining({
        function: 'inner',
        filename: 'src/api/app.ts',
        lineno: 10,
        colno: 5,
        in_app: true,
      }),
    ]);
  });
});
