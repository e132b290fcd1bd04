/**
 * A local stand-in for a Sentry-compatible ingestion server: it records every request with its
 * raw body and parses envelopes as the published format defines them (develop.sentry.dev, "SDK
 * → Data Model → Envelopes"): a header line of JSON, then items — each an item header line of
 * JSON and a payload of `length` bytes (or up to the next newline without one), ended by a
 * newline or the end of the body. A malformed envelope fails the parse, and so the test.
 */

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A parsed JSON value, read freely by tests (what `JSON.parse` returns). */
export type Json = ReturnType<typeof JSON.parse>;

/** One item of an envelope: its header and its payload (parsed as JSON when it is JSON). */
export interface EnvelopeItem {
  readonly header: Record<string, unknown>;
  readonly payload: unknown;
  readonly bytes: number;
}

/** A parsed envelope. */
export interface Envelope {
  readonly header: Record<string, unknown>;
  readonly items: EnvelopeItem[];
}

const NEWLINE = 0x0a;

function headerLine(
  body: Buffer,
  from: number,
  what: string,
): { json: Record<string, unknown>; next: number } {
  const end = body.indexOf(NEWLINE, from);
  const text = body.subarray(from, end === -1 ? body.length : end).toString('utf8');
  if (text !== text.trim()) throw new Error(`${what}: padded with whitespace`);
  const json = JSON.parse(text) as unknown;
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${what}: not a JSON object`);
  return { json: json as Record<string, unknown>, next: end === -1 ? body.length : end + 1 };
}

/** Parses `body` as an envelope (module comment); throws on anything malformed. */
export function parseEnvelope(body: Buffer): Envelope {
  const { json: header, next } = headerLine(body, 0, 'envelope header');
  const items: EnvelopeItem[] = [];
  let at = next;
  while (at < body.length) {
    const item = headerLine(body, at, `item ${items.length} header`);
    at = item.next;
    const length = item.json['length'];
    let end: number;
    if (typeof length === 'number') {
      end = at + length;
      if (end > body.length) throw new Error(`item ${items.length}: shorter than its length`);
      if (end < body.length && body[end] !== NEWLINE)
        throw new Error(`item ${items.length}: no newline after ${length} bytes`);
    } else {
      const newline = body.indexOf(NEWLINE, at);
      end = newline === -1 ? body.length : newline;
    }
    const raw = body.subarray(at, end);
    const text = raw.toString('utf8');
    let payload: unknown = text;
    if (item.json['content_type'] === 'application/json' || item.json['type'] === 'event')
      payload = JSON.parse(text);
    items.push({ header: item.json, payload, bytes: raw.length });
    at = end + 1;
  }
  return { header, items };
}

/** What the server answers. */
export interface EnvelopeReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** Delay before answering, ms. */
  readonly delayMs?: number;
}

/** A running stand-in. */
export interface EnvelopeServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  reply: EnvelopeReply;
  /** Resolves when `count` requests have arrived (default 1). */
  received(count?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a stand-in on a free loopback port answering `reply` (default 200). */
export async function startEnvelopeServer(reply: EnvelopeReply = {}): Promise<EnvelopeServer> {
  const requests: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const state = { reply };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? 'GET',
        path: new URL(req.url ?? '/', 'http://localhost').pathname,
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
      const { status = 200, headers = {}, delayMs = 0 } = state.reply;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify({ id: 'ok' }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get reply() {
      return state.reply;
    },
    set reply(value: EnvelopeReply) {
      state.reply = value;
    },
    received: (count = 1) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
