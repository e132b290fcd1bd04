import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../../test/helpers/mock-http.ts';
import { postWebhook } from './webhook.ts';

describe('postWebhook', () => {
  it('POSTs JSON and reports the status; a 500 is a failure returned, not thrown', async () => {
    const server = await startMockServer((_, n) => ({ status: n === 1 ? 204 : 500 }));
    try {
      const url = `${server.baseUrl}/hook`;
      expect(await postWebhook(url, { a: 1 })).toEqual({ url, ok: true, status: 204 });
      expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/hook' });
      expect(server.requests[0]?.headers['content-type']).toBe('application/json');
      expect(await postWebhook(url, { a: 1 })).toEqual({
        url,
        ok: false,
        status: 500,
        error: 'HTTP 500',
      });
    } finally {
      await server.close();
    }
  });

  it('reports a server that does not answer in time as a failure', async () => {
    const server = await startMockServer(() => ({ status: 204, delayMs: 2000 }));
    try {
      const outcome = await postWebhook(`${server.baseUrl}/hook`, {}, { timeoutMs: 100 });
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toBeTruthy();
    } finally {
      await server.close();
    }
  });
});
