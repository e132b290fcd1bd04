/**
 * The API-key part of the store: the keys of the HTTP API, on every engine of the market-data
 * store. Reach it as `store.apiKeys`; inside `store.transaction(fn)` use the callback's store.
 *
 * Only the SHA-256 of a key's secret is stored (the caller hashes it; keys are random 32-byte
 * secrets, so a plain hash is enough), with a short non-secret prefix to recognise the key in a
 * listing. No method returns a hash or a secret: {@link ApiKeyStore.findByHash} takes one.
 *
 * Conventions: a key is named by its id (a positive integer); an unknown id is NOT_FOUND naming
 * it. Every write validates its arguments first and runs in one transaction.
 */

/** What a key allows: `read` (GET) or `write` (every method). */
export type ApiKeyScope = 'read' | 'write';

/** The scopes, weakest first. */
export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['read', 'write'];

/** What {@link ApiKeyStore.create} needs. */
export interface NewApiKey {
  /** Trimmed, 1 to 100 characters, no control characters (need not be unique). */
  readonly name: string;
  readonly scope: ApiKeyScope;
  /** SHA-256 of the secret, 64 lower-case hex digits; unique. */
  readonly hash: string;
  /** The first characters of the key (not secret), 1 to 16 printable ASCII characters. */
  readonly prefix: string;
}

/** A stored key (never its hash). Timestamps are UTC ISO with milliseconds. */
export interface StoredApiKey {
  readonly id: number;
  readonly name: string;
  readonly scope: ApiKeyScope;
  readonly prefix: string;
  readonly createdAt: string;
  /** When it last authenticated a request, if ever (see {@link ApiKeyStore.touch}). */
  readonly lastUsedAt: string | null;
  /** When it was revoked; a revoked key authenticates nothing. */
  readonly revokedAt: string | null;
}

/** Stored API keys (module comment). */
export interface ApiKeyStore {
  /** Stores a new key created now. @throws CONFLICT when the hash is already stored. */
  create(key: NewApiKey): Promise<StoredApiKey>;

  /** Every key, revoked ones included, by id. */
  list(): Promise<StoredApiKey[]>;

  /** The key whose secret hashes to `hash`, revoked or not; undefined when there is none. */
  findByHash(hash: string): Promise<StoredApiKey | undefined>;

  /**
   * Revokes key `id` now; revoking a revoked key keeps its first `revokedAt`.
   * @returns the key as revoked. @throws NOT_FOUND
   */
  revoke(id: number): Promise<StoredApiKey>;

  /** Records that key `id` authenticated a request now (`lastUsedAt`). @throws NOT_FOUND */
  touch(id: number): Promise<void>;
}
