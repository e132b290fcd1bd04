import { describe, expect, it } from 'vitest';
import { defaultStorePath, resolveStoreLocator } from './default-store-path.ts';

describe('defaultStorePath', () => {
  const home = '/home/ada';

  it('prefers $BALLAST_DB, which may also be a URL', () => {
    expect(defaultStorePath({ BALLAST_DB: '/data/b.sqlite' }, home)).toBe('/data/b.sqlite');
    expect(defaultStorePath({ BALLAST_DB: 'postgres://db/b', XDG_DATA_HOME: '/x' }, home)).toBe(
      'postgres://db/b',
    );
  });

  it('uses an absolute $XDG_DATA_HOME, else ~/.local/share', () => {
    expect(defaultStorePath({ XDG_DATA_HOME: '/xdg' }, home)).toBe('/xdg/ballast/ballast.sqlite');
    expect(defaultStorePath({}, home)).toBe('/home/ada/.local/share/ballast/ballast.sqlite');
  });

  it('ignores empty variables and a relative $XDG_DATA_HOME (as the XDG spec says)', () => {
    expect(defaultStorePath({ BALLAST_DB: '', XDG_DATA_HOME: 'rel/dir' }, home)).toBe(
      '/home/ada/.local/share/ballast/ballast.sqlite',
    );
  });

  it('does not consult DATABASE_URL', () => {
    expect(defaultStorePath({ DATABASE_URL: 'postgres://db/x' }, home)).toBe(
      '/home/ada/.local/share/ballast/ballast.sqlite',
    );
  });
});

describe('resolveStoreLocator', () => {
  const home = '/home/u';
  it('takes --db first, then BALLAST_DB, then DATABASE_URL, then the default file', () => {
    const env = { BALLAST_DB: '/b.sqlite', DATABASE_URL: 'postgres://h/db' };
    expect(resolveStoreLocator({ db: '/cli.sqlite', env, homedir: home })).toBe('/cli.sqlite');
    expect(resolveStoreLocator({ env, homedir: home })).toBe('/b.sqlite');
    expect(resolveStoreLocator({ env: { DATABASE_URL: 'postgres://h/db' }, homedir: home })).toBe(
      'postgres://h/db',
    );
    expect(resolveStoreLocator({ env: {}, homedir: home })).toBe(
      '/home/u/.local/share/ballast/ballast.sqlite',
    );
  });

  it('treats empty values as unset', () => {
    expect(
      resolveStoreLocator({ db: ' ', env: { BALLAST_DB: '', DATABASE_URL: '' }, homedir: home }),
    ).toBe('/home/u/.local/share/ballast/ballast.sqlite');
  });
});
