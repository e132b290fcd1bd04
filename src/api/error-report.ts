/**
 * Optional error reporting to a Sentry-compatible service (Sentry, self-hosted Sentry, GlitchTip,
 * …) when `SENTRY_DSN` is set — without an SDK: one event per failure, posted as an envelope.
 *
 * - The DSN is `https://PUBLIC_KEY@host[:port][/path]/PROJECT_ID` ({@link parseDsn}); anything
 *   else is one INVALID_INPUT error naming `SENTRY_DSN`, raised when the process starts.
 * - Each event goes to `<base>/api/PROJECT_ID/envelope/` with `X-Sentry-Auth: Sentry
 *   sentry_version=7, sentry_key=…, sentry_client=…`: an envelope header line (`event_id`,
 *   `sent_at`, `dsn`, `sdk`), an item header line (`type: event`, `length` in bytes) and the event
 *   JSON ({@link buildEnvelope}).
 * - The event carries the exception chain (the original failure last, its `cause`s before it,
 *   oldest first, as the format wants), each with its stack as frames (oldest call first, file
 *   names relative to the package root, `in_app` false for `node_modules` and `node:`), `level`,
 *   `release`, `environment`, `server_name`, the route as `transaction`, and tags.
 * - A request's URL goes without its query values (the names stay, each `[Filtered]`), its
 *   headers only from {@link SAFE_HEADERS} (never `Authorization` or `Cookie`), and no body.
 *   `user:password@` in any message or stack is masked.
 * - Sending never blocks or fails the caller: {@link ErrorReporter.capture} returns at once; the
 *   post has a timeout (default 3 s); a failure, a refusal or a dropped event is a `warn` line in
 *   the log. At most {@link MAX_IN_FLIGHT} posts are under way at once (a burst of failures
 *   drops the rest), and a `429` pauses sending for its `Retry-After` (default 60 s).
 *
 * The HTTP API reports every INTERNAL (500) failure through its `errorReporter` option
 * (`observe.ts`); `ballast serve` and `ballast worker` also report uncaught exceptions
 * ({@link reportUncaught}) and failures that end the command (`src/cli/error-reporting.ts`).
 *
 * @example
 * ```ts
 * const reporter = createErrorReporter({
 *   dsn: parseDsn('https://abc123@o1.ingest.example.com/42'),
 *   release: 'ballast@0.1.0',
 *   log,
 * });
 * reporter.capture(new Error('disk on fire'), { tags: { route: '/api/v1/portfolios' } });
 * await reporter.flush(2000);
 * ```
 */

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BallastError } from '../app/errors.ts';
import type { ApiLogger } from './log.ts';

/** The environment variable that turns reporting on. */
export const DSN_VARIABLE = 'SENTRY_DSN';

/** Request headers an event may carry; every other header (credentials, cookies) is left out. */
export const SAFE_HEADERS: readonly string[] = [
  'accept',
  'content-length',
  'content-type',
  'user-agent',
  'x-request-id',
];

/** Posts under way at once; a capture beyond them is dropped (and logged). */
export const MAX_IN_FLIGHT = 20;

/** A parsed DSN. */
export interface Dsn {
  readonly publicKey: string;
  readonly projectId: string;
  /** `protocol://host[:port][/path]`, without the key. */
  readonly baseUrl: string;
  /** Where envelopes go: `<baseUrl>/api/<projectId>/envelope/`. */
  readonly envelopeUrl: string;
  /** The DSN as the envelope header carries it: the public key, never a secret. */
  readonly publicDsn: string;
}

const EXPECTED = 'expected https://PUBLIC_KEY@host[:port]/PROJECT_ID';

function dsnError(why: string): BallastError {
  return new BallastError('INVALID_INPUT', `${DSN_VARIABLE}: ${why} (${EXPECTED})`, {
    field: DSN_VARIABLE,
  });
}

/**
 * Parses a DSN (module comment). Its value is never echoed in the error: a DSN may hold a
 * legacy secret key.
 */
export function parseDsn(text: string): Dsn {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw dsnError('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw dsnError(`the scheme must be https or http, not ${url.protocol.slice(0, -1)}`);
  if (url.username === '') throw dsnError('no public key before the @');
  if (url.search !== '' || url.hash !== '') throw dsnError('a query or fragment is not allowed');
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const projectId = segments.pop();
  if (projectId === undefined) throw dsnError('no project id at the end of the path');
  const path = segments.length === 0 ? '' : `/${segments.join('/')}`;
  const baseUrl = `${url.protocol}//${url.host}${path}`;
  const publicKey = decodeURIComponent(url.username);
  return {
    publicKey,
    projectId,
    baseUrl,
    envelopeUrl: `${baseUrl}/api/${projectId}/envelope/`,
    publicDsn: `${url.protocol}//${url.username}@${url.host}${path}/${projectId}`,
  };
}

/** The request an error happened in (its URL and headers are filtered, module comment). */
export interface ReportedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Headers;
}

/** What goes with a captured error. */
export interface ReportContext {
  /** `error` (default) or `fatal` (the process ends). */
  readonly level?: 'error' | 'fatal';
  /** How it was caught (the exception's `mechanism.type`); default `generic`. */
  readonly mechanism?: string;
  /** Whether the program handled it; default false. */
  readonly handled?: boolean;
  readonly request?: ReportedRequest;
  /** What was being done: `GET /api/v1/portfolios/{id}`, `ballast worker`. */
  readonly transaction?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Sends failures to the service of a DSN (module comment). */
export interface ErrorReporter {
  /** Sends `error` in the background and returns the event id; never throws. */
  capture(error: unknown, context?: ReportContext): string;
  /** Resolves when the posts under way have ended, or after `timeoutMs` (default 3000). */
  flush(timeoutMs?: number): Promise<void>;
}

/** The fetch the reporter posts with (the global one by default). */
export type ReportFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Options of {@link createErrorReporter}. */
export interface ErrorReporterOptions {
  readonly dsn: Dsn;
  /** `ballast@0.1.0` (or `SENTRY_RELEASE`). */
  readonly release: string;
  /** Default `production`. */
  readonly environment?: string;
  /** Where failures to send go (`warn`). */
  readonly log: Pick<ApiLogger, 'warn'>;
  readonly fetch?: ReportFetch;
  /** Timeout of one post in ms; default 3000. */
  readonly timeoutMs?: number;
  /** Default the host name. */
  readonly serverName?: string;
  /** Default the clock. */
  readonly now?: () => Date;
}

/** The client name in `X-Sentry-Auth` and the envelope's `sdk`. */
export const CLIENT = { name: 'ballast.error-report', version: '1.0.0' } as const;

/** The package root (this module is two levels below it: `src/api/`, `dist/api/`, `dist/bin/`). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `user:password@` in URLs within `text`, masked. */
export const maskCredentials = (text: string): string =>
  text.replace(/\/\/([^:/@\s]+):[^@\s]*@/g, '//$1:***@');

/** One stack frame in the event format. */
interface Frame {
  readonly function: string;
  readonly filename: string;
  readonly abs_path: string;
  readonly lineno: number;
  readonly colno: number;
  readonly in_app: boolean;
}

const FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;

/** The frames of a V8 stack, oldest call first (the event format's order). */
export function framesOf(stack: string | undefined): Frame[] {
  const frames: Frame[] = [];
  for (const line of (stack ?? '').split('\n')) {
    const match = FRAME.exec(line);
    if (match === null) continue;
    const [, fn, location = '', lineno = '0', colno = '0'] = match;
    const absPath = location.startsWith('file://') ? fileURLToPath(location) : location;
    const filename = absPath.startsWith(ROOT) ? absPath.slice(ROOT.length) : absPath;
    frames.push({
      function: fn ?? '?',
      filename,
      abs_path: absPath,
      lineno: Number(lineno),
      colno: Number(colno),
      in_app: !absPath.startsWith('node:') && !absPath.includes('/node_modules/'),
    });
  }
  return frames.slice(0, 100).reverse();
}

/** The exception chain of `error`: its causes first (oldest), `error` last; at most 5. */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && chain.length < 5 && !chain.includes(e);) {
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  return chain.reverse();
}

function exceptionOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: 'Error', value: maskCredentials(String(error)) };
  const value = error instanceof BallastError ? `[${error.code}] ${error.message}` : error.message;
  const frames = framesOf(maskCredentials(error.stack ?? ''));
  return {
    type: error.name,
    value: maskCredentials(value),
    ...(frames.length === 0 ? {} : { stacktrace: { frames } }),
  };
}

/** The request interface of an event: no query values, safe headers only, no body. */
function requestOf(request: ReportedRequest): Record<string, unknown> {
  const url = new URL(request.url);
  const query = [...url.searchParams.keys()].map((name) => [name, '[Filtered]']);
  const headers: Record<string, string> = {};
  for (const name of SAFE_HEADERS) {
    const value = request.headers?.get(name);
    if (value !== null && value !== undefined) headers[name] = value;
  }
  return {
    method: request.method,
    url: `${url.origin}${url.pathname}`,
    ...(query.length === 0 ? {} : { query_string: query }),
    headers,
  };
}

/** The event of `error` (module comment). */
export function eventOf(
  error: unknown,
  context: ReportContext,
  options: { eventId: string; now: Date; release: string; environment: string; serverName: string },
): Record<string, unknown> {
  const values = chainOf(error).map(exceptionOf);
  const last = values.at(-1);
  if (last !== undefined)
    last['mechanism'] = { type: context.mechanism ?? 'generic', handled: context.handled ?? false };
  return {
    event_id: options.eventId,
    timestamp: options.now.getTime() / 1000,
    platform: 'node',
    level: context.level ?? 'error',
    logger: 'ballast',
    server_name: options.serverName,
    release: options.release,
    environment: options.environment,
    ...(context.transaction === undefined ? {} : { transaction: context.transaction }),
    tags: context.tags ?? {},
    contexts: { runtime: { name: 'node', version: process.version } },
    ...(context.request === undefined ? {} : { request: requestOf(context.request) }),
    exception: { values },
    sdk: CLIENT,
  };
}

/** The envelope of one event: header line, item header line (with the length in bytes), event. */
export function buildEnvelope(event: Record<string, unknown>, dsn: Dsn, sentAt: Date): string {
  const payload = JSON.stringify(event);
  const header = {
    event_id: event['event_id'],
    sent_at: sentAt.toISOString(),
    dsn: dsn.publicDsn,
    sdk: CLIENT,
  };
  const item = {
    type: 'event',
    content_type: 'application/json',
    length: Buffer.byteLength(payload),
  };
  return `${JSON.stringify(header)}\n${JSON.stringify(item)}\n${payload}\n`;
}

/** The `X-Sentry-Auth` header of `dsn`. */
export const authHeader = (dsn: Dsn): string =>
  `Sentry sentry_version=7, sentry_key=${dsn.publicKey}, sentry_client=${CLIENT.name}/${CLIENT.version}`;

/** Seconds of a `Retry-After` header (default 60). */
function retryAfterMs(value: string | null): number {
  const seconds = Number(value);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** A reporter posting to `options.dsn` (module comment). */
export function createErrorReporter(options: ErrorReporterOptions): ErrorReporter {
  const post = options.fetch ?? ((url, init) => fetch(url, init));
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 3000;
  const base = {
    release: options.release,
    environment: options.environment ?? 'production',
    serverName: options.serverName ?? hostname(),
  };
  const inFlight = new Set<Promise<void>>();
  let pausedUntil = 0;

  const send = async (eventId: string, body: string): Promise<void> => {
    try {
      const res = await post(options.dsn.envelopeUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-sentry-envelope',
          'x-sentry-auth': authHeader(options.dsn),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 429)
        pausedUntil = now().getTime() + retryAfterMs(res.headers.get('retry-after'));
      if (!res.ok)
        options.log.warn({ eventId, status: res.status }, 'error report refused by SENTRY_DSN');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      options.log.warn({ eventId, reason }, 'error report not sent to SENTRY_DSN');
    }
  };

  return {
    capture(error, context = {}) {
      const eventId = randomUUID().replaceAll('-', '');
      try {
        const at = now();
        if (at.getTime() < pausedUntil || inFlight.size >= MAX_IN_FLIGHT) {
          const reason = inFlight.size >= MAX_IN_FLIGHT ? 'too many under way' : 'rate limited';
          options.log.warn({ eventId, reason }, 'error report dropped');
          return eventId;
        }
        const event = eventOf(error, context, { ...base, eventId, now: at });
        const sending = send(eventId, buildEnvelope(event, options.dsn, at));
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
      } catch (failure) {
        const reason = failure instanceof Error ? failure.message : String(failure);
        options.log.warn({ eventId, reason }, 'error report not built');
      }
      return eventId;
    },
    async flush(ms = 3000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
        timer.unref();
      });
      await Promise.race([Promise.allSettled([...inFlight]).then(() => undefined), timeout]);
      clearTimeout(timer);
    },
  };
}

/** Options of {@link errorReporterFromEnv}. */
export type EnvReporterOptions = Omit<ErrorReporterOptions, 'dsn' | 'release' | 'environment'> & {
  /** The release when `SENTRY_RELEASE` is unset (`ballast@<version>`). */
  readonly release: string;
};

/**
 * The reporter `env` asks for: none when `SENTRY_DSN` is unset or empty; else one posting to
 * it, with `SENTRY_ENVIRONMENT` (default `production`) and `SENTRY_RELEASE` (default
 * `options.release`). A malformed DSN throws INVALID_INPUT naming `SENTRY_DSN`.
 */
export function errorReporterFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: EnvReporterOptions,
): ErrorReporter | undefined {
  const text = env[DSN_VARIABLE]?.trim();
  if (text === undefined || text === '') return undefined;
  const environment = env['SENTRY_ENVIRONMENT']?.trim();
  const release = env['SENTRY_RELEASE']?.trim();
  return createErrorReporter({
    ...options,
    dsn: parseDsn(text),
    release: release === undefined || release === '' ? options.release : release,
    ...(environment === undefined || environment === '' ? {} : { environment }),
  });
}

/** The part of `process` {@link reportUncaught} uses (a test passes an emitter). */
export interface UncaughtSource {
  on(event: 'uncaughtException', listener: (error: unknown, origin: string) => void): unknown;
  off(event: 'uncaughtException', listener: (error: unknown, origin: string) => void): unknown;
}

/** Options of {@link reportUncaught}. */
export interface UncaughtOptions {
  readonly log: Pick<ApiLogger, 'error'>;
  /** What the process was doing (`ballast serve`): the event's transaction. */
  readonly transaction: string;
  /** Ends the process (default `process.exit`). */
  readonly exit?: (code: number) => void;
  /** How long to wait for the report before exiting, ms (default 2000). */
  readonly flushMs?: number;
  readonly source?: UncaughtSource;
}

/**
 * Reports an uncaught exception (and an unhandled rejection, which Node raises as one) as a
 * `fatal` event, logs it, waits for the report (at most `flushMs`) and exits with code 1 — what
 * Node does without a handler, less the wait. Returns the function that removes the handler.
 */
export function reportUncaught(reporter: ErrorReporter, options: UncaughtOptions): () => void {
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let ending = false;
  const listener = (error: unknown, origin: string): void => {
    const err =
      error instanceof Error
        ? { type: error.name, message: error.message, stack: error.stack }
        : { message: String(error) };
    options.log.error({ err, origin }, 'uncaught exception: exiting');
    if (ending) return;
    ending = true;
    reporter.capture(error, {
      level: 'fatal',
      handled: false,
      mechanism:
        origin === 'unhandledRejection'
          ? 'auto.node.onunhandledrejection'
          : 'auto.node.onuncaughtexception',
      transaction: options.transaction,
    });
    void reporter.flush(options.flushMs ?? 2000).finally(() => exit(1));
  };
  source.on('uncaughtException', listener);
  return () => void source.off('uncaughtException', listener);
}
