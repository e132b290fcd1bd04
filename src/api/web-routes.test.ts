/**
 * Serving the dashboard build: files as they are or precompressed, cache headers, the app's
 * own paths answered with index.html (with its CSP), and API paths never shadowed — on a small
 * build written here, so the rules are checked apart from Vite's output.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { createApi } from './app.ts';
import { hasWebBuild } from './web-routes.ts';

const INDEX = '<!doctype html><div id="root"></div>';
const SCRIPT = 'console.log("ballast");'.repeat(20);

let deps: ReturnType<typeof testDeps>;
let root: string;
beforeAll(() => {
  deps = testDeps({ offline: true });
  root = mkdtempSync(join(tmpdir(), 'ballast-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app-abc123.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'app-abc123.js.gz'), gzipSync(SCRIPT));
});
afterAll(async () => {
  await deps.close();
});

const api = () => createApi(deps, { version: '0.0.0', web: root, rateLimit: false });

describe('the dashboard files', () => {
  it('knows whether a build exists', () => {
    expect(hasWebBuild(root)).toBe(true);
    expect(hasWebBuild(join(root, 'assets'))).toBe(false);
  });

  it('answers the app’s own paths with index.html, not cached, with a CSP', async () => {
    for (const path of ['/', '/holdings', '/risk?p=demo', '/a/b']) {
      const res = await api().request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(INDEX);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('content-type'), path).toContain('text/html');
    }
  });

  it('sends hashed assets immutable, gzip-compressed when the browser accepts it', async () => {
    const plain = await api().request('/assets/app-abc123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    const zipped = await api().request('/assets/app-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(SCRIPT);
  });

  it('answers a missing file and API paths as the API does', async () => {
    const missing = await api().request('/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('NOT_FOUND');
    const route = await api().request('/api/v1/nope');
    expect(route.status).toBe(404);
    expect(((await route.json()) as { code: string }).code).toBe('NOT_FOUND');
    const health = await api().request('/api/health');
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  });

  it('serves no app without a build directory', async () => {
    const res = await createApi(deps, { version: '0.0.0', rateLimit: false }).request('/');
    expect(res.status).toBe(404);
  });
});
