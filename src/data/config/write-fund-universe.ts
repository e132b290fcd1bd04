/** Writing a canonical fund universe file. */

import { Document } from 'yaml';
import type { FundDefinition, FundUniverse } from '../../domain/exposures/fund-types.ts';
import { writeOutputFile } from '../files/write-file.ts';
import { configPathToString, type ConfigPath } from './read-yaml.ts';

/** Header comment written at the top of every fund universe file. */
export const FUND_UNIVERSE_HEADER = [
  ' Ballast fund universe: economic exposure per $1 of fund NAV, on exposure ids of',
  ' config/exposures.yaml (1.0 = $1 of exposure per $1 held; 3.0 for a 3x fund).',
  ' The implicit financing (cash) leg of embedded leverage is not listed: its cost is in the',
  " fund's returns. sourceExposures: the same before mapping through the vocabulary.",
  ' provenance: where the numbers come from; validatedBy: null until validated.',
].join('\n');

/** Rounds to 12 significant digits: removes binary noise such as 0.5889999999999999. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

function tidyRecord(record: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, tidy(value)]));
}

function plainDefinition(definition: FundDefinition): Record<string, unknown> {
  return {
    name: definition.name,
    category: definition.category,
    exposures: tidyRecord(definition.exposures),
    ...(definition.sourceExposures === undefined
      ? {}
      : { sourceExposures: tidyRecord(definition.sourceExposures) }),
    provenance: definition.provenance,
    validatedBy: definition.validatedBy,
    ...(definition.notes === undefined ? {} : { notes: definition.notes }),
    ...(definition.currencyHedged === undefined
      ? {}
      : { currencyHedged: definition.currencyHedged }),
  };
}

/**
 * Writes `universe` as YAML in the canonical layout readable by `loadFundUniverse`, with
 * {@link FUND_UNIVERSE_HEADER} as a comment. Numbers are rounded to 12 significant digits.
 * The file is written to a temporary sibling and renamed, so an existing file is never left
 * half-written. A path that cannot be written is NOT_FOUND (missing directory) or INVALID_INPUT
 * naming `options.field` (default `out`) and the path.
 */
export function writeFundUniverse(
  path: ConfigPath,
  universe: FundUniverse,
  options: { readonly field?: string } = {},
): Promise<void> {
  // A throw inside the executor rejects the promise, as an async write would.
  return new Promise((done) => {
    writeUniverse(configPathToString(path), universe, options.field ?? 'out');
    done();
  });
}

function writeUniverse(file: string, universe: FundUniverse, field: string): void {
  const funds = Object.fromEntries(
    Object.entries(universe.funds).map(([symbol, definition]) => [
      symbol,
      plainDefinition(definition),
    ]),
  );
  const document = new Document({ funds });
  document.commentBefore = FUND_UNIVERSE_HEADER;
  writeOutputFile(file, document.toString({ lineWidth: 100 }), {
    field,
    atomic: true,
  });
}
