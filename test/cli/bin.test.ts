import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ballast.mjs', import.meta.url));

describe('the ballast executable', () => {
  it('runs the terminal demo, and exits with the error class code on bad input', () => {
    const demo = spawnSync(process.execPath, [BIN, 'demo'], { encoding: 'utf8' });
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('What you really own');
    const bad = spawnSync(
      process.execPath,
      [BIN, 'positions', '--transactions', 'no-such-file.csv'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('error [NOT_FOUND]');
  });

  it('stops quietly with exit 0 when its reader closes the pipe early (`| head`)', async () => {
    // The demo prints in several writes; the reader takes the first chunk and closes the pipe.
    const child = spawn(process.execPath, [BIN, 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
