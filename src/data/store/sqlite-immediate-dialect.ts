/**
 * Kysely's SQLite dialect with write transactions opened by `BEGIN IMMEDIATE`: the transaction
 * takes SQLite's write lock when it begins, waiting (through the busy timeout) while another
 * process writes. A plain `BEGIN` starts as a reader and upgrades to a writer at its first write;
 * under WAL that upgrade fails at once with SQLITE_BUSY ("database is locked") when another
 * process committed in between — the busy timeout cannot help a snapshot that is already stale.
 * Reference: SQLite, "BEGIN TRANSACTION" (deferred, immediate and exclusive transactions) and
 * "Write-Ahead Logging" §2.2 (concurrency: one writer at a time).
 */

import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/** {@link SqliteDriver} whose transactions begin with `BEGIN IMMEDIATE`. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** {@link SqliteDialect} whose transactions begin with `BEGIN IMMEDIATE` (module comment). */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
