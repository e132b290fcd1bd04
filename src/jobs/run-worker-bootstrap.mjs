// Worker entry of the run threads (src/jobs/run-threads.ts) from the TypeScript sources: worker
// threads do not inherit the parent's module hooks (Node 20), so it registers tsx itself and
// then loads the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./run-worker.ts');
