/**
 * Use case `keys revoke`: a revoked key authenticates nothing from then on (revoking it again
 * changes nothing). NOT_FOUND naming `id` when there is no such key.
 */

import * as z from 'zod';
import type { StoredApiKey } from '../data/store/api-key-store.ts';
import type { AppDeps } from './deps.ts';
import { parseInput } from './input.ts';

/** Input of {@link keyRevoke}: the key's id (a number or its digits). */
export const keyRevokeInputSchema = z.object({
  id: z.coerce.number().int().positive(),
});

/** What callers pass to {@link keyRevoke}. */
export type KeyRevokeInput = z.input<typeof keyRevokeInputSchema>;

/** Revokes the key and returns it as stored. */
export async function keyRevoke(
  raw: KeyRevokeInput,
  deps: Pick<AppDeps, 'store'>,
): Promise<StoredApiKey> {
  const input = parseInput(keyRevokeInputSchema, raw);
  return (await deps.store()).apiKeys.revoke(input.id);
}
