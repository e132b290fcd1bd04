/** Loading the exposure universe (`config/exposures.yaml` by default). */

import { BallastError } from '../../domain/errors.ts';
import { createExposureRegistry, type ExposureRegistry } from '../../domain/exposures/registry.ts';
import type { ExposureConfig } from '../../domain/exposures/types.ts';
import { DEFAULT_EXPOSURES_PATH } from './default-paths.ts';
import { memoByFile } from './file-memo.ts';
import { exposureConfigSchema } from './exposure-config-schema.ts';
import { configPathToString, parseWithSchema, readYamlFile, type ConfigPath } from './read-yaml.ts';

/**
 * Reads, schema-checks and semantically checks (via `createExposureRegistry`: unique ids,
 * known categories, unambiguous aliases, vocabulary weights summing to 1) an exposure
 * universe file. Default path: the shipped `config/exposures.yaml`.
 *
 * Throws NOT_FOUND naming the path when the file is missing; INVALID_INPUT naming the file,
 * the field path and the value on a YAML, schema or consistency error.
 */
export async function loadExposureConfig(
  path: ConfigPath = DEFAULT_EXPOSURES_PATH,
): Promise<ExposureConfig> {
  return loadExposureConfigFile(configPathToString(path));
}

/** Exposure files as read and checked, kept while unchanged (`file-memo.ts`). */
const loadExposureConfigFile = memoByFile(async (file): Promise<ExposureConfig> => {
  const config = parseWithSchema(exposureConfigSchema, await readYamlFile(file), file);
  try {
    createExposureRegistry(config);
  } catch (error) {
    if (!(error instanceof BallastError)) throw error;
    throw new BallastError(error.code, `${file}: ${error.message}`, { file, ...error.details });
  }
  return config;
});

/** {@link loadExposureConfig} followed by `createExposureRegistry`. */
export async function loadExposureRegistry(
  path: ConfigPath = DEFAULT_EXPOSURES_PATH,
): Promise<ExposureRegistry> {
  return createExposureRegistry(await loadExposureConfig(path));
}
