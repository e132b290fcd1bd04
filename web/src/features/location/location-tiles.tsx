/**
 * The value of a placement as tiles, each with its one-line definition (docs/asset-location.md,
 * "The document"): the after-tax value at the horizon beside the naive pro-rata placement's, and
 * the first-year tax drag beside the pro-rata drag and the saving. Nothing is computed here.
 */
import type { ReactNode } from 'react';
import type { AssetLocationDocument } from '../../api/documents.ts';
import { Tile } from '../../components/panel.tsx';
import { money } from '../../format.ts';

/** One tile: its key (`data-tile`), label, formatted value and definition. */
interface TileSpec {
  readonly key: string;
  readonly label: string;
  readonly value: (doc: AssetLocationDocument) => string;
  readonly definition: (doc: AssetLocationDocument) => ReactNode;
}

const years = (doc: AssetLocationDocument): string => {
  const h = doc.objective.horizonYears;
  return `${h} year${h === 1 ? '' : 's'}`;
};

/** The tiles, in order (definitions after docs/asset-location.md). */
export const LOCATION_TILES: readonly TileSpec[] = [
  {
    key: 'value',
    label: 'After-tax value at the horizon',
    value: (d) => money(d.objective.afterTaxValue),
    definition: (d) =>
      `Dollars after tax in ${years(d)} of this placement: the value the program maximises.`,
  },
  {
    key: 'value-naive',
    label: 'Naive pro-rata value',
    value: (d) => money(d.objective.naiveAfterTaxValue),
    definition: (d) =>
      `The same in ${years(d)} with the target mix held in every account (the yardstick).`,
  },
  {
    key: 'drag',
    label: 'Tax drag, first year',
    value: (d) => money(d.taxDrag.placementAnnual),
    definition: () =>
      'Tax paid in the first year on interest, dividends and realised gains in taxable accounts.',
  },
  {
    key: 'drag-naive',
    label: 'Naive pro-rata drag',
    value: (d) => money(d.taxDrag.naiveAnnual),
    definition: () => 'The same first-year tax drag with the target mix in every account.',
  },
  {
    key: 'drag-saved',
    label: 'Drag saved, first year',
    value: (d) => money(d.taxDrag.savedAnnual),
    definition: () => 'Naive pro-rata drag minus the placement’s drag.',
  },
];

/** The tiles of `doc` (see the module comment). */
export function LocationTiles({ doc }: { doc: AssetLocationDocument }) {
  return (
    <div className="tiles location-tiles">
      {LOCATION_TILES.map((t) => (
        <div key={t.key} data-tile={t.key} className="tile-box">
          <Tile label={t.label} value={t.value(doc)} sub={t.definition(doc)} />
        </div>
      ))}
    </div>
  );
}
