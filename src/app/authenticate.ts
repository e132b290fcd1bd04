/**
 * Use case `authenticate`: the API's check of an `Authorization` header. The key must be sent as
 * `Bearer <key>`; its SHA-256 is looked up in the store. Missing, malformed, unknown or revoked
 * keys are UNAUTHORIZED (401) naming `authorization`, without saying which of these it was
 * beyond what the caller already knows; a `read` key asking for `write` is FORBIDDEN (403).
 * The key's `lastUsedAt` is recorded, at most once a minute per key (a write per request would
 * serialise every request on SQLite).
 */

import type { ApiKeyScope, StoredApiKey } from '../data/store/api-key-store.ts';
import { KEY_PATTERN, keyHash } from './api-key-secret.ts';
import type { AppDeps } from './deps.ts';
import { BallastError } from './errors.ts';

/** Input of {@link authenticate}. */
export interface AuthenticateInput {
  /** The request's `Authorization` header, if any. */
  readonly authorization: string | undefined;
  /** The scope the request needs. */
  readonly scope: ApiKeyScope;
}

/** How often `lastUsedAt` is refreshed at most. */
export const TOUCH_INTERVAL_MS = 60_000;

const unauthorized = (why: string): BallastError =>
  new BallastError('UNAUTHORIZED', `authorization: ${why}`, { field: 'authorization' });

/** The bearer token of `header` (UNAUTHORIZED when absent or not `Bearer <key>`). */
function bearer(header: string | undefined): string {
  if (header === undefined || header.trim() === '')
    throw unauthorized('an API key is required: send "Authorization: Bearer <key>"');
  const match = /^Bearer +(\S+) *$/i.exec(header.trim());
  if (match === null) throw unauthorized('expected "Bearer <key>"');
  return match[1]!;
}

function mustTouch(key: StoredApiKey, nowMs: number): boolean {
  return key.lastUsedAt === null || nowMs - Date.parse(key.lastUsedAt) >= TOUCH_INTERVAL_MS;
}

/** The key that authenticates the request (module comment). */
export async function authenticate(
  input: AuthenticateInput,
  deps: Pick<AppDeps, 'store' | 'clock'>,
): Promise<StoredApiKey> {
  const token = bearer(input.authorization);
  if (!KEY_PATTERN.test(token)) throw unauthorized('not a valid API key');
  const store = await deps.store();
  const key = await store.apiKeys.findByHash(keyHash(token));
  if (key === undefined) throw unauthorized('not a valid API key');
  if (key.revokedAt !== null) throw unauthorized(`the key ${key.prefix}… was revoked`);
  if (input.scope === 'write' && key.scope !== 'write')
    throw new BallastError(
      'FORBIDDEN',
      `authorization: the key ${key.prefix}… is read-only (scope read); this request writes`,
      { field: 'authorization', scope: key.scope, required: 'write' },
    );
  if (mustTouch(key, Date.parse(deps.clock.now()))) await store.apiKeys.touch(key.id);
  return key;
}
