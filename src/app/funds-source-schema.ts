/**
 * Input schemas of stored definitions — a definition's name, and a source of fund definitions
 * (a file or a stored set) — in a module of their own so that the schemas which mention them
 * load no fund-file or store code (`funds-source.ts` loads the definitions).
 */

import * as z from 'zod';
import { DEFINITION_NAME } from '../data/store/definition-store.ts';
import { textSourceSchema } from './sources.ts';

/** The name of a stored fund-definition set or universe (`definition-store.ts`). */
export const definitionNameSchema = z
  .string()
  .trim()
  .regex(
    DEFINITION_NAME,
    'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or a digit',
  );

/** A fund file (`{ path }`, `{ text, name }`), or a stored set of fund definitions by name. */
export const fundsSourceSchema = z.union([
  ...textSourceSchema.options,
  z.object({ stored: definitionNameSchema }).strict(),
]);

/** A validated {@link fundsSourceSchema}. */
export type FundsSource = z.output<typeof fundsSourceSchema>;
