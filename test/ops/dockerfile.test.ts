/**
 * The project's Dockerfile against the rules of `dockerfile-rules.ts` (no Docker engine here:
 * the image is never built in this project's CI). Each rule is also shown to fail, on a copy of
 * the real file broken in one place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDockerfile, type Violation } from './dockerfile-rules.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const DOCKERFILE = read('../../Dockerfile');
const ENGINES = (JSON.parse(read('../../package.json')) as { engines: { node: string } }).engines;
const NODE_MAJOR = Number(/\d+/.exec(ENGINES.node)![0]);

const check = (text: string): Violation[] => checkDockerfile(text, { nodeMajor: NODE_MAJOR });

/** `DOCKERFILE` with `from` (which must occur) replaced by `to`. */
function broken(from: string | RegExp, to: string): string {
  const text = DOCKERFILE.replace(from, to);
  expect(text, `${String(from)} is in the Dockerfile`).not.toBe(DOCKERFILE);
  return text;
}

/** The rules `text` breaks, each once. */
const rulesOf = (text: string): string[] => [...new Set(check(text).map((v) => v.rule))].sort();

describe('the Dockerfile', () => {
  it('breaks no rule', () => {
    expect(check(DOCKERFILE)).toEqual([]);
  });

  it('builds in a stage of its own and runs `ballast serve` on node 20 as node', () => {
    expect(DOCKERFILE).toMatch(/^FROM node:20-bookworm-slim AS build$/m);
    expect(DOCKERFILE).toMatch(/^FROM node:20-bookworm-slim AS runtime$/m);
    expect(DOCKERFILE).toMatch(/npm ci .*\n.*npm run build:web\s*\\\n.*npm prune --omit=dev/);
    expect(DOCKERFILE).toMatch(/^USER node$/m);
    expect(DOCKERFILE).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(DOCKERFILE).toMatch(
      /^CMD \["node", "bin\/ballast.mjs", "serve", "--host", "0.0.0.0", "--port", "8080"\]$/m,
    );
  });
});

describe('each rule rejects a Dockerfile broken for it', () => {
  const cases: [string, string, string][] = [
    ['a final stage that runs as root', 'non-root', broken(/^USER node$/m, 'USER root')],
    ['a final stage with no USER', 'non-root', broken(/^USER node\n/m, '')],
    ['USER after CMD', 'non-root', broken(/^USER node\n([\s\S]*)$/m, '$1USER node\n')],
    ['no HEALTHCHECK', 'healthcheck', broken(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, '')],
    [
      'HEALTHCHECK NONE',
      'healthcheck',
      broken(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, 'HEALTHCHECK NONE\n'),
    ],
    [
      'an image without a tag',
      'pinned-base',
      broken('node:20-bookworm-slim AS runtime', 'node AS runtime'),
    ],
    [
      'the latest tag',
      'pinned-base',
      broken('node:20-bookworm-slim AS build', 'node:latest AS build'),
    ],
    [
      'a tag without a version',
      'pinned-base',
      broken('node:20-bookworm-slim AS build', 'node:bookworm-slim AS build'),
    ],
    [
      'another Node major',
      'pinned-base',
      broken('node:20-bookworm-slim AS runtime', 'node:18-bookworm-slim AS runtime'),
    ],
    [
      'a COPY without --chown',
      'copy-chown',
      broken('COPY --from=build --chown=root:root /app/bin', 'COPY --from=build /app/bin'),
    ],
    [
      'a COPY owned by someone else',
      'copy-chown',
      broken('--chown=root:root /app/dist', '--chown=www-data /app/dist'),
    ],
    [
      'apt lists left in the layer',
      'apt-clean',
      broken(/\s*\\\n\s*&& rm -rf \/var\/lib\/apt\/lists\/\*/, ''),
    ],
    ['recommended packages installed', 'apt-clean', broken(' --no-install-recommends', '')],
    ['EXPOSE on another port', 'port', broken(/^EXPOSE 8080$/m, 'EXPOSE 3000')],
    ['serve on loopback only', 'port', broken('"--host", "0.0.0.0", ', '')],
    [
      'a health check on another port',
      'port',
      broken('127.0.0.1:8080/api/health', '127.0.0.1:3000/api/health'),
    ],
    [
      'a CMD in shell form',
      'exec-form',
      broken(/^CMD \[.*\]$/m, 'CMD node bin/ballast.mjs serve --host 0.0.0.0 --port 8080'),
    ],
    ['ADD instead of COPY', 'no-add', broken('COPY . .', 'ADD . .')],
    ['the dashboard left out', 'runtime-files', broken(/^COPY [^\n]*web\/dist[^\n]*\n/m, '')],
    [
      'BALLAST_DB in the image',
      'store-env',
      broken('XDG_DATA_HOME=/data', 'BALLAST_DB=/data/ballast.sqlite'),
    ],
    ['an unknown instruction', 'syntax', broken(/^WORKDIR \/app$/m, 'WORKDIRR /app')],
    ['a duration without a unit', 'syntax', broken('--interval=30s', '--interval=30')],
    [
      'an unknown COPY flag',
      'syntax',
      broken('--chown=root:root /app/config', '--chown=root:root --chmodd=644 /app/config'),
    ],
  ];
  it.each(cases)('%s (%s)', (_what, rule, text) => {
    expect(rulesOf(text)).toEqual([rule]);
  });

  it('names the line of the violation', () => {
    const text = broken(/^USER node$/m, 'USER root');
    const line = text.split('\n').indexOf('USER root') + 1;
    expect(check(text)).toEqual([
      { rule: 'non-root', line, message: 'the final stage runs as root (DL3002)' },
    ]);
  });
});
