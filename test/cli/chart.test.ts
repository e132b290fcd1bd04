import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const RETURNS = 'test/fixtures/peers/lpp2005rec_assets6.csv';
const dir = mkdtempSync(join(tmpdir(), 'ballast-chart-'));
const db = join(dir, 'ballast.sqlite');

const analyze = (...args: string[]) =>
  runCli('--db', db, 'analyze', '--returns', RETURNS, '--format', 'json', ...args);

describe('ballast analyze --chart', () => {
  it('writes an SVG with growth and drawdown of the series and the benchmark', async () => {
    const out = join(dir, 'analysis.svg');
    const run = await analyze('--column', 'SPI', '--benchmark', 'SBI', '--chart', out);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).periods).toBe(377); // stdout stays pure JSON
    expect(run.stderr).toContain(`chart: wrote ${out} (svg, 960×600`);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg width="960" height="600"')).toBe(true);
    for (const label of [
      'SPI: growth of $1 and drawdown',
      'Value of $1',
      'Drawdown',
      '>SPI<',
      '>SBI (benchmark)<',
      '>SPI drawdown<',
      '>SBI (benchmark) drawdown<',
    ])
      expect(svg).toContain(label);
  });

  it('writes a PNG: magic bytes, 960 × 600 in the IHDR, more than 10 kB', async () => {
    const out = join(dir, 'analysis.png');
    const run = await analyze('--chart', out);
    expect(run.code, run.stderr).toBe(0);
    const png = readFileSync(out);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([960, 600]);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('rejects another extension with INVALID_INPUT before doing any work', async () => {
    const out = join(dir, 'analysis.jpg');
    const run = await analyze('--chart', out);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('INVALID_INPUT');
    expect(run.stderr).toContain('--chart');
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing directory (NOT_FOUND)', async () => {
    const run = await analyze('--chart', join(dir, 'nope', 'a.svg'));
    expect(run.stderr).toContain('NOT_FOUND');
    expect(run.stderr).toContain('no such directory');
  });
});

describe('ballast frontier --chart', () => {
  it('writes the frontier, every asset, the tangency point and the CAL', async () => {
    const out = join(dir, 'frontier.svg');
    const run = await runCli(
      '--db',
      db,
      'frontier',
      '--returns',
      RETURNS,
      '--periods-per-year',
      '252',
      '--points',
      '6',
      '--format',
      'json',
      '--chart',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const sharpe = JSON.parse(run.stdout).tangency.sharpe as number;
    const svg = readFileSync(out, 'utf8');
    for (const label of [
      'Efficient frontier',
      'Capital allocation line',
      `Tangency (Sharpe ${sharpe.toFixed(2)})`,
      'Volatility (annualised)',
      '6 points',
      ...['SBI', 'SPI', 'SII', 'LMI', 'MPI', 'ALT'].map((a) => `>${a}<`),
    ])
      expect(svg).toContain(label);
  });
});
