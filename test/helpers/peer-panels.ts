import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '../../src/core/linalg/matrix.ts';

/** The two peer return panels copied under test/fixtures/peers (see its README). */
export type PeerPanelName = 'lpp2005rec_assets6' | 'smallcap_stocks20';

/** A peer panel as a T × n returns matrix (rows = dates, oldest first). */
export interface PeerPanel {
  readonly assets: readonly string[];
  readonly dates: readonly string[];
  readonly returns: Matrix;
}

/** The `moments` block of a peer reference JSON (numpy 1.24.2, covariance divisor T − 1). */
export interface PeerMoments {
  readonly n_periods: number;
  readonly assets: readonly string[];
  readonly mean: Readonly<Record<string, number>>;
  readonly cov: readonly (readonly number[])[];
}

function fixture(file: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/peers/${file}`, import.meta.url)), 'utf8');
}

/** Reads `test/fixtures/peers/<name>.csv` (17-significant-digit decimals read back exactly). */
export function readPeerPanel(name: PeerPanelName): PeerPanel {
  const lines = fixture(`${name}.csv`).trim().split('\n');
  const assets = (lines[0] ?? '').split(',').slice(1);
  const body = lines.slice(1).map((line) => line.split(','));
  const n = assets.length;
  const data = new Float64Array(body.length * n);
  body.forEach((cells, t) => {
    for (let j = 0; j < n; j++) data[t * n + j] = Number(cells[j + 1]);
  });
  return {
    assets,
    dates: body.map((cells) => cells[0] ?? ''),
    returns: { rows: body.length, cols: n, data },
  };
}

/** Reads `test/fixtures/peers/<name>.moments.json`. */
export function readPeerMoments(name: PeerPanelName): PeerMoments {
  return (JSON.parse(fixture(`${name}.moments.json`)) as { moments: PeerMoments }).moments;
}
