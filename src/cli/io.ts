import { BallastError } from '../app/errors.ts';
export { readTextFile } from '../app/sources.ts';

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
