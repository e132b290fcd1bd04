import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

describe('ballast data commands print csv', () => {
  it('data quality --format csv: one row per issue with its symbol; data list csv', async () => {
    const files = tempFiles({
      'store.sqlite': '',
      // 100 → 130 on 2024-03-06 is a +30 % jump
      'p.csv': 'date,close\n2024-03-04,100\n2024-03-05,100\n2024-03-06,130\n',
    });
    const db = files['store.sqlite']!;
    expect(
      (await runCli('--db', db, 'data', 'import', '--csv', files['p.csv']!, '--symbol', 'jmp'))
        .code,
    ).toBe(0);
    const quality = await runCli('--db', db, 'data', 'quality', 'JMP', '--format', 'csv');
    expect(quality.code).toBe(0);
    const lines = quality.stdout.trim().split('\n');
    expect(lines[0]).toBe('symbol,date,kind,detail');
    expect(lines.some((l) => l.startsWith('JMP,2024-03-06,jump,'))).toBe(true);
    const list = await runCli('--db', db, 'data', 'list', '--format', 'csv');
    expect(list.stdout.trim().split('\n')).toEqual([
      'kind,id,first,last,rows,sources,fetched_at',
      expect.stringMatching(/^prices,JMP,2024-03-04,2024-03-06,3,csv:p\.csv,/),
    ]);
  });
});
