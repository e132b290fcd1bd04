import type { Command } from 'commander';
import { demo } from '../../app/demo.ts';
import { withDeps, type Runtime } from '../context.ts';
import { demoTable } from '../format/demo.ts';
import { renderDocument } from '../format/output.ts';
import { parseTableOrJson, type Format, type Io } from '../io.ts';

export { DEMO_LEDGER } from '../../app/demo.ts';

/** Registers `ballast demo`: the bundled portfolio as positions, lots, gains, exposures and risk. */
export function registerDemo(program: Command, io: Io, runtime: Runtime): void {
  program
    .command('demo')
    .description(
      'The bundled demo portfolio: positions, lots, realised gains and economic exposures (offline)',
    )
    .option('--format <format>', 'table | json (no CSV form)', parseTableOrJson, 'table' as Format)
    .action(async (options: { format: Format }, command: Command) => {
      const doc = await withDeps(command, runtime, (deps) => demo({}, deps));
      io.out(renderDocument(options.format, { json: doc, table: () => demoTable(doc) }));
    });
}
