import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

/**
 * `ballast frontier --threads N`: the frontier solved on a worker pool equals the in-process
 * one (same targets, same deterministic solves) — everything but the timing diagnostics — and a
 * solver error keeps its code and message.
 */
const db = (): string => join(mkdtempSync(join(tmpdir(), 'ballast-db-')), 'test.sqlite');
const base = [
  '--returns',
  'test/fixtures/peers/lpp2005rec_assets6.csv',
  '--periods-per-year',
  '252',
];

async function frontier(...args: string[]) {
  return runCli('--db', db(), 'frontier', ...base, ...args);
}

describe('ballast frontier --threads', () => {
  it('threads 1 and 2 give identical frontiers (with a group constraint)', async () => {
    const flags = ['--points', '7', '--group', 'eq=SPI+MPI::0.3', '--format', 'json'];
    const one = await frontier(...flags);
    const two = await frontier(...flags, '--threads', '2');
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const a = JSON.parse(one.stdout);
    const b = JSON.parse(two.stdout);
    expect(b.points).toHaveLength(7);
    for (const key of ['points', 'minVariance', 'maxReturn', 'tangency', 'capitalAllocationLine'])
      expect(b[key], key).toEqual(a[key]);
    expect(b.diagnostics.solves).toBe(a.diagnostics.solves);
    for (const p of a.points) expect(p.weights.SPI + p.weights.MPI).toBeLessThanOrEqual(0.3 + 1e-9);
  });

  it('an infeasible frontier fails with the same code and message on threads 1 and 2', async () => {
    const one = await frontier('--max-weight', '0.1');
    const two = await frontier('--max-weight', '0.1', '--threads', '2');
    expect(one.code).toBe(5);
    expect(two.code).toBe(5);
    expect(one.stderr).toContain('error [INFEASIBLE]');
    expect(two.stderr).toBe(one.stderr);
  });

  it('rejects a bad --threads value naming it', async () => {
    const r = await frontier('--threads', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--threads');
  });
});
