/**
 * The universes the Optimize page offers, as returns panels the API takes: the exposure universe
 * from the bundled sample (works offline, the default) or from stored exposure returns, every
 * stored universe (`universe save`: its symbols' stored closes or imported returns), and the
 * returns imported with `data import --kind returns` (series `RETURNS:<column>`). A symbols panel
 * is asked for over the dates the store holds for its symbols, so old imported returns are found
 * (the API's default window is the last ten years).
 */
import type { DataListDocument, StoredUniverse } from '../../api/documents.ts';
import type { MomentsInput } from '../../../../src/app/optimize.ts';

type EstimatePanel = Extract<MomentsInput, { kind: 'estimate' }>['panel'];

/** Prefix of the series that `data import --kind returns` stores per column. */
export const RETURNS_PREFIX = 'RETURNS:';

/** One universe the user can pick. */
export type UniverseChoice =
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'universe';
      readonly source: 'sample' | 'store';
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly kind: 'symbols';
      readonly symbols: readonly string[];
      /** The dates the store holds for the symbols (earliest first, latest last), if any. */
      readonly from?: string;
      readonly to?: string;
    };

/** The bundled exposure universe (the default: needs no network and no stored data). */
export const SAMPLE_UNIVERSE: UniverseChoice = {
  key: 'sample',
  label: 'Exposure universe: bundled sample returns (offline)',
  kind: 'universe',
  source: 'sample',
};

const STORE_UNIVERSE: UniverseChoice = {
  key: 'store',
  label: 'Exposure universe: stored exposure returns',
  kind: 'universe',
  source: 'store',
};

/** The stored range of `symbols` (closes or imported returns), when the store has any. */
function rangeOf(
  symbols: readonly string[],
  data: DataListDocument,
): { from?: string; to?: string } {
  const ids = new Set(symbols.flatMap((s) => [s, `${RETURNS_PREFIX}${s}`]));
  const entries = data.filter((e) => ids.has(e.id));
  if (entries.length === 0) return {};
  const firsts = entries.map((e) => e.first).sort();
  const lasts = entries.map((e) => e.last).sort();
  return { from: firsts[0]!, to: lasts.at(-1)! };
}

/** Every universe on offer (see the module comment). */
export function universeChoices(
  stored: readonly StoredUniverse[],
  data: DataListDocument,
): UniverseChoice[] {
  const named = stored.map((u): UniverseChoice => ({
    key: `stored:${u.name}`,
    label: `Stored universe "${u.name}": ${u.symbols.join(', ')}`,
    kind: 'symbols',
    symbols: u.symbols,
    ...rangeOf(u.symbols, data),
  }));
  const imported = data
    .filter((e) => e.kind === 'series' && e.id.startsWith(RETURNS_PREFIX))
    .map((e) => e.id.slice(RETURNS_PREFIX.length));
  const importedChoice: UniverseChoice[] =
    imported.length < 2
      ? []
      : [
          {
            key: 'imported',
            label: `Imported returns: ${imported.join(', ')}`,
            kind: 'symbols',
            symbols: imported,
            ...rangeOf(imported, data),
          },
        ];
  return [SAMPLE_UNIVERSE, STORE_UNIVERSE, ...named, ...importedChoice];
}

/** Return frequencies of a symbols panel. */
export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
/** One of {@link FREQUENCIES}. */
export type Frequency = (typeof FREQUENCIES)[number];

/** The returns panel of `choice` (symbols at `frequency`). */
export function panelOf(choice: UniverseChoice, frequency: Frequency): EstimatePanel {
  if (choice.kind === 'universe') return { kind: 'universe', source: choice.source };
  return {
    kind: 'symbols',
    symbols: [...choice.symbols],
    frequency,
    ...(choice.from === undefined ? {} : { from: choice.from }),
    ...(choice.to === undefined ? {} : { to: choice.to }),
  };
}
