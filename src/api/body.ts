/**
 * Request bodies → use-case inputs. JSON bodies are parsed here and validated by the use case
 * itself (its zod schema through `parseInput`, so a bad field is the same INVALID_INPUT the CLI
 * gives). File inputs come inline only (`{ text, name }`): a `{ path }` source would read the
 * server's own files, so it is refused before the use case runs.
 */

import type { Context } from 'hono';
import { BallastError } from '../app/errors.ts';
import { fieldPath } from '../app/input.ts';
import { requestError } from './errors.ts';

/** The media type of the request, lower-cased without parameters (`''` when absent). */
export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The first `{ path }` source inside `value`, as a field path, or undefined. */
function pathSource(value: unknown, at: PropertyKey[]): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Array.isArray(value) && Object.keys(value).includes('path'))
    return fieldPath([...at, 'path']);
  for (const [key, inner] of Object.entries(value)) {
    const found = pathSource(inner, [...at, Array.isArray(value) ? Number(key) : key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Refuses file paths anywhere in a request body (see the module comment). */
export function refusePaths(body: unknown): unknown {
  const field = pathSource(body, []);
  if (field !== undefined)
    throw new BallastError(
      'INVALID_INPUT',
      `${field}: files are not read from the server's disk: send the content as { text, name }`,
      { field },
    );
  return body;
}

/** The JSON body of the request (INVALID_INPUT naming `body` when it is not JSON). */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = mediaType(c);
  if (type !== 'application/json')
    throw requestError(
      'INVALID_INPUT',
      'content-type',
      `expected application/json (got "${type}")`,
    );
  const text = await c.req.text();
  try {
    return refusePaths(JSON.parse(text));
  } catch (error) {
    if (error instanceof BallastError) throw error;
    throw requestError('INVALID_INPUT', 'body', `not JSON (${(error as Error).message})`);
  }
}
