/**
 * Use case `keys create`: a new API key for the HTTP API. The secret is generated here
 * (`node:crypto` randomBytes, 32 bytes), returned ONCE in the document and never stored: the
 * store keeps its SHA-256 and a short prefix.
 *
 * @example
 * ```ts
 * const { key, id } = await keyCreate({ scope: 'read', name: 'dashboard' }, deps);
 * // key: 'blst_…' — show it now; it cannot be read back
 * ```
 */

import * as z from 'zod';
import type { StoredApiKey } from '../data/store/api-key-store.ts';
import { keyHash, keyPrefix, newKey } from './api-key-secret.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';
import { portfolioNameSchema } from './stored-ledger.ts';

export type { ApiKeyScope, StoredApiKey } from '../data/store/api-key-store.ts';

/** A key's scope: `read` (GET requests) or `write` (every request). */
export const apiKeyScopeSchema = z.enum(['read', 'write']);

/** Input of {@link keyCreate}. */
export const keyCreateInputSchema = z.object({
  scope: apiKeyScopeSchema,
  /** A label (1 to 100 characters); default the key's prefix. */
  name: portfolioNameSchema.optional(),
});

/** What callers pass to {@link keyCreate}. */
export type KeyCreateInput = z.input<typeof keyCreateInputSchema>;

/** The `keys create` document: the stored key and, this once, its secret `key`. */
export interface KeyCreateDocument extends StoredApiKey {
  readonly key: string;
}

/** Creates a key; the returned `key` is the only copy of the secret. */
export async function keyCreate(
  raw: KeyCreateInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<KeyCreateDocument> {
  const input = parseInput(keyCreateInputSchema, raw);
  const store = await deps.store();
  const key = newKey();
  const prefix = keyPrefix(key);
  const stored = await store.apiKeys.create({
    name: input.name ?? prefix,
    scope: input.scope,
    hash: keyHash(key),
    prefix,
  });
  return { ...stored, key };
}
