/**
 * Compatibility shim: the universe panel moved to `src/app/exposure-returns.ts`. Commands not
 * yet on use cases (`estimate universe`, `plan`) read it here with warnings as message strings,
 * as their output printed them; delete this file when they move.
 */

import {
  bundledUniversePanel as bundledPanel,
  universePanel as panelOf,
  type ExposurePanel,
  type UniverseSource,
} from '../../app/exposure-returns.ts';

export { BUNDLED_UNIVERSE_RETURNS, storedExposureDaily } from '../../app/exposure-returns.ts';
export type { UniverseSource } from '../../app/exposure-returns.ts';

type Panel = { table: ExposurePanel['table']; warnings: string[] };

/** The bundled panel with warnings as strings. */
export function bundledUniversePanel(): Panel {
  const p = bundledPanel();
  return { table: p.table, warnings: p.warnings.map((w) => w.message) };
}

/** The panel of `source` with warnings as strings. */
export async function universePanel(
  source: UniverseSource,
  open: Parameters<typeof panelOf>[1],
): Promise<Panel & { source: 'store' | 'sample' }> {
  const p = await panelOf(source, open);
  return { table: p.table, source: p.source, warnings: p.warnings.map((w) => w.message) };
}
