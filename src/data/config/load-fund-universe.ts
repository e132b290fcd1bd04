/** Loading fund definition files: the canonical layout and the upstream weight-style one. */

import { basename } from 'node:path';
import type { FundUniverse, WeightStyleUniverse } from '../../domain/exposures/fund-types.ts';
import { DEFAULT_FUNDS_PATH } from './default-paths.ts';
import { memoByFile } from './file-memo.ts';
import { fundUniverseSchema, weightStyleUniverseSchema } from './fund-schemas.ts';
import {
  configPathToString,
  parseWithSchema,
  parseYamlText,
  readYamlFile,
  type ConfigPath,
} from './read-yaml.ts';

/**
 * Reads a canonical fund universe (`funds: { SYMBOL: { name, category, exposures, … } }`,
 * economic exposure per $1 of NAV). Default path: the shipped `config/funds.yaml`. Symbols
 * are kept as written; check them with `validateFundUniverse`.
 *
 * Throws NOT_FOUND naming the path when the file is missing; INVALID_INPUT naming the file,
 * the field path and the value on a YAML or schema error.
 */
export async function loadFundUniverse(
  path: ConfigPath = DEFAULT_FUNDS_PATH,
): Promise<FundUniverse> {
  return loadFundUniverseFile(configPathToString(path));
}

/** Fund files as read, kept while unchanged (`file-memo.ts`). */
const loadFundUniverseFile = memoByFile(async (file): Promise<FundUniverse> =>
  parseWithSchema(fundUniverseSchema, await readYamlFile(file), file),
);

/** A canonical fund universe from YAML text read from `name` (errors as {@link loadFundUniverse}). */
export function parseFundUniverse(text: string, name: string): FundUniverse {
  return parseWithSchema(fundUniverseSchema, parseYamlText(text, name), name);
}

/** A weight-and-leverage fund file from YAML text read from `name` (see {@link loadWeightStyleFunds}). */
export function parseWeightStyleFunds(text: string, name: string): WeightStyleUniverse {
  return parseWithSchema(weightStyleUniverseSchema, parseYamlText(text, name), name);
}

/**
 * Reads a weight-and-leverage fund file (upstream `fund_universe*.yaml`: per fund `name`,
 * `category`, `exposures` as replication weights on coarse names, `total_notional`). Convert
 * the result with `convertWeightStyleUniverse`, passing {@link weightStyleSourceName}.
 * Errors as {@link loadFundUniverse}.
 */
export async function loadWeightStyleFunds(path: ConfigPath): Promise<WeightStyleUniverse> {
  return parseWithSchema(
    weightStyleUniverseSchema,
    await readYamlFile(path),
    configPathToString(path),
  );
}

/** The file name recorded in converted funds' provenance (`fund_universe_sample.yaml`). */
export function weightStyleSourceName(path: ConfigPath): string {
  return basename(configPathToString(path));
}
