// Worker entry of the solve pool (src/jobs/solve-pool.ts). Worker threads do not inherit the
// parent's module hooks (Node 20), so each worker registers tsx itself — the same
// `register()` call bin/ballast.mjs makes — and then loads the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./solve-worker.ts');
