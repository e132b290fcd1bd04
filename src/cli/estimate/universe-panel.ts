/**
 * The exposure-universe panel for commands not yet moved onto use cases (`risk`, `plan`, the
 * demo): the loaders live in `src/app/exposure-panel.ts`; these wrappers keep their former
 * shape, with warnings as message strings.
 */

import {
  bundledUniversePanel as bundledPanel,
  universePanel as appUniversePanel,
  type UniverseResources,
  type UniverseSource,
} from '../../app/exposure-panel.ts';
import type { AlignedTable } from '../../app/returns-panel.ts';

export {
  BUNDLED_UNIVERSE_RETURNS,
  storedExposureDaily,
  type StoredExposureDaily,
  type UniverseSource,
} from '../../app/exposure-panel.ts';

const messages = (warnings: readonly { message: string }[]): string[] =>
  warnings.map((w) => w.message);

/** The bundled panel: monthly real total returns, exposure ids as columns. */
export function bundledUniversePanel(): { table: AlignedTable; warnings: string[] } {
  const panel = bundledPanel();
  return { table: panel.table, warnings: messages(panel.warnings) };
}

/** The monthly exposure-return panel for `source` (see `universePanel` in `src/app`). */
export async function universePanel(
  source: UniverseSource,
  open: UniverseResources,
): Promise<{ table: AlignedTable; warnings: string[]; source: 'store' | 'sample' }> {
  const panel = await appUniversePanel(source, open);
  return { table: panel.table, warnings: messages(panel.warnings), source: panel.source };
}
