import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { summarizePositions } from '../../domain/ledger/positions.ts';
import { loadExposureRegistry } from '../../data/config/load-exposure-config.ts';
import { loadFundUniverse } from '../../data/config/load-fund-universe.ts';
import { fmtMoney, fmtPercent, fmtPrice, fmtQuantity } from '../format/numbers.ts';
import { renderTable } from '../format/table.ts';
import { parseFormat, type Format, type Io } from '../io.ts';
import { loadPortfolio } from '../portfolio-input.ts';
import { demoRisk, demoRiskText } from './demo-risk.ts';
import { exposureReport, exposureTable } from './exposures.ts';
import { positionsDocument } from '../../app/positions.ts';
import { positionsTable } from './positions.ts';

/** The bundled illustrative ledger (data/demo/transactions.csv). */
export const DEMO_LEDGER = fileURLToPath(
  new URL('../../../data/demo/transactions.csv', import.meta.url),
);

const VALUATION_NOTE =
  'Offline valuation: no market data is stored, so each fund is valued at the last trade price in the demo ledger (labelled per line).';

/** Registers `ballast demo`: the bundled portfolio as positions, lots, gains and exposures. */
export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'The bundled demo portfolio: positions, lots, realised gains and economic exposures (offline)',
    )
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (options: { format: Format }) => {
      const portfolio = loadPortfolio({ transactions: DEMO_LEDGER });
      const [registry, funds] = await Promise.all([loadExposureRegistry(), loadFundUniverse()]);
      const positions = summarizePositions(portfolio.ledger!);
      const exposures = exposureReport(portfolio.valuation, { registry, funds });
      const risk = demoRisk(portfolio, { registry, funds, ledger: DEMO_LEDGER });
      if (options.format === 'json') {
        return io.out(
          JSON.stringify(
            {
              ledger: 'data/demo/transactions.csv',
              valuation: VALUATION_NOTE,
              positions: positionsDocument(positions),
              exposures,
              risk,
            },
            null,
            2,
          ),
        );
      }
      const v = portfolio.valuation;
      io.out(
        [
          'Ballast demo — an illustrative leveraged portfolio (ledger: data/demo/transactions.csv)',
          VALUATION_NOTE,
          '',
          'Holdings (all accounts)',
          renderTable(v.positions, [
            { title: 'Symbol', value: (p) => p.symbol },
            { title: 'Quantity', value: (p) => fmtQuantity(p.quantity), align: 'right' },
            { title: 'Price', value: (p) => fmtPrice(p.price), align: 'right' },
            {
              title: 'Priced',
              value: (p) => `${p.priceSource}${p.priceDate ? ` ${p.priceDate}` : ''}`,
            },
            { title: 'Market value', value: (p) => fmtMoney(p.marketValue), align: 'right' },
            { title: 'Cost basis', value: (p) => fmtMoney(p.costBasis), align: 'right' },
            { title: 'Unrealised', value: (p) => fmtMoney(p.unrealizedGain), align: 'right' },
          ]),
          '',
          positionsTable(positionsDocument(positions)),
          '',
          `What you really own — total value ${fmtMoney(exposures.totalValue)}, gross economic exposure ${fmtPercent(exposures.grossEconomicExposure)}`,
          exposureTable(exposures, { positions: false }),
          '',
          demoRiskText(risk),
        ].join('\n'),
      );
    });
}
