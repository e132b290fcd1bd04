/**
 * A large returns file is read by two threads (src/data/parallel-panel.ts) from the bundled CLI
 * (dist/bin/) and the compiled library (dist/data/) alike: the worker module is found beside
 * the code that starts it, and the result is the one-thread result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng, normalSampler } from '../../src/core/random/index.ts';
import {
  PARALLEL_MIN_BYTES,
  type readReturnsPanelParallel as ReadParallel,
} from '../../src/data/parallel-panel.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASSETS = 200;
const DAYS = 400;

/** The same returns written short (< 4 MiB, one thread) and padded with zeros (> 4 MiB). */
function files(): { short: string; long: string } {
  const z = normalSampler(createRng(11));
  const header = ['date', ...Array.from({ length: ASSETS }, (_, j) => `A${j}`)].join(',');
  const short = [header];
  const long = [header];
  for (let t = 0; t < DAYS; t++) {
    const date = new Date(Date.UTC(2020, 0, 1 + t)).toISOString().slice(0, 10);
    const market = z();
    const cells = Array.from({ length: ASSETS }, () => (0.004 * market + 0.01 * z()).toFixed(6));
    short.push([date, ...cells].join(','));
    long.push([date, ...cells.map((c) => `${c}${'0'.repeat(64)}`)].join(','));
  }
  const dir = mkdtempSync(join(tmpdir(), 'ballast-parallel-read-'));
  const paths = { short: join(dir, 'short.csv'), long: join(dir, 'long.csv') };
  writeFileSync(paths.short, `${short.join('\n')}\n`);
  writeFileSync(paths.long, `${long.join('\n')}\n`);
  return paths;
}

const weights = (path: string): Record<string, number> =>
  (
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'bin/ballast.mjs'),
          'optimize',
          '--returns',
          path,
          '--objective',
          'min-variance',
          '--format',
          'json',
        ],
        { encoding: 'utf8' },
      ),
    ) as { weights: Record<string, number> }
  ).weights;

describe('a large returns file read by two threads', () => {
  const paths = files();

  it('optimises to the one-thread weights from the bundled CLI', () => {
    expect(statSync(paths.short).size).toBeLessThan(PARALLEL_MIN_BYTES);
    expect(statSync(paths.long).size).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const one = weights(paths.short);
    const two = weights(paths.long);
    expect(Object.keys(two)).toEqual(Object.keys(one));
    for (const id of Object.keys(one)) expect(Math.abs(two[id]! - one[id]!)).toBeLessThan(1e-9);
  }, 60_000);

  it('reads with a worker from the compiled library', async () => {
    const url = pathToFileURL(join(ROOT, 'dist/data/parallel-panel.js')).href;
    const { readReturnsPanelParallel } = (await import(url)) as {
      readReturnsPanelParallel: typeof ReadParallel;
    };
    const panel = await readReturnsPanelParallel({ path: paths.long }, { gram: true });
    expect(panel.dates).toHaveLength(DAYS);
    expect(panel.gram?.count).toBe(DAYS);
  });
});
