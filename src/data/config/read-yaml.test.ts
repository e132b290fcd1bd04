import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlFile } from './read-yaml.ts';

const write = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'ballast-yaml-')), 'f.yaml');
  writeFileSync(path, text);
  return path;
};

describe('readYamlFile', () => {
  it('refuses a YAML alias bomb with INVALID_INPUT naming the file (not an internal error)', async () => {
    // Each level doubles nine-fold: 9^8 ≈ 43 million strings if expanded.
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 8; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
    const path = write(lines.join('\n'));
    await expect(readYamlFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { file: path },
    });
    await expect(readYamlFile(path)).rejects.toThrow(/too many YAML aliases/);
  });

  it('still reads a file with a few aliases', async () => {
    const path = write('base: &b { x: 1 }\none: *b\ntwo: *b\n');
    expect(await readYamlFile(path)).toEqual({ base: { x: 1 }, one: { x: 1 }, two: { x: 1 } });
  });
});
