/**
 * Where a use case's file inputs come from: a path (CLI, jobs) or the text itself (HTTP API,
 * library callers). Both read through the data layer, so a missing file and a malformed line
 * produce the same coded errors whatever the face.
 */

import * as z from 'zod';
import { readTextFile } from '../data/files/read-text.ts';

export { readTextFile };

/** A file on disk, or its content inline with a name used in error messages. */
export const textSourceSchema = z.union([
  z.object({ path: z.string().min(1) }).strict(),
  z.object({ text: z.string(), name: z.string().min(1).default('input') }).strict(),
]);

/** A validated {@link textSourceSchema}. */
export type TextSource = z.output<typeof textSourceSchema>;

/** The text of a source and the name to cite in errors (the path, or the given name). */
export function readSource(source: TextSource, field: string): { text: string; name: string } {
  if ('path' in source) return { text: readTextFile(source.path, field), name: source.path };
  return { text: source.text, name: source.name };
}
