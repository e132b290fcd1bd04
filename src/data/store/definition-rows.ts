/**
 * Named fund definitions and universes ↔ table rows: every argument checked before anything
 * is written (INVALID_INPUT naming the field and the value).
 */

import type { Selectable } from 'kysely';
import { BallastError, invalidInput } from '../../domain/errors.ts';
import { normalizeSymbol } from '../../domain/exposures/symbol.ts';
import {
  type NewFundDefinitions,
  type NewUniverse,
  type StoredFundDefinitions,
  type StoredUniverse,
  DEFINITION_NAME,
} from './definition-store.ts';
import type { FundDefinitionsTable, UniversesTable } from './schema.ts';

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const SYMBOL = /^[^\s,\u0000-\u001f\u007f]{1,40}$/;
/** Largest fund file text stored (characters). */
export const MAX_TEXT = 1024 * 1024;
const MAX_SOURCE = 200;
const MAX_DESCRIPTION = 500;
const MAX_SYMBOLS = 1000;

/** A definition name (module comment of `definition-store.ts`), trimmed. */
export function checkDefinitionName(value: unknown, field = 'name'): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!DEFINITION_NAME.test(name))
    throw invalidInput(
      field,
      value,
      'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or a digit',
    );
  return name;
}

/** The NOT_FOUND of an unknown definition name. */
export function definitionNotFound(what: string, name: string): BallastError {
  return new BallastError('NOT_FOUND', `name: no stored ${what} named ${JSON.stringify(name)}`, {
    field: 'name',
    value: name,
  });
}

function boundedText(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw invalidInput(field, value, 'must be a string');
  const text = value.trim();
  if (text.length > max || CONTROL.test(text))
    throw invalidInput(field, value, `must be at most ${max} characters, no control characters`);
  return text;
}

/** The row of fund definitions to put (without its times). */
export function fundDefinitionsRow(
  value: NewFundDefinitions,
): Omit<FundDefinitionsTable, 'created_at' | 'updated_at'> {
  if (typeof value !== 'object' || value === null)
    throw invalidInput('definitions', value, 'must be { name, text, source? }');
  const name = checkDefinitionName(value.name);
  const { text } = value;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT)
    throw new BallastError(
      'INVALID_INPUT',
      `text: must be a non-empty string of at most ${MAX_TEXT} characters`,
      { field: 'text', length: typeof text === 'string' ? text.length : undefined },
    );
  const source =
    value.source === undefined ? name : boundedText('source', value.source, MAX_SOURCE);
  if (source === '') throw invalidInput('source', value.source, 'must not be empty');
  return { name, text, source };
}

/** Stored fund definitions from their row. */
export function toStoredFundDefinitions(
  row: Selectable<FundDefinitionsTable>,
): StoredFundDefinitions {
  return {
    name: row.name,
    text: row.text,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkSymbols(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SYMBOLS)
    throw invalidInput('symbols', value, `must be a list of 1 to ${MAX_SYMBOLS} symbols`);
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    const symbol = typeof raw === 'string' ? normalizeSymbol(raw) : '';
    if (!SYMBOL.test(symbol))
      throw invalidInput(`symbols[${i}]`, raw, 'must be 1 to 40 characters, no spaces or commas');
    if (seen.has(symbol)) throw invalidInput(`symbols[${i}]`, raw, 'is listed twice');
    seen.add(symbol);
    return symbol;
  });
}

/** The row of a universe to put (without its times). */
export function universeRow(value: NewUniverse): Omit<UniversesTable, 'created_at' | 'updated_at'> {
  if (typeof value !== 'object' || value === null)
    throw invalidInput('universe', value, 'must be { name, symbols, description? }');
  const name = checkDefinitionName(value.name);
  const symbols = JSON.stringify(checkSymbols(value.symbols));
  const description =
    value.description === undefined
      ? ''
      : boundedText('description', value.description, MAX_DESCRIPTION);
  return { name, symbols, description: description === '' ? null : description };
}

/** A stored universe from its row. */
export function toStoredUniverse(row: Selectable<UniversesTable>): StoredUniverse {
  return {
    name: row.name,
    symbols: JSON.parse(row.symbols) as string[],
    ...(row.description === null ? {} : { description: row.description }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
