import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { redirectingFetch, startMockServer, type MockServer } from '../helpers/mock-http.ts';

const SEARCH = readFileSync(
  new URL('../fixtures/providers/yahoo/search-aapl.json', import.meta.url),
  'utf8',
);

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer((req) =>
    req.path === '/v1/finance/search' ? { body: JSON.parse(SEARCH) as unknown } : { status: 404 },
  );
});
afterAll(() => server.close());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    {
      env: { BALLAST_PRICE_PROVIDERS: 'yahoo' },
      clock: fixedClock('2026-01-05T12:00:00.000Z'),
      fetch: redirectingFetch(server.baseUrl),
    },
  );
  return { code, stdout, stderr };
}

describe('ballast data search', () => {
  it('searches symbols through Yahoo (mock server in Yahoo wire format)', async () => {
    const run = await cli('data', 'search', 'apple', '--format', 'json');
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.stdout);
    expect(hits[0]).toMatchObject({ symbol: 'AAPL' });
    expect(
      server.requests.some((r) => r.path === '/v1/finance/search' && r.query.get('q') === 'apple'),
    ).toBe(true);
  });

  it('refuses to search offline', async () => {
    const run = await cli('--offline', 'data', 'search', 'apple');
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('--offline');
  });
});
