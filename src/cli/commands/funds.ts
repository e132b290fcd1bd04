import type { Command } from 'commander';
import { BallastError } from '../../domain/errors.ts';
import {
  validateFundUniverse,
  hasFundErrors,
  type FundIssue,
} from '../../domain/exposures/validate-funds.ts';
import { convertWeightStyleUniverse } from '../../domain/exposures/vocabulary.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import {
  loadFundUniverse,
  loadWeightStyleFunds,
  weightStyleSourceName,
} from '../../data/config/load-fund-universe.ts';
import { writeFundUniverse } from '../../data/config/write-fund-universe.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { registerFundsCheck } from './funds-check.ts';

function issuesText(issues: readonly FundIssue[]): string {
  return issues.map((i) => `  ${i.severity}: ${i.field}: ${i.message}`).join('\n');
}

/** Registers `ballast funds import|validate|list`. */
export function registerFunds(program: Command, io: Io): void {
  const funds = program
    .command('funds')
    .description('Fund definitions: economic exposure per $1 of NAV');

  funds
    .command('import')
    .description(
      'Convert a weight-and-leverage fund file (economic = weight × total_notional) to the canonical form',
    )
    .requiredOption(
      '--weight-style <file>',
      'YAML with funds: {SYM: {name, category, exposures: {TYPE: weight}, total_notional}}',
    )
    .requiredOption('--out <file>', 'canonical fund file to write')
    .action(async (options: { weightStyle: string; out: string }) => {
      const registry = await loadExposureRegistry();
      const source = await loadWeightStyleFunds(options.weightStyle);
      const universe = convertWeightStyleUniverse({
        universe: source,
        registry,
        sourceName: weightStyleSourceName(options.weightStyle),
      });
      const issues = validateFundUniverse(universe, registry);
      if (hasFundErrors(issues)) {
        throw new BallastError(
          'INVALID_INPUT',
          `${options.weightStyle}: the converted funds do not validate:\n${issuesText(issues)}`,
          {
            file: options.weightStyle,
            issues,
          },
        );
      }
      await writeFundUniverse(options.out, universe);
      const count = Object.keys(universe.funds).length;
      io.out(`Wrote ${count} fund definition${count === 1 ? '' : 's'} to ${options.out}`);
      if (issues.length > 0) io.out(`Warnings:\n${issuesText(issues)}`);
    });

  funds
    .command('validate')
    .description('Check a canonical fund file against the exposure universe')
    .argument('<file>', 'fund definitions YAML')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (file: string, options: { format: Format }) => {
      const [registry, universe] = await Promise.all([
        loadExposureRegistry(),
        loadFundUniverse(file),
      ]);
      const issues = validateFundUniverse(universe, registry);
      const count = Object.keys(universe.funds).length;
      if (options.format === 'json')
        io.out(
          JSON.stringify({ file, funds: count, valid: !hasFundErrors(issues), issues }, null, 2),
        );
      else
        io.out(
          `${file}: ${count} funds, ${issues.filter((i) => i.severity === 'error').length} errors, ${issues.filter((i) => i.severity === 'warning').length} warnings${issues.length ? `\n${issuesText(issues)}` : ''}`,
        );
      if (hasFundErrors(issues)) {
        throw new BallastError('INVALID_INPUT', `${file}: fund definitions have errors`, {
          file,
          issues,
        });
      }
    });

  funds
    .command('list')
    .description('List fund definitions with their economic exposures per $1')
    .option('--funds <file>', 'fund definitions YAML (default: config/funds.yaml)')
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: { funds?: string; format: Format }) => {
      const universe = options.funds
        ? await loadFundUniverse(options.funds)
        : await loadFundUniverse();
      const rows = Object.entries(universe.funds).map(([symbol, f]) => ({ symbol, ...f }));
      if (options.format === 'json') return io.out(JSON.stringify(universe, null, 2));
      io.out(
        renderTable(rows, [
          { title: 'Symbol', value: (r) => r.symbol },
          { title: 'Name', value: (r) => r.name },
          {
            title: 'Gross',
            value: (r) =>
              Object.values(r.exposures)
                .reduce((s, x) => s + Math.abs(x), 0)
                .toFixed(2),
            align: 'right',
          },
          {
            title: 'Exposure per $1',
            value: (r) =>
              Object.entries(r.exposures)
                .map(([id, x]) => `${id} ${x}`)
                .join(', '),
          },
        ]),
      );
    });
  registerFundsCheck(funds, io);
}
