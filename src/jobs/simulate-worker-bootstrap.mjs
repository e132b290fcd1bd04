// Worker entry of the Monte Carlo threads (src/jobs/simulate-pool.ts) when they run from the
// TypeScript sources (tests, tsx): worker threads do not inherit the parent's module hooks
// (Node 20), so the worker registers tsx itself and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./simulate-worker.ts');
