/** The process entry of the CLI (imported by bin/ballast.mjs): runs `main` on `process.argv`. */
import { main } from './main.ts';

process.exitCode = await main(process.argv);
