import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/**
 * What was known when, end to end: a close imported, then revised by a second import a day
 * later; `data history` lists both versions, and `returns --known-at` computes from the close
 * known at that time — before the revision the old one, after it the new one.
 */

const T1 = '2024-06-20T20:00:00.000Z';
const T2 = '2024-06-21T20:00:00.000Z';

async function cli(db: string, now: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    { env: {}, clock: fixedClock(now, now.slice(0, 10)) },
  );
  return { code, stdout, stderr };
}

const FIRST = ['date,close', '2024-06-17,100', '2024-06-18,110', '2024-06-19,121'].join('\n');
// The provider revises the close of 18 June from 110 to 105.
const REVISED = ['date,close', '2024-06-18,105'].join('\n');

describe('ballast --known-at and data history', () => {
  it('returns reads the close known at the time; history lists both versions', async () => {
    const files = tempFiles({ 'store.sqlite': '', 'a.csv': FIRST, 'b.csv': REVISED });
    const db = files['store.sqlite']!;
    const load = (csv: string, now: string) =>
      cli(db, now, 'data', 'import', '--csv', csv, '--symbol', 'XYZ', '--format', 'json');
    expect((await load(files['a.csv']!, T1)).code).toBe(0);
    expect((await load(files['b.csv']!, T2)).code).toBe(0);

    const history = await cli(
      db,
      T2,
      'data',
      'history',
      'xyz',
      '--date',
      '2024-06-18',
      '--format',
      'json',
    );
    expect(history.code, history.stderr).toBe(0);
    const doc = JSON.parse(history.stdout) as {
      versions: { close: number; fetchedAt: string; supersededAt: string | null }[];
    };
    expect(doc.versions.map((v) => [v.close, v.fetchedAt, v.supersededAt])).toEqual([
      [110, T1, T2],
      [105, T2, null],
    ]);

    const returns = async (...extra: string[]) => {
      const run = await cli(db, T2, ...extra, 'returns', '--symbols', 'XYZ', '--format', 'json');
      expect(run.code, run.stderr).toBe(0);
      return JSON.stringify(JSON.parse(run.stdout));
    };
    // Daily simple returns by hand: before the revision 110/100 − 1 = 0.1 and 121/110 − 1 =
    // 0.1; after it 105/100 − 1 = 0.05 and 121/105 − 1 = 0.152380952….
    const before = await returns('--known-at', '2024-06-21T00:00:00Z');
    const after = await returns('--known-at', T2);
    const latest = await returns('--offline');
    expect(before).toContain('0.1');
    expect(before).not.toContain('0.05');
    expect(after).toContain('0.05');
    expect(after).toContain('0.15238095');
    expect(latest).toBe(after);
  });

  it('refuses a write and a bad time under --known-at, naming the flag, and writes nothing', async () => {
    const files = tempFiles({ 'store.sqlite': '', 'a.csv': FIRST });
    const db = files['store.sqlite']!;
    const write = await cli(
      db,
      T1,
      '--known-at',
      T1,
      'data',
      'import',
      '--csv',
      files['a.csv']!,
      '--symbol',
      'XYZ',
    );
    expect(write.code).toBe(2);
    expect(write.stderr).toContain(
      'error [INVALID_INPUT]: --known-at: reads the data as it was known then',
    );
    const none = await cli(db, T1, 'data', 'history', 'XYZ', '--date', '2024-06-18');
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('no bar of XYZ on 2024-06-18 was ever stored');
    const bad = await cli(db, T1, '--known-at', 'yesterday', 'data', 'list');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--known-at: must be an ISO-8601 timestamp');
  });
});
