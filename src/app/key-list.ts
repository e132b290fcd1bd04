/**
 * Use case `keys list`: the stored API keys — id, name, scope, prefix and times — never a
 * secret or a hash (the store returns neither).
 */

import type { StoredApiKey } from '../data/store/api-key-store.ts';
import type { AppDeps } from './deps.ts';

/** Every key, revoked ones included, by id. */
export async function keyList(
  _input: Record<string, never>,
  deps: Pick<AppDeps, 'store'>,
): Promise<StoredApiKey[]> {
  return (await deps.store()).apiKeys.list();
}
