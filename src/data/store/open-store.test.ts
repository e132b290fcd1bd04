import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WEEK, bar, from, rejection } from './contract/fixtures.ts';
import { openStore } from './open-store.ts';

const root = mkdtempSync(join(tmpdir(), 'ballast-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens the default SQLite file under the XDG data directory when no url is given', async () => {
    const store = await openStore({
      env: { XDG_DATA_HOME: join(root, 'xdg') },
      homedir: '/nowhere',
    });
    expect(store.dialect).toBe('sqlite');
    await store.close();
    expect(existsSync(join(root, 'xdg', 'ballast', 'ballast.sqlite'))).toBe(true);
  });

  it('rejects an unknown scheme and a malformed schema before connecting', async () => {
    expect((await rejection(openStore({ url: 'mysql://db/x' }))).code).toBe('INVALID_INPUT');
    const badSchema = openStore({ url: 'postgres://127.0.0.1:1/x', schema: 'drop table;' });
    expect((await rejection(badSchema)).details.field).toBe('schema');
  });

  it('reports an unreachable PostgreSQL server without showing the password', async () => {
    const error = await rejection(openStore({ url: 'postgres://ballast:s3cret@127.0.0.1:1/x' }));
    expect(error.code).toBe('DATA_UNAVAILABLE');
    expect(error.message).toContain('postgres://ballast:***@127.0.0.1:1/x');
    expect(error.message).not.toContain('s3cret');
  });

  it('keeps PGlite data in its directory across reopening', async () => {
    const url = `pglite:${join(root, 'pgdata')}`;
    const first = await openStore({ url });
    expect(first.dialect).toBe('postgres');
    await first.upsertPriceBars(
      'SPY',
      WEEK.map((d) => bar(d, 470)),
      from('yahoo'),
    );
    await first.close();
    const second = await openStore({ url });
    expect((await second.coverage('SPY'))?.rows).toBe(5);
    await second.close();
  });
});
