/**
 * New rows merged into a ledger in date order (docs/corporate-actions.md, "Writing the rows").
 *
 * A new row goes after every row dated before it and before every row dated on or after it (a
 * split is effective from the start of its date, so the same day's trades are post-split).
 * Source lines name lots (`L<line>`) and increase through the ledger, so lines are given in
 * order: a new row takes the line after the previous row; an existing row keeps its line when
 * that is still after the previous row, and otherwise moves to the line after it — then the
 * lots it opens are renumbered (`L7` → `L8`), and every `lots` list of the ledger that names
 * them is rewritten to the new ids, so a specific-identification sale still closes the same
 * lot. Rows appended after the last one renumber nothing.
 */

import type { Transaction } from './types.ts';

/** A transaction without its source line (a row to add). */
export type NewTransaction = Transaction extends infer T
  ? T extends Transaction
    ? Omit<T, 'source'>
    : never
  : never;

/** A ledger with rows merged in (see the module comment). */
export interface MergedLedger {
  /** The whole ledger, in date order, with its new lines. */
  readonly transactions: readonly Transaction[];
  /** The rows added, with the lines they were given. */
  readonly added: readonly Transaction[];
  /** Existing rows whose line (so whose lot id `L<line>`) changed, in ledger order. */
  readonly renumbered: readonly { readonly from: number; readonly to: number }[];
}

const LOT_ID = /^L(\d+)$/;

/**
 * Merges `rows` (in date order) into `ledger` (in date order, lines increasing); `file` is the
 * `source.file` the new rows cite. See the module comment.
 */
export function mergeIntoLedger(
  ledger: readonly Transaction[],
  rows: readonly NewTransaction[],
  file?: string,
): MergedLedger {
  const merged: { tx: Transaction | NewTransaction; existing: boolean }[] = [];
  let j = 0;
  for (const tx of ledger) {
    while (j < rows.length && rows[j]!.date <= tx.date)
      merged.push({ tx: rows[j++]!, existing: false });
    merged.push({ tx, existing: true });
  }
  while (j < rows.length) merged.push({ tx: rows[j++]!, existing: false });

  const moved = new Map<number, number>();
  const renumbered: { from: number; to: number }[] = [];
  const added: Transaction[] = [];
  let previous = 1; // the header
  const placed = merged.map(({ tx, existing }) => {
    if (existing) {
      const own = (tx as Transaction).source;
      const line = Math.max(own.line, previous + 1);
      previous = line;
      if (line === own.line) return tx as Transaction;
      moved.set(own.line, line);
      renumbered.push({ from: own.line, to: line });
      return { ...tx, source: { ...own, line } };
    }
    previous += 1;
    const row = {
      ...tx,
      source: file === undefined ? { line: previous } : { file, line: previous },
    };
    added.push(row);
    return row;
  });
  const transactions = moved.size === 0 ? placed : placed.map((tx) => relabel(tx, moved));
  return { transactions, added, renumbered };
}

/** `tx` with every `L<line>` of a moved line in its `lots` list renamed. */
function relabel(tx: Transaction, moved: ReadonlyMap<number, number>): Transaction {
  if (!('lots' in tx) || tx.lots === undefined) return tx;
  let changed = false;
  const lots = tx.lots.map((id) => {
    const m = LOT_ID.exec(id);
    const to = m ? moved.get(Number(m[1])) : undefined;
    if (to === undefined) return id;
    changed = true;
    return `L${to}`;
  });
  return changed ? { ...tx, lots } : tx;
}
