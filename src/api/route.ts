/**
 * One route: documented in the app's OpenAPI registry from the use case's own schemas, and
 * served by a handler that passes the raw request to the use case, which validates it once
 * (`parseInput`). Request schemas are therefore never run twice, and a bad field is the
 * INVALID_INPUT the CLI gives for the same input.
 */

import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as z from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { errorBodySchema } from './errors.ts';
import { declaresKnownAt, routeDeps } from './known-at.ts';

/**
 * A route handler: the request's context and its dependencies → the response. The dependencies
 * are the request's (`known-at.ts`): with `?knownAt=` on a route that declares it, market data
 * as known then — a handler uses them, not the server's captured when the route was mounted.
 */
export type RouteHandler = (c: Context, deps: AppDeps) => Promise<Response> | Response;

/** The error responses every route may give, from the error registry's statuses. */
export const ERROR_RESPONSES = {
  400: { description: 'INVALID_INPUT: a field, the body or a header is malformed (details.field)' },
  401: {
    description:
      'UNAUTHORIZED: keys are required and the bearer key is missing, unknown or revoked',
  },
  403: { description: 'FORBIDDEN: a read-scope key on a write (POST, PUT, PATCH, DELETE)' },
  404: { description: 'NOT_FOUND: an unknown portfolio or route' },
  413: { description: 'TOO_LARGE: the body is larger than the limit' },
  429: { description: 'RATE_LIMITED: over the per-caller limit; Retry-After gives the seconds' },
  500: { description: 'INTERNAL: an unexpected failure (details: only the requestId)' },
} as const;

/** `{ description }` with the error body as JSON. */
function withErrorBody(description: string) {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}

/** The error responses of a route: the common ones plus `extra` (status → description). */
export function errorResponses(extra: Readonly<Record<number, string>> = {}) {
  const all: Record<number, string> = {};
  for (const [status, { description }] of Object.entries(ERROR_RESPONSES))
    all[Number(status)] = description;
  for (const [status, description] of Object.entries(extra)) all[Number(status)] = description;
  return Object.fromEntries(
    Object.entries(all).map(([status, description]) => [status, withErrorBody(description)]),
  );
}

/** A JSON response documented by `description` (documents are described, not schema'd). */
export function jsonResponse(description: string) {
  return { description, content: { 'application/json': { schema: z.unknown() } } };
}

/**
 * Registers `route` in the OpenAPI document and serves it with `handler`, given the request's
 * dependencies; `knownAt` is accepted when the route's query declares it, refused otherwise.
 */
export function mount(app: OpenAPIHono, route: RouteConfig, handler: RouteHandler): void {
  app.openAPIRegistry.registerPath(route);
  const accepts = declaresKnownAt(route);
  app.on(route.method.toUpperCase(), route.path.replaceAll(/\/{(.+?)}/g, '/:$1'), (c) =>
    handler(c, routeDeps(c, accepts)),
  );
}
