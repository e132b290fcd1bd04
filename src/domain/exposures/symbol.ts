/** Fund/ticker symbol conventions shared by fund definitions and holdings. */

/** The canonical form of a symbol: trimmed and upper-cased (`" rssb "` → `"RSSB"`). */
export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}
