import type { Command } from 'commander';
import type { FrontierPoint } from '../../domain/optimize/mean-variance/frontier.ts';
import { chartFormatOf, writeFrontierChart } from '../format/chart-file.ts';
import { fmtPercent } from '../format/numbers.ts';
import { renderCsv, renderTable, type Column } from '../format/table.ts';
import { withPanelAndConstraintOptions } from '../optimize/options.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { numberOption } from '../estimate/methods.ts';
import { optimizationInputs, readPanel, type InputOptions } from '../optimize/inputs.ts';
import { solveFrontier, type FrontierSolveFlags } from '../optimize/frontier-solve.ts';

interface FrontierCliOptions extends InputOptions, FrontierSolveFlags {
  points: string;
  chart?: string;
  format: Format;
}

/** Registers `ballast frontier`: N efficient portfolios, the tangency point and the CAL. */
export function registerFrontier(program: Command, io: Io): void {
  withPanelAndConstraintOptions(
    program
      .command('frontier')
      .description(
        'Efficient frontier (mean-variance) with the tangency portfolio and the capital allocation line',
      ),
  )
    .option('--points <n>', 'number of frontier points', '20')
    .option('--threads <n>', 'worker threads for the solves (default 1: in-process)')
    .option('--format <format>', 'table | json | csv', parseFormat, 'table' as Format)
    .option('--chart <file>', 'also write the frontier, assets, tangency and CAL as .svg or .png')
    .action(async (options: FrontierCliOptions) => {
      if (options.chart) chartFormatOf(options.chart);
      const table = readPanel(options);
      const { inputs } = optimizationInputs(table, options);
      const points = numberOption('points', options.points, (x) => Number.isInteger(x) && x >= 2)!;
      const f = await solveFrontier(inputs, { points, flags: options });
      if (options.chart) await writeFrontierChart(options.chart, { frontier: f, inputs }, io);
      if (options.format === 'json') return io.out(JSON.stringify(f, null, 2));
      const columns: Column<FrontierPoint>[] = [
        { title: 'return', value: (p) => String(p.expectedReturnAnnual), align: 'right' },
        { title: 'volatility', value: (p) => String(p.volatilityAnnual), align: 'right' },
        { title: 'sharpe', value: (p) => String(p.sharpe), align: 'right' },
        ...inputs.assets.map((a): Column<FrontierPoint> => ({
          title: a,
          value: (p) => String(p.weights[a] ?? 0),
          align: 'right',
        })),
      ];
      if (options.format === 'csv') return io.out(renderCsv(f.points, columns));
      io.out(
        renderTable(f.points, [
          { title: 'Return', value: (p) => fmtPercent(p.expectedReturnAnnual), align: 'right' },
          { title: 'Volatility', value: (p) => fmtPercent(p.volatilityAnnual), align: 'right' },
          {
            title: 'Sharpe',
            value: (p) => (Number.isFinite(p.sharpe) ? p.sharpe.toFixed(3) : '—'),
            align: 'right',
          },
          ...inputs.assets.map((a) => ({
            title: a,
            value: (p: FrontierPoint) => fmtPercent(p.weights[a] ?? 0),
            align: 'right' as const,
          })),
        ]),
      );
      if (f.tangency && f.capitalAllocationLine) {
        io.out(
          `Tangency: return ${fmtPercent(f.tangency.expectedReturnAnnual)}, volatility ${fmtPercent(f.tangency.volatilityAnnual)}, Sharpe ${f.tangency.sharpe.toFixed(4)}; CAL E(σ) = ${fmtPercent(f.capitalAllocationLine.riskFreeRateAnnual)} + ${f.capitalAllocationLine.slope.toFixed(4)}·σ`,
        );
      } else io.out('No portfolio beats the risk-free rate: no tangency point or CAL.');
    });
}
