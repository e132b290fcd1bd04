// Worker entry of parallel-panel.ts when it runs from the TypeScript sources (tests, tsx):
// worker threads do not inherit the parent's module hooks (Node 20), so the worker registers
// tsx itself and then loads the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./panel-worker.ts');
