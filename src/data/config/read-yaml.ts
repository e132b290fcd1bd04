/**
 * Reading YAML config files and turning schema failures into Ballast errors that name the
 * file, the field path and the offending value.
 */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type * as z from 'zod';
import { BallastError } from '../../domain/errors.ts';

/** A file location: a filesystem path or a `file:` URL. */
export type ConfigPath = string | URL;

/** The filesystem path of a {@link ConfigPath}, for messages and fs calls. */
export function configPathToString(path: ConfigPath): string {
  return typeof path === 'string' ? path : fileURLToPath(path);
}

/**
 * Reads and parses a YAML file (YAML 1.2 core schema, duplicate keys rejected).
 * Throws NOT_FOUND naming the path when the file does not exist, INVALID_INPUT naming the
 * file, line and column on a syntax error, and INVALID_INPUT for an alias bomb (more than
 * {@link MAX_ALIAS_COUNT} alias expansions).
 */
export async function readYamlFile(path: ConfigPath): Promise<unknown> {
  const file = configPathToString(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BallastError('NOT_FOUND', `file not found: ${file}`, { file });
    }
    throw new BallastError('INVALID_INPUT', `cannot read ${file}: ${String(error)}`, { file });
  }
  return parseYamlText(text, file);
}

/**
 * Parses YAML text (YAML 1.2 core schema, duplicate keys rejected) read from `file` (a path or
 * a name used in messages). Throws INVALID_INPUT naming the file, line and column on a syntax
 * error.
 */
export function parseYamlText(text: string, file: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true });
  const first = document.errors[0];
  if (first !== undefined) {
    const line = first.linePos?.[0].line;
    const column = first.linePos?.[0].col;
    const where = line === undefined ? '' : `:${line}:${column ?? 0}`;
    throw new BallastError('INVALID_INPUT', `${file}${where}: ${first.message.split('\n')[0]}`, {
      file,
      line,
      column,
    });
  }
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    // yaml refuses documents whose aliases expand beyond the count (a "billion laughs" bomb).
    throw new BallastError(
      'INVALID_INPUT',
      `${file}: too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions); refusing to expand it`,
      { file },
      { cause: error },
    );
  }
}

/** Alias expansions allowed in one config file (far above any real fund or universe file). */
const MAX_ALIAS_COUNT = 100;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * The INVALID_INPUT error for a failed schema parse of `data` read from `file`: the message
 * names the file, the field path (`exposures[3].implementations[0].tickers`) and the value
 * found there; details carry `file`, `field`, `value` and every issue.
 */
export function schemaError(file: string, error: z.ZodError, data: unknown): BallastError {
  const issues = error.issues.map((issue) => {
    const path = [...issue.path];
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    return {
      field: formatPath(path) || '(root)',
      value: valueAt(data, path),
      message: issue.message,
    };
  });
  const first = issues[0] ?? { field: '(root)', value: data, message: 'invalid' };
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  const shown = first.value === undefined ? 'nothing' : JSON.stringify(first.value);
  return new BallastError(
    'INVALID_INPUT',
    `${file}: ${first.field}: ${first.message} (got ${shown})${more}`,
    { file, field: first.field, value: first.value, issues },
  );
}

/** Parses `data` read from `file` with `schema`, throwing {@link schemaError} on failure. */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw schemaError(file, result.error, data);
  return result.data;
}
