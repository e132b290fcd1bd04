/**
 * Errors on the wire: every failure is `{ code, message, details }` with the HTTP status of its
 * code's row in the error registry. Unknown throws become INTERNAL with a fixed message and only
 * the request id in `details` (the original, with its stack, goes to the request's log line —
 * `observe.ts` — never to the client).
 */

import type { Context } from 'hono';
import * as z from 'zod';
import { BallastError, httpStatusOf, toBallastError, type ErrorCode } from '../app/errors.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's id (`observe.ts`). */
    requestId: string;
    /** The error the response reports, for the request log (set by {@link errorResponse}). */
    ballastError: BallastError;
  }
}

/** The error body (also published in the OpenAPI document). */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/**
 * The wire body of `error`: internal failures say only that they happened (with the request id,
 * when there is one, to find the log line).
 */
export function errorBody(
  error: BallastError,
  requestId?: string,
): z.infer<typeof errorBodySchema> {
  if (error.code === 'INTERNAL')
    return {
      code: 'INTERNAL',
      message: 'an unexpected internal failure',
      details: requestId === undefined ? {} : { requestId },
    };
  return error.toJSON();
}

/** A JSON response for `error` with its registry status (`error` is kept for the request log). */
export function errorResponse(c: Context, error: BallastError): Response {
  c.set('ballastError', error);
  const status = httpStatusOf(error.code) as 400;
  return c.json(errorBody(error, c.get('requestId')), status);
}

/** The app's error handler: anything thrown → its coded JSON response. */
export function onError(thrown: unknown, c: Context): Response {
  return errorResponse(c, toBallastError(thrown));
}

/** The response to a route that does not exist: NOT_FOUND naming the method and path. */
export function notFound(c: Context): Response {
  const route = `${c.req.method} ${c.req.path}`;
  return errorResponse(
    c,
    new BallastError('NOT_FOUND', `no route ${route}`, { field: 'route', value: route }),
  );
}

/** A {@link BallastError} with `code` naming the request part `field`. */
export function requestError(code: ErrorCode, field: string, message: string): BallastError {
  return new BallastError(code, `${field}: ${message}`, { field });
}
