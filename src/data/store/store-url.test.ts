import { describe, expect, it } from 'vitest';
import { BallastError } from '../../domain/errors.ts';
import { parseStoreUrl, redactUrl } from './store-url.ts';

describe('parseStoreUrl', () => {
  it.each([
    [':memory:', { engine: 'sqlite', path: ':memory:' }],
    ['sqlite::memory:', { engine: 'sqlite', path: ':memory:' }],
    ['/var/lib/ballast/db.sqlite', { engine: 'sqlite', path: '/var/lib/ballast/db.sqlite' }],
    ['sqlite:./data/ballast.sqlite', { engine: 'sqlite', path: './data/ballast.sqlite' }],
    ['relative.sqlite', { engine: 'sqlite', path: 'relative.sqlite' }],
    [
      'postgres://u:p@db:5432/ballast',
      { engine: 'postgres', url: 'postgres://u:p@db:5432/ballast' },
    ],
    ['postgresql://db/ballast', { engine: 'postgres', url: 'postgresql://db/ballast' }],
    ['pglite://memory', { engine: 'pglite' }],
    ['pglite:./pgdata', { engine: 'pglite', dataDir: './pgdata' }],
    ['pglite:///tmp/pgdata', { engine: 'pglite', dataDir: '/tmp/pgdata' }],
  ])('reads %s', (locator, target) => {
    expect(parseStoreUrl(locator)).toEqual(target);
  });

  it.each(['', '   ', 'mysql://db/x', 'sqlite:', 'pglite:', 'sqlite:http://x'])(
    'rejects %j as INVALID_INPUT naming the db option',
    (locator) => {
      const attempt = () => parseStoreUrl(locator);
      expect(attempt).toThrow(BallastError);
      expect(attempt).toThrow(/^db: /);
    },
  );
});

describe('redactUrl', () => {
  it('hides the password and keeps everything else', () => {
    expect(redactUrl('postgres://ballast:s3cret@db:5432/prod?sslmode=require')).toBe(
      'postgres://ballast:***@db:5432/prod?sslmode=require',
    );
    expect(redactUrl('postgres://db/prod')).toBe('postgres://db/prod');
  });
});
