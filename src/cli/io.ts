import { BallastError } from '../app/errors.ts';

/** Where a command writes: injected so tests capture output without spawning processes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Io over the process's stdout and stderr. */
export const processIo: Io = {
  // The line end written on its own: a large document is not copied to append it.
  out: (text) => {
    process.stdout.write(text);
    if (!text.endsWith('\n')) process.stdout.write('\n');
  },
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

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

/**
 * Validates `--format` for a command with no CSV form: `csv` is INVALID_INPUT when the flags are
 * read, before any work (docs/bad-inputs.md), instead of a table printed under the csv name.
 */
export function parseTableOrJson(value: string): Format {
  const format = parseFormat(value);
  if (format === 'csv')
    throw new BallastError(
      'INVALID_INPUT',
      '--format: this command has no CSV form: use table or json (got "csv")',
      { field: 'format', value },
    );
  return format;
}
