/**
 * Output files for the faces (`--out`, `--chart`): the data layer's writer, whose failures are
 * coded errors naming the input and the path (NOT_FOUND for a missing directory, INVALID_INPUT
 * for a place that cannot be written), never INTERNAL.
 */

export {
  checkOutputPath,
  writeOutputFile,
  type WriteOutputOptions,
} from '../data/files/write-file.ts';
