/**
 * The {@link AlertStore} of a {@link KyselyMarketStore}: reads and writes through the market
 * store's paths, so `add` is one transaction and joins the caller's inside `store.transaction`.
 */

import type { Selectable } from 'kysely';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { invalidInput } from '../../domain/errors.ts';
import type { AlertStore, ListAlertsOptions, NewAlert, StoredAlert } from './alert-store.ts';
import type { PortfolioStoreAccess } from './kysely-portfolio-store.ts';
import type { AlertsTable } from './schema.ts';
import { checkText, normalizeKey, normalizeTimestamp, positiveInteger } from './validate.ts';

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

function checkCode(field: string, code: unknown): string {
  if (typeof code !== 'string' || !CODE.test(code))
    throw invalidInput(field, code, 'must be upper-case letters, digits and _ (at most 64)');
  return code;
}

function checkBounded(field: string, value: unknown, max: number): string {
  const text = checkText(field, value);
  if (text.length > max) throw invalidInput(field, value, `must be at most ${max} characters`);
  return text;
}

function checkDetails(field: string, details: unknown): string {
  if (details === undefined) return '{}';
  if (typeof details !== 'object' || details === null || Array.isArray(details))
    throw invalidInput(field, details, 'must be a JSON object');
  return JSON.stringify(details);
}

function toRow(alert: NewAlert, i: number, createdAt: string): Omit<AlertsTable, 'id'> {
  if (typeof alert !== 'object' || alert === null)
    throw invalidInput(`alerts[${i}]`, alert, 'must be an alert object');
  return {
    created_at: createdAt,
    symbol: normalizeKey(`alerts[${i}].symbol`, alert.symbol),
    code: checkCode(`alerts[${i}].code`, alert.code),
    message: checkBounded(`alerts[${i}].message`, alert.message, 2000),
    details: checkDetails(`alerts[${i}].details`, alert.details),
    source: checkBounded(`alerts[${i}].source`, alert.source, 100),
  };
}

function toStoredAlert(row: Selectable<AlertsTable>): StoredAlert {
  return {
    id: Number(row.id),
    createdAt: row.created_at,
    symbol: row.symbol,
    code: row.code,
    message: row.message,
    details: JSON.parse(row.details) as Record<string, unknown>,
    source: row.source,
  };
}

/** `since` as the text lower bound of `created_at` (a date is its UTC midnight). */
function sinceBound(since: unknown): string {
  if (typeof since === 'string' && isIsoDate(since)) return `${since}T00:00:00.000Z`;
  return normalizeTimestamp('since', since);
}

/** {@link AlertStore} over the market store's Kysely (module comment). */
export class KyselyAlertStore implements AlertStore {
  readonly #access: PortfolioStoreAccess;

  constructor(access: PortfolioStoreAccess) {
    this.#access = access;
  }

  async add(alerts: readonly NewAlert[]): Promise<StoredAlert[]> {
    if (!Array.isArray(alerts)) throw invalidInput('alerts', alerts, 'must be an array');
    const list = alerts as readonly NewAlert[];
    const now = normalizeTimestamp('clock.now()', this.#access.clock.now());
    const rows = list.map((a, i) => toRow(a, i, now));
    if (rows.length === 0) return [];
    return this.#access.write(async (db) => {
      const stored: StoredAlert[] = [];
      for (const row of rows) {
        const { id } = await db
          .insertInto('alerts')
          .values(row)
          .returning('id')
          .executeTakeFirstOrThrow();
        stored.push(toStoredAlert({ ...row, id }));
      }
      return stored;
    });
  }

  async list(options: ListAlertsOptions = {}): Promise<StoredAlert[]> {
    const since = options.since === undefined ? undefined : sinceBound(options.since);
    const limit = positiveInteger('limit', options.limit, 1000);
    const rows = await this.#access.read((db) => {
      let query = db.selectFrom('alerts').selectAll();
      if (since !== undefined) query = query.where('created_at', '>=', since);
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    });
    return rows.reverse().map(toStoredAlert);
  }
}
