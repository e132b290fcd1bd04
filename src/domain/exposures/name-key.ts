/**
 * Matching keys for human-typed names: `US_LARGE_EQUITY`, `us large equity` and
 * `Us-Large-Equity` are the same key; plus "did you mean" suggestions by edit distance.
 */

/**
 * The comparison key of a name: trimmed, lower-case, every run of spaces, underscores and
 * hyphens collapsed to one `_` (leading/trailing separators removed).
 * `"Factor/Style - Equities"` → `"factor/style_equities"`, `" E US L "` → `"e_us_l"`.
 */
export function nameKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Levenshtein distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitution, deletion, insertion));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A candidate for {@link closeMatches}: a matching key and the value it stands for. */
export interface NamedCandidate {
  readonly key: string;
  readonly value: string;
}

/**
 * Distinct candidate values whose key is close to `input`'s key: one contains the other (when
 * the shorter has at least 3 characters), or the edit distance is at most max(2, ⌊len/3⌋).
 * Ordered by distance, then candidate order; at most `limit` values (default 5).
 */
export function closeMatches(
  input: string,
  candidates: readonly NamedCandidate[],
  limit = 5,
): string[] {
  const key = nameKey(input);
  if (key === '') return [];
  const threshold = Math.max(2, Math.floor(key.length / 3));
  const best = new Map<string, number>();
  for (const candidate of candidates) {
    const shorter = Math.min(key.length, candidate.key.length);
    const contains = shorter >= 3 && (candidate.key.includes(key) || key.includes(candidate.key));
    const distance = contains ? 0 : editDistance(key, candidate.key);
    if (distance > threshold) continue;
    const known = best.get(candidate.value);
    if (known === undefined || distance < known) best.set(candidate.value, distance);
  }
  return [...best.entries()]
    .map(([value, distance], order) => ({ value, distance, order }))
    .sort((x, y) => x.distance - y.distance || x.order - y.order)
    .slice(0, limit)
    .map((entry) => entry.value);
}
