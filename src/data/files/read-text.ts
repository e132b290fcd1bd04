import { readFileSync } from 'node:fs';
import { BallastError } from '../../domain/errors.ts';

/**
 * Reads a UTF-8 text file; a missing or unreadable file is NOT_FOUND naming the input (`what`,
 * e.g. `transactions`) and the path, with the system error as `cause`.
 */
export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw unreadableFile(e, path, what);
  }
}

/**
 * The NOT_FOUND error for a file that could not be opened or read: the input's name (`what`),
 * the path and the reason in words (no such file, a directory, permission denied), with the
 * system error as `cause`.
 */
export function unreadableFile(e: unknown, path: string, what: string): BallastError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : String(e);
  return new BallastError(
    'NOT_FOUND',
    `${what}: cannot read ${path}: ${reason}`,
    { field: what, value: path },
    { cause: e },
  );
}
