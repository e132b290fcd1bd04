/**
 * Writing output files (`--out`, `--chart`): every failure the file system can give becomes a
 * coded error naming the input and the path — NOT_FOUND (exit 3) for a directory that does not
 * exist, INVALID_INPUT (exit 2) for a place that cannot be written (permission, read-only file
 * system, a directory in the way, a full disk) — never an INTERNAL error with a raw `ENOENT`.
 * The system error is kept as `cause`.
 */

import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BallastError } from '../../domain/errors.ts';

/** How {@link writeOutputFile} names its input and whether it replaces the file at once. */
export interface WriteOutputOptions {
  /** The input field (or flag) the path came from, cited in errors (e.g. `out`, `--chart`). */
  readonly field: string;
  /**
   * Write a temporary sibling and rename it over `path`, so an existing file is either the old
   * one or the new one, never half-written (default false).
   */
  readonly atomic?: boolean;
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent of it is not a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

function failure(path: string, field: string, cause: unknown): BallastError {
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT')
    return new BallastError(
      'NOT_FOUND',
      `${field}: cannot write ${path}: no such directory ${dirname(resolve(path))}`,
      { field, value: path, directory: dirname(resolve(path)) },
      { cause },
    );
  const reason = REASONS[code] ?? (code === '' ? String(cause) : `system error ${code}`);
  return new BallastError(
    'INVALID_INPUT',
    `${field}: cannot write ${path}: ${reason}`,
    { field, value: path, ...(code === '' ? {} : { systemCode: code }) },
    { cause },
  );
}

/**
 * Checks, before any work is done, that `path` can be written: its directory exists and is
 * writable, and `path` itself is not a directory. Throws the errors of {@link writeOutputFile}.
 */
export function checkOutputPath(path: string, field: string): void {
  const directory = dirname(resolve(path));
  try {
    if (!statSync(directory).isDirectory())
      throw Object.assign(new Error(`${directory} is not a directory`), { code: 'ENOTDIR' });
    accessSync(directory, constants.W_OK);
  } catch (e) {
    throw failure(path, field, e);
  }
  let target;
  try {
    target = statSync(path);
  } catch {
    return; // a new file
  }
  if (target.isDirectory())
    throw failure(path, field, Object.assign(new Error('directory'), { code: 'EISDIR' }));
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was left behind, or it cannot be removed either: the write error is what matters
  }
}

/**
 * Writes `content` to `path` (see the module comment).
 * @throws BallastError NOT_FOUND (missing directory) or INVALID_INPUT naming `options.field`
 *   and the path.
 */
export function writeOutputFile(
  path: string,
  content: string | Uint8Array,
  options: WriteOutputOptions,
): void {
  const target = options.atomic ? `${path}.${process.pid}.tmp` : path;
  try {
    writeFileSync(target, content);
    if (target !== path) renameSync(target, path);
  } catch (e) {
    if (target !== path) removeQuietly(target);
    throw failure(path, options.field, e);
  }
}
