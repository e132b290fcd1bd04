/**
 * The second part of a returns panel read on its own (by a worker thread): the lines of a byte
 * range of the file after the header, checked and parsed as {@link PanelStream} reads them.
 * Any refusal or failure gives `{ ok: false }`: the caller then reads the range itself, so
 * errors name the right line.
 */

import type { PanelPart } from './panel-rows.ts';
import { PanelStream } from './returns-panel.ts';

/** What to read: the file, the byte range of whole lines, the header read before it. */
export interface PanelPartJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The header's cells, trimmed and lower-cased (`PanelRows.headerNames`). */
  readonly header: readonly string[];
  readonly columnCase?: 'upper' | 'lower';
  /** Also compute the centred cross-products of the part's complete rows (core/stats). */
  readonly gram: boolean;
}

/** The part read, or `ok: false` when the caller must read the range itself. */
export type PanelPartResult =
  { readonly ok: true; readonly part: PanelPart } | { readonly ok: false };

/** Reads the job's lines (module comment). Never throws. */
export function readPanelPart(job: PanelPartJob): PanelPartResult {
  try {
    const stream = new PanelStream(
      { path: job.path },
      {
        header: job.header,
        ...(job.columnCase === undefined ? {} : { columnCase: job.columnCase }),
      },
    );
    stream.feed({ start: job.start, end: job.end });
    const rows = stream.end();
    if (rows.failed) return { ok: false };
    return { ok: true, part: rows.part() };
  } catch {
    return { ok: false };
  }
}

/** The buffers of a result to transfer rather than copy. */
export function transferables(result: PanelPartResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const c of result.part.columns) buffers.add(c.buffer as ArrayBuffer);
  return [...buffers];
}
