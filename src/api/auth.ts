/**
 * Authentication and the rate limit of `/api/v1`. With keys required, every request needs
 * `Authorization: Bearer <key>` (a key of `ballast keys create`): a missing, unknown or revoked
 * key is 401 UNAUTHORIZED with `WWW-Authenticate: Bearer`, and a `read` key on a write
 * (anything but GET, HEAD, OPTIONS) is 403 FORBIDDEN. Then each caller — the key, or without
 * keys the remote address — has its token bucket: over the limit is 429 RATE_LIMITED with
 * `Retry-After` in seconds; requests refused with 401 count against their remote address, so
 * guessing keys is limited too. The routes that describe the service (`/api/health`, `/api/ready`,
 * `/api/openapi.json`, `/api/docs`) are outside `/api/v1` and stay open.
 */

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { authenticate } from '../app/authenticate.ts';
import type { AppDeps } from '../app/deps.ts';
import { BallastError, invalidInput } from '../app/errors.ts';
import { errorResponse } from './errors.ts';
import { DEFAULT_RATE_LIMIT, TokenBuckets, type RateLimitOptions } from './rate-limit.ts';

/** Whether `/api/v1` requires an API key. */
export type AuthMode = 'off' | 'required';

/** The name of the bearer scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearer';

/** Methods that only read (a `read` key may use them). */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The remote address of a request served by `@hono/node-server` ('unknown' in process). */
function remoteAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function checkRateLimit(options: RateLimitOptions): RateLimitOptions {
  for (const field of ['requests', 'windowSeconds'] as const) {
    const value = options[field];
    if (!Number.isFinite(value) || value <= 0)
      throw invalidInput(`rateLimit.${field}`, value, 'must be a positive number');
  }
  return options;
}

/** The 401 response of `error`, with the challenge. */
function challenge(c: Context, error: BallastError): Response {
  const res = errorResponse(c, error);
  res.headers.set('WWW-Authenticate', 'Bearer');
  return res;
}

/** The caller of a request: its key's id when keys are required, else its address. */
async function callerOf(c: Context, deps: AppDeps, auth: AuthMode): Promise<string | Response> {
  if (auth === 'off') return `address:${remoteAddress(c)}`;
  const scope = READ_METHODS.has(c.req.method) ? 'read' : 'write';
  try {
    const key = await authenticate({ authorization: c.req.header('authorization'), scope }, deps);
    return `key:${key.id}`;
  } catch (error) {
    if (error instanceof BallastError && error.code === 'UNAUTHORIZED') return challenge(c, error);
    throw error;
  }
}

/** The middleware of `/api/v1` (module comment); `rateLimit: false` turns the limit off. */
export function guard(
  deps: AppDeps,
  auth: AuthMode,
  rateLimit: RateLimitOptions | false = DEFAULT_RATE_LIMIT,
): MiddlewareHandler {
  const buckets = rateLimit === false ? undefined : new TokenBuckets(checkRateLimit(rateLimit));
  const limited = (c: Context, caller: string): Response | undefined => {
    const wait = buckets?.take(caller, Date.parse(deps.clock.now()));
    if (wait === undefined) return undefined;
    const limit = rateLimit as RateLimitOptions;
    const res = errorResponse(
      c,
      new BallastError(
        'RATE_LIMITED',
        `rate limit: more than ${limit.requests} requests in ${limit.windowSeconds} s; retry in ${wait} s`,
        { field: 'rate limit', retryAfter: wait, ...limit },
      ),
    );
    res.headers.set('Retry-After', String(wait));
    return res;
  };
  return async (c, next) => {
    const caller = await callerOf(c, deps, auth);
    // A refused key counts against the address it came from (guessing keys is limited too).
    if (caller instanceof Response) return limited(c, `address:${remoteAddress(c)}`) ?? caller;
    const refused = limited(c, caller);
    if (refused !== undefined) return refused;
    await next();
    return undefined;
  };
}

/** Declares the bearer scheme in `app`'s OpenAPI document. */
export function registerBearerScheme(app: OpenAPIHono): void {
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of `ballast keys create` (scope read: GET only; write: every method)',
  });
}
