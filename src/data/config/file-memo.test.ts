import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoByFile } from './file-memo.ts';

describe('memoByFile', () => {
  it('reads a file once while it is unchanged, again once it changes, and hands out copies', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ballast-memo-')), 'x.json');
    writeFileSync(file, '{"a":[1,2]}');
    let reads = 0;
    const { readFile } = await import('node:fs/promises');
    const load = memoByFile(async (path) => {
      reads++;
      return JSON.parse(await readFile(path, 'utf8')) as { a: number[] };
    });
    const first = await load(file);
    first.a.push(99); // a caller altering its copy changes nothing for the next
    expect(await load(file)).toEqual({ a: [1, 2] });
    expect(reads).toBe(1);
    writeFileSync(file, '{"a":[3]}');
    expect(await load(file)).toEqual({ a: [3] });
    expect(reads).toBe(2);
    rmSync(file);
    await expect(load(file)).rejects.toThrow(/ENOENT/);
    expect(reads).toBe(3);
  });

  it('shares one read among callers asking while it runs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ballast-memo-')), 'x.json');
    writeFileSync(file, '{"a":1}');
    let reads = 0;
    const { readFile } = await import('node:fs/promises');
    const load = memoByFile(async (path) => {
      reads++;
      return JSON.parse(await readFile(path, 'utf8')) as unknown;
    });
    const all = await Promise.all([load(file), load(file), load(file)]);
    expect(all).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
    expect(new Set(all).size).toBe(3); // each caller its own copy
    expect(reads).toBe(1);
  });

  it('keeps no failure: a file fixed after an error is read again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ballast-memo-')), 'x.json');
    writeFileSync(file, 'not json');
    const { readFile } = await import('node:fs/promises');
    const load = memoByFile(async (path) => JSON.parse(await readFile(path, 'utf8')) as unknown);
    await expect(load(file)).rejects.toThrow(SyntaxError);
    writeFileSync(file, '[1]');
    expect(await load(file)).toEqual([1]);
  });
});
