/**
 * The dashboard's typed client is generated from the API's own OpenAPI document
 * (`scripts/gen-web-client.mjs`): the committed `web/src/api/schema.gen.ts` must be what the
 * current routes generate, so a route change without `npm run gen:client` fails here (and the
 * check fails on a stale copy, so it can fail).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/gen-web-client.mjs', import.meta.url));
const COMMITTED = fileURLToPath(new URL('../../web/src/api/schema.gen.ts', import.meta.url));

const check = (args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, '--check', ...args], { encoding: 'utf8' });

describe('the dashboard client types', () => {
  it('are what the current routes generate', () => {
    const result = check([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are reported stale when a route is missing from them', () => {
    const stale = join(mkdtempSync(join(tmpdir(), 'ballast-client-')), 'schema.gen.ts');
    const text = readFileSync(COMMITTED, 'utf8');
    writeFileSync(stale, text.replace('"/api/v1/portfolios/{id}/risk": {', '"/api/v1/gone": {'));
    const result = check(['--out', stale]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is stale: run `npm run gen:client`');
  });
});
