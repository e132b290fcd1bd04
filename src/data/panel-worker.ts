/**
 * Worker-thread entry of {@link readReturnsPanelParallel} (parallel-panel.ts): reads the
 * {@link PanelPartJob} in `workerData` and posts its {@link PanelPartResult}; when the job asks
 * for them, then posts the part's centred cross-products ({@link CentredGram}) as a second
 * message, so a reader that does not need them need not wait. A {@link WasmRangeJob} is read
 * with the WebAssembly reader instead (the part and its Gram in one message). Kept to the CSV reader and the
 * cross-product kernel so the thread starts quickly.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { centredGram } from '../core/stats/centred-gram.ts';
import { readPanelPart, transferables, type PanelPartJob } from './csv/panel-part.ts';
import { readRangeJob, type WasmRangeJob } from './csv/wasm-range-job.ts';

const job = workerData as PanelPartJob | WasmRangeJob;
const result = 'wasm' in job ? undefined : readPanelPart(job);
if (result === undefined) {
  const read = readRangeJob(job as WasmRangeJob);
  parentPort?.postMessage(read.result, read.transfer);
} else if (result.ok && (job as PanelPartJob).gram) {
  parentPort?.postMessage(result); // copied: the columns are still needed here
  const { columns, dates } = result.part;
  const gram = centredGram(columns, dates.length);
  parentPort?.postMessage(gram, [
    gram.means.buffer as ArrayBuffer,
    gram.gram.buffer as ArrayBuffer,
  ]);
} else {
  parentPort?.postMessage(result, transferables(result));
}
