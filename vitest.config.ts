import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Tests never touch the user's own store: the default store path (XDG_DATA_HOME, HOME) points
 * into a fresh temporary directory, and BALLAST_DB is unset (DATABASE_URL stays: the store
 * contract tests use it for a real PostgreSQL server, and CLI tests strip it themselves).
 */
const sandbox = mkdtempSync(join(tmpdir(), 'ballast-test-home-'));

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // PGlite and SQLite stores start slowly on a loaded machine.
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
    env: { XDG_DATA_HOME: join(sandbox, 'data'), HOME: sandbox, BALLAST_DB: '' },
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts', 'src/domain/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 90 },
    },
  },
});
