import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const files = tempFiles({
  'cents.csv': 'date,close\n2024-01-02,100.2\n2024-01-03,100.4\n2024-01-04,10050\n',
  'pct.csv': 'date,spy\n2024-01-31,1.2\n2024-02-29,-0.8\n2024-03-31,2.1\n',
});
const db = () => join(mkdtempSync(join(tmpdir(), 'ballast-implausible-')), 'store.sqlite');

describe('ballast data import of implausible values', () => {
  it('a close that jumps ×100: exit 0, stored, and a warning line naming file, line and column', async () => {
    const run = await runCli(
      'data',
      'import',
      '--csv',
      files['cents.csv']!,
      '--symbol',
      'X',
      '--db',
      db(),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /warning: .*cents\.csv:4: column "close": the price jumps from 100\.4 to 10050/,
    );
  });

  it('monthly returns in percent with --format json: the warning in the row and on stderr', async () => {
    const run = await runCli(
      'data',
      'import',
      '--csv',
      files['pct.csv']!,
      '--kind',
      'returns',
      '--db',
      db(),
      '--format',
      'json',
    );
    expect(run.code, run.stderr).toBe(0);
    const [row] = JSON.parse(run.stdout) as { warnings: { code: string }[] }[];
    expect(row!.warnings.map((w) => w.code)).toEqual(['RETURNS_LOOK_LIKE_PERCENT']);
    expect(run.stderr).toContain('warning: ');
    expect(run.stderr).toContain('are they percentages?');
  });
});
