/**
 * Errors on the wire: every failure is `{ code, message, details }` with the HTTP status of its
 * code's row in the error registry. Unknown throws become INTERNAL with a fixed message (the
 * original goes to the log, never to the client, and no stack trace is ever sent).
 */

import type { Context } from 'hono';
import * as z from 'zod';
import { BallastError, httpStatusOf, toBallastError, type ErrorCode } from '../app/errors.ts';
import type { Logger } from '../app/deps.ts';

/** The error body (also published in the OpenAPI document). */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/** The wire body of `error`: internal failures say only that they happened. */
export function errorBody(error: BallastError): z.infer<typeof errorBodySchema> {
  if (error.code === 'INTERNAL')
    return { code: 'INTERNAL', message: 'an unexpected internal failure', details: {} };
  return error.toJSON();
}

/** A JSON response for `error` with its registry status. */
export function errorResponse(c: Context, error: BallastError): Response {
  const status = httpStatusOf(error.code) as 400;
  return c.json(errorBody(error), status);
}

/** The app's error handler: anything thrown → its coded JSON response. */
export function onError(log: Logger) {
  return (thrown: unknown, c: Context): Response => {
    const error = toBallastError(thrown);
    if (error.code === 'INTERNAL') {
      const cause =
        error.cause instanceof Error ? (error.cause.stack ?? error.message) : error.message;
      log.info(`${c.req.method} ${c.req.path}: ${cause}`);
    }
    return errorResponse(c, error);
  };
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
