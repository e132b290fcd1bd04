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
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(e);
    throw new BallastError(
      'NOT_FOUND',
      `${what}: cannot read ${path}: ${reason}`,
      { field: what, value: path },
      { cause: e },
    );
  }
}
