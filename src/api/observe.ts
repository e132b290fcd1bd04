/**
 * Request ids, the request log and the request metrics — one middleware that runs first, around
 * everything else — and `GET /metrics`.
 *
 * - Each request gets an id: a well-formed incoming `X-Request-Id` (1–128 of `A–Z a–z 0–9 . _
 *   : -`) is kept, anything else is replaced by a random UUID; the response carries it in
 *   `X-Request-Id`, and an INTERNAL error body in `details.requestId`.
 * - One log line per request (`log.ts`): at `info`, `warn` for 4xx, `error` for 5xx.
 * - Request count and latency by method, route pattern and status (`metrics.ts`).
 * - With an error reporter (`SENTRY_DSN`, `error-report.ts`), every INTERNAL failure — the
 *   original throw, with the request's method, URL without query values and safe headers —
 *   is reported in the background; the response does not wait for it.
 * - `GET /metrics`: the registry in the Prometheus text format, behind the guard it is given
 *   (`createApi` gives it the `/api/v1` guard: open without keys, any key's scope with them).
 */

import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ErrorReporter } from './error-report.ts';
import { onError } from './errors.ts';
import type { ApiLogger } from './log.ts';
import type { Metrics } from './metrics.ts';

/** Where the metrics are served. */
export const METRICS_PATH = '/metrics';

/** The route label of a request no route matched (a 404, or a method a path does not have). */
export const UNMATCHED = 'unmatched';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of a request: `header` when well formed (module comment), else a random UUID. */
export function requestIdOf(header: string | undefined): string {
  return header !== undefined && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * The pattern of the route that serves `c`, in OpenAPI form (`/api/v1/portfolios/{id}`): the
 * first matched route that is not a middleware of every method; {@link UNMATCHED} when none.
 */
export function routePattern(c: Context): string {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL');
  if (route === undefined) return UNMATCHED;
  return route.path.replaceAll(/:(\w+)(?:\{[^}]*\})?/g, '{$1}');
}

/** The log fields of the failure behind `c`'s response: its code, and for INTERNAL the cause. */
function failureFields(c: Context): object {
  const error = c.get('ballastError');
  if (error === undefined) return {};
  if (error.code !== 'INTERNAL') return { code: error.code };
  const cause = error.cause instanceof Error ? error.cause : error;
  return {
    code: error.code,
    err: { type: cause.name, message: cause.message, stack: cause.stack },
  };
}

/** Logs the line of a request: `fields` and the failure's; the level by `fields.status`. */
function logRequest(log: ApiLogger, c: Context, fields: { readonly status: number }): void {
  const line = { ...fields, ...failureFields(c) };
  if (fields.status >= 500) log.error(line, 'request');
  else if (fields.status >= 400) log.warn(line, 'request');
  else log.info(line, 'request');
}

/** Reports the INTERNAL failure behind `c`'s response, if any, to `reporter`. */
function reportFailure(
  reporter: ErrorReporter,
  c: Context,
  fields: { readonly requestId: string; readonly route: string; readonly status: number },
): void {
  const error = c.get('ballastError');
  if (error?.code !== 'INTERNAL') return;
  const { method, url } = c.req;
  reporter.capture(error.cause ?? error, {
    mechanism: 'auto.http.ballast.on_error',
    request: { method, url, headers: c.req.raw.headers },
    transaction: `${method} ${fields.route}`,
    tags: { route: fields.route, request_id: fields.requestId, status: String(fields.status) },
  });
}

/** The middleware of the module comment (mount it first, on `*`); `reporter`: INTERNAL failures. */
export function observe(
  log: ApiLogger,
  metrics: Metrics,
  reporter?: ErrorReporter,
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    try {
      await next();
    } catch (thrown) {
      // Hono hands only Error throws to the error handler; anything else ends here.
      c.res = onError(thrown, c);
    }
    const seconds = (performance.now() - started) / 1000;
    c.res.headers.set('X-Request-Id', requestId);
    const { method, path } = c.req;
    const { status } = c.res;
    const route = routePattern(c);
    metrics.observeRequest({ method, route, status, seconds });
    const ms = Math.round(seconds * 10_000) / 10;
    const line = { requestId, method, route, path, status, ms };
    logRequest(log, c, line);
    if (reporter !== undefined) reportFailure(reporter, c, line);
  };
}

/** Serves `metrics` at {@link METRICS_PATH} behind `guard`. */
export function mountMetricsRoute(
  app: OpenAPIHono,
  metrics: Metrics,
  guard: MiddlewareHandler,
): void {
  app.get(METRICS_PATH, guard, async (c) =>
    c.body(await metrics.registry.metrics(), 200, {
      'content-type': metrics.registry.contentType,
    }),
  );
}
