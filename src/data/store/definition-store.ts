/**
 * The definitions parts of the store: a user's own named fund definitions
 * (`store.fundDefinitions`) and named universes (`store.universes`), on every engine of the
 * market-data store. Inside `store.transaction(fn)` use the callback's store.
 *
 * Conventions on every method:
 * - A definition is named by its `name`: trimmed, 1 to 64 characters of letters, digits, `.`,
 *   `_` and `-`, starting with a letter or a digit (it goes in URLs and on command lines);
 *   names are case-sensitive. An unknown name is NOT_FOUND naming `name`.
 * - `put` creates or replaces by name, in one statement (of concurrent puts of one name the
 *   last wins): a replaced definition keeps its `createdAt`, and `updatedAt` is the store
 *   clock's now. Every write grows the store's data version.
 * - Arguments are checked before anything is written (INVALID_INPUT naming the field). The
 *   store does not judge a fund file's content: the use cases validate it first.
 * - Absent optional fields are absent on read. Timestamps are UTC ISO with milliseconds.
 */

/** A definition name: 1 to 64 letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const DEFINITION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What {@link FundDefinitionStore.put} needs. */
export interface NewFundDefinitions {
  readonly name: string;
  /** The fund file's text as given (YAML or JSON), non-empty, at most 1 MiB. */
  readonly text: string;
  /** Where the text came from (a file name), 1 to 200 characters; default `name`. */
  readonly source?: string;
}

/** Stored fund definitions. */
export interface StoredFundDefinitions {
  readonly name: string;
  readonly text: string;
  readonly source: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What {@link UniverseStore.put} needs. */
export interface NewUniverse {
  readonly name: string;
  /**
   * Symbols or exposure ids, 1 to 1000, each trimmed and upper-cased, without spaces or
   * commas; one listed twice is INVALID_INPUT naming `symbols[i]`. Order is kept.
   */
  readonly symbols: readonly string[];
  /** A free-text note, trimmed, at most 500 characters (empty: none). */
  readonly description?: string;
}

/** A stored universe. */
export interface StoredUniverse {
  readonly name: string;
  readonly symbols: readonly string[];
  readonly description?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a put did: the stored value, and whether the name was new. */
export interface PutResult<T> {
  readonly stored: T;
  readonly created: boolean;
}

/** Named values of one kind (module comment). */
export interface NamedStore<New, Stored> {
  /** Creates or replaces the value named `value.name`. */
  put(value: New): Promise<PutResult<Stored>>;

  /** The value `name`. @throws NOT_FOUND */
  get(name: string): Promise<Stored>;

  /** The value `name`, or undefined when there is none. */
  find(name: string): Promise<Stored | undefined>;

  /** Every value, sorted by name (code-unit order). */
  list(): Promise<Stored[]>;

  /** Deletes the value `name`. @returns what was deleted. @throws NOT_FOUND */
  delete(name: string): Promise<Stored>;
}

/** Named fund definitions (module comment). */
export type FundDefinitionStore = NamedStore<NewFundDefinitions, StoredFundDefinitions>;

/** Named universes (module comment). */
export type UniverseStore = NamedStore<NewUniverse, StoredUniverse>;
