/**
 * The dashboard build for `ballast start`: `web/dist/` when it exists, else built now with Vite
 * (a development dependency: a checkout after `npm ci` has it) — a child process, so Vite and
 * its bundler never load into the server. A package installed without Vite and without a
 * build is UNAVAILABLE, saying how to get one.
 */

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BallastError } from '../app/errors.ts';
import { hasWebBuild, WEB_DIST } from '../api/web-routes.ts';
import type { Io } from './io.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function viteBin(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('vite/package.json');
    return join(dirname(manifest), 'bin', 'vite.js');
  } catch {
    return undefined;
  }
}

/** The directory of the dashboard build, building it first when it is missing. */
export function ensureWebBuild(io: Io, root: string = WEB_DIST): string {
  if (hasWebBuild(root)) return root;
  const vite = viteBin();
  if (vite === undefined)
    throw new BallastError(
      'UNAVAILABLE',
      `the dashboard is not built (${root}) and Vite is not installed: run \`npm ci && npm run build:web\` in a checkout of Ballast`,
      { field: 'web', value: root },
    );
  io.err('Building the dashboard (first start only)…');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    // The production bundle whatever NODE_ENV the caller has (Vite follows it).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0 || !hasWebBuild(root))
    throw new BallastError(
      'INTERNAL',
      `building the dashboard failed (vite build exited ${built.status}): ${(built.stderr || built.stdout).trim().slice(-2000)}`,
      { field: 'web', value: root },
    );
  return root;
}
