import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { checkOutputPath, writeOutputFile } from './write-file.ts';

function thrown(work: () => void): BallastError {
  try {
    work();
  } catch (e) {
    if (e instanceof BallastError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'ballast-write-'));
const isRoot = process.getuid?.() === 0;

describe('writeOutputFile', () => {
  it('writes the file, and atomically leaves no temporary file behind', () => {
    const dir = fresh();
    writeOutputFile(join(dir, 'a.txt'), 'one', { field: 'out' });
    writeOutputFile(join(dir, 'a.txt'), 'two', { field: 'out', atomic: true });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('refuses out=<missing dir>/f.yaml with NOT_FOUND naming the field, path and directory', () => {
    const dir = fresh();
    const path = join(dir, 'nope', 'f.yaml');
    const e = thrown(() => writeOutputFile(path, 'x', { field: 'out', atomic: true }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe(`out: cannot write ${path}: no such directory ${join(dir, 'nope')}`);
    expect(e.details).toMatchObject({ field: 'out', value: path });
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a path that is a directory with INVALID_INPUT', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'd'));
    const e = thrown(() => writeOutputFile(join(dir, 'd'), 'x', { field: '--chart' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(`--chart: cannot write ${join(dir, 'd')}: it is a directory`);
  });

  it('refuses a path under a file (not a directory) with INVALID_INPUT', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'f'), '');
    const e = thrown(() => writeOutputFile(join(dir, 'f', 'x.svg'), 'x', { field: '--chart' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('a parent of it is not a directory');
  });
});

describe('checkOutputPath', () => {
  it('accepts a new file in an existing directory and refuses a missing directory', () => {
    const dir = fresh();
    expect(() => checkOutputPath(join(dir, 'new.svg'), '--chart')).not.toThrow();
    expect(thrown(() => checkOutputPath(join(dir, 'no', 'x.svg'), '--chart')).code).toBe(
      'NOT_FOUND',
    );
    mkdirSync(join(dir, 'd.svg'));
    expect(thrown(() => checkOutputPath(join(dir, 'd.svg'), '--chart')).message).toContain(
      'it is a directory',
    );
  });

  // root may write anywhere, so the permission refusal can only be seen as another user
  it.skipIf(isRoot)('refuses a read-only directory with INVALID_INPUT (not as root)', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o500);
    const e = thrown(() => checkOutputPath(join(dir, 'ro', 'x.svg'), '--chart'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toContain('permission denied');
  });
});
