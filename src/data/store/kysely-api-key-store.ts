/**
 * The {@link ApiKeyStore} of a {@link KyselyMarketStore}: it reads and writes through the
 * market store's read and write paths, so each write is one transaction and joins the caller's
 * inside `store.transaction(fn)`.
 */

import type { Selectable } from 'kysely';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import type { ApiKeyScope, ApiKeyStore, NewApiKey, StoredApiKey } from './api-key-store.ts';
import type { PortfolioStoreAccess } from './kysely-portfolio-store.ts';
import { checkPortfolioName } from './portfolio-rows.ts';
import type { ApiKeysTable } from './schema.ts';
import { normalizeTimestamp } from './validate.ts';

type Access = PortfolioStoreAccess;

const HASH = /^[0-9a-f]{64}$/;
const PREFIX = /^[\x21-\x7e]{1,16}$/;

function checkId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
    throw invalidInput('id', id, 'must be a positive integer');
  return id;
}

function checkHash(hash: unknown): string {
  if (typeof hash !== 'string' || !HASH.test(hash))
    throw new BallastError('INVALID_INPUT', 'hash: must be 64 lower-case hex digits (SHA-256)', {
      field: 'hash',
    });
  return hash;
}

function checkScope(scope: unknown): ApiKeyScope {
  if (scope !== 'read' && scope !== 'write')
    throw invalidInput('scope', scope, 'must be read or write');
  return scope;
}

function checkPrefix(prefix: unknown): string {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix))
    throw invalidInput('prefix', prefix, 'must be 1 to 16 printable ASCII characters');
  return prefix;
}

function toStoredApiKey(row: Selectable<ApiKeysTable>): StoredApiKey {
  return {
    id: Number(row.id),
    name: row.name,
    scope: row.scope as ApiKeyScope,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function notFound(id: number): BallastError {
  return new BallastError('NOT_FOUND', `id: no API key with id ${id}`, { field: 'id', value: id });
}

/** {@link ApiKeyStore} over the market store's Kysely (module comment). */
export class KyselyApiKeyStore implements ApiKeyStore {
  readonly #access: Access;

  constructor(access: Access) {
    this.#access = access;
  }

  #now(): string {
    return normalizeTimestamp('clock.now()', this.#access.clock.now());
  }

  async create(key: NewApiKey): Promise<StoredApiKey> {
    const row = {
      name: checkPortfolioName('name', key.name),
      scope: checkScope(key.scope),
      key_hash: checkHash(key.hash),
      prefix: checkPrefix(key.prefix),
      created_at: this.#now(),
      last_used_at: null,
      revoked_at: null,
    };
    return this.#access.write(async (db) => {
      const taken = await db
        .selectFrom('api_keys')
        .select('id')
        .where('key_hash', '=', row.key_hash)
        .executeTakeFirst();
      if (taken !== undefined)
        throw new BallastError('CONFLICT', 'hash: a key with this hash is already stored', {
          field: 'hash',
        });
      const { id } = await db
        .insertInto('api_keys')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return toStoredApiKey({ ...row, id });
    });
  }

  async list(): Promise<StoredApiKey[]> {
    const rows = await this.#access.read((db) =>
      db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
    );
    return rows.map(toStoredApiKey);
  }

  async findByHash(hash: string): Promise<StoredApiKey | undefined> {
    const key = checkHash(hash);
    const row = await this.#access.read((db) =>
      db.selectFrom('api_keys').selectAll().where('key_hash', '=', key).executeTakeFirst(),
    );
    return row === undefined ? undefined : toStoredApiKey(row);
  }

  async revoke(id: number): Promise<StoredApiKey> {
    const keyId = checkId(id);
    const now = this.#now();
    return this.#access.write(async (db) => {
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', keyId)
        .executeTakeFirst();
      if (row === undefined) throw notFound(keyId);
      if (row.revoked_at !== null) return toStoredApiKey(row);
      await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', keyId).execute();
      return toStoredApiKey({ ...row, revoked_at: now });
    });
  }

  async touch(id: number): Promise<void> {
    const keyId = checkId(id);
    const now = this.#now();
    await this.#access.write(async (db) => {
      const result = await db
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', '=', keyId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound(keyId);
    });
  }
}
