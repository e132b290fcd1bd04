import { readFileSync } from 'node:fs';
import { BallastError } from '../domain/errors';

/** Where a command writes: injected so tests capture output without spawning processes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Io over the process's stdout and stderr. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Reads a UTF-8 text file; a missing or unreadable file is NOT_FOUND naming the path. */
export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e);
    throw new BallastError('NOT_FOUND', `${what}: cannot read ${path}: ${reason}`, {
      field: what,
      value: path,
    });
  }
}

/** Output formats every data-printing command accepts. */
export const FORMATS = ['table', 'json', 'csv'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Validates a `--format` value. */
export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new BallastError(
    'INVALID_INPUT',
    `--format: expected one of ${FORMATS.join(', ')} (got "${value}")`,
    {
      field: 'format',
      value,
    },
  );
}
