/**
 * API-key secrets: `blst_` followed by 32 random bytes in base64url (43 characters). Only the
 * SHA-256 of the whole key (lower-case hex) is stored; the first {@link KEY_PREFIX_LENGTH}
 * characters are kept in the clear so a listing can name the key (they give away 42 of its 256
 * random bits).
 */

import { createHash, randomBytes } from 'node:crypto';

/** What every key starts with. */
export const KEY_MARK = 'blst_';

/** Characters of the key kept in the clear (`blst_` and 7 of the secret). */
export const KEY_PREFIX_LENGTH = 12;

/** The shape of a key: the mark and 43 base64url characters. */
export const KEY_PATTERN = /^blst_[A-Za-z0-9_-]{43}$/;

/** A new random key. */
export const newKey = (): string => `${KEY_MARK}${randomBytes(32).toString('base64url')}`;

/** The stored hash of `key`: SHA-256, lower-case hex. */
export const keyHash = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The non-secret prefix of `key`. */
export const keyPrefix = (key: string): string => key.slice(0, KEY_PREFIX_LENGTH);
