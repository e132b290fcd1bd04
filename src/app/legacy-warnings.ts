/**
 * Adapter for domain modules whose warnings are still message strings (`src/domain/estimate`):
 * each becomes a {@link Warning} with the given code and the message kept verbatim. Delete this
 * file when those modules return structured warnings themselves.
 */

import { warning, type Warning } from '../domain/warnings.ts';

/** `messages` as warnings of code `code` (details: `{ source }`). */
export function warningsFromMessages(
  code: string,
  messages: readonly string[],
  source: string,
): Warning[] {
  return messages.map((message) => warning(code, message, { source }));
}
