/**
 * `?knownAt=<ISO time>` on the HTTP API (docs/data-versions.md): a route that computes from
 * market data reads it as it was known at that time, exactly as the CLI's `--known-at` does —
 * the store's versions known then (`knownAtDeps`), nothing fetched.
 *
 * Routes are created once over the server's dependencies; the dependencies of one request are
 * chosen per request instead: `createApi` puts the server's {@link AppDeps} on every request
 * ({@link provideDeps}) and `mount` hands each handler {@link routeDeps} — the server's, or
 * their known-at view when the request asks for one. A route accepts `knownAt` when its
 * OpenAPI query declares it ({@link withKnownAt}); any other route (a write such as
 * `POST /api/v1/data/fetch`, or a read of no market data) refuses it with INVALID_INPUT naming
 * `knownAt`, so a caller never gets today's data believing it is the past's. A run takes
 * `knownAt` in its body (`POST /api/v1/runs`).
 *
 * The read cache keys answers by the whole URL, query included, so an answer with `knownAt` is
 * never served for a request without it, nor for another time.
 */

import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { BallastError } from '../app/errors.ts';
import { knownAtDeps } from '../app/known-at-deps.ts';
import { requestError } from './errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The server's dependencies ({@link provideDeps}). */
    deps: AppDeps;
  }
}

/** The query parameter. */
export const KNOWN_AT = 'knownAt';

/** The `knownAt` query parameter as the OpenAPI document publishes it. */
export const knownAtQuery = z.object({
  knownAt: z
    .string()
    .optional()
    .describe(
      'Read market data as it was known at this ISO-8601 time with a time zone (e.g. 2026-01-05T21:00:00Z): the stored versions known then, nothing fetched (docs/data-versions.md)',
    ),
});

/** `query` with the `knownAt` parameter (the parameter alone without one). */
export function withKnownAt(query?: z.ZodObject): z.ZodObject {
  return query === undefined ? knownAtQuery : query.extend(knownAtQuery.shape);
}

/** Whether `route` declares the `knownAt` query parameter. */
export function declaresKnownAt(route: RouteConfig): boolean {
  const query = route.request?.query as unknown;
  return query instanceof z.ZodObject && Object.hasOwn(query.shape, KNOWN_AT);
}

/** Puts the server's `deps` on every request (for {@link routeDeps}). */
export function provideDeps(deps: AppDeps): MiddlewareHandler {
  return (c, next) => {
    c.set('deps', deps);
    return next();
  };
}

/**
 * The dependencies of this request: the server's, or — with `?knownAt=` on a route that
 * `accepts` it — their view as known then.
 *
 * @throws BallastError INVALID_INPUT naming `knownAt`: given to a route that does not accept
 *   it, given twice, or not an ISO-8601 timestamp with a time zone
 */
export function routeDeps(c: Context, accepts: boolean): AppDeps {
  const deps = c.get('deps') as AppDeps | undefined;
  if (deps === undefined) throw new BallastError('INTERNAL', 'no dependencies on the request');
  const given = c.req.queries(KNOWN_AT);
  if (given === undefined || given.length === 0) return deps;
  if (!accepts)
    throw requestError(
      'INVALID_INPUT',
      KNOWN_AT,
      `not accepted by ${c.req.method} ${routePath(c)}: it writes, or reads no market data (a run takes knownAt in its body)`,
    );
  if (given.length > 1) throw requestError('INVALID_INPUT', KNOWN_AT, 'give it once');
  return knownAtDeps(deps, given[0]!, KNOWN_AT);
}
