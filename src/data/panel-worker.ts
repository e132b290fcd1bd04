/**
 * Worker-thread entry of {@link readReturnsPanelParallel} (parallel-panel.ts): reads the
 * {@link PanelPartJob} in `workerData` and posts its {@link PanelPartResult}, transferring the
 * columns. Kept to the CSV reader and the cross-product kernel so the thread starts quickly.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { readPanelPart, transferables, type PanelPartJob } from './csv/panel-part.ts';

const result = readPanelPart(workerData as PanelPartJob);
parentPort?.postMessage(result, transferables(result));
