import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/** A stored portfolio keeps each row's currency (docs/currencies.md, "Stored portfolios"). */

const NOW = '2024-01-05T18:00:00.000Z';

async function cli(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    { env: {}, clock: fixedClock(NOW, NOW.slice(0, 10)) },
  );
  return { code, stdout, stderr };
}

const LEDGER = 'date,type,symbol,quantity,price,currency\n2024-01-02,buy,SAP,10,48,EUR\n';

describe('ballast portfolio import of a EUR ledger, then positions --portfolio --base-currency', () => {
  it('gives the document the file gives: 10 × €50 × 1.10 = $550.00', async () => {
    const files = tempFiles({
      'store.sqlite': '',
      'rates.csv': 'date,EURUSD\n2024-01-02,1.08\n2024-01-05,1.10\n',
      'ledger.csv': LEDGER,
      'prices.csv': 'symbol,price\nSAP,50\n',
    });
    const db = files['store.sqlite']!;
    expect(
      (await cli(db, 'data', 'import', '--kind', 'fx', '--csv', files['rates.csv']!)).code,
    ).toBe(0);
    expect((await cli(db, 'portfolio', 'create', 'eu')).code).toBe(0);
    const imported = await cli(
      db,
      'portfolio',
      'import',
      'eu',
      '--transactions',
      files['ledger.csv']!,
    );
    expect(imported.code, imported.stderr).toBe(0);

    const args = [
      '--prices',
      files['prices.csv']!,
      '--as-of',
      '2024-01-05',
      '--base-currency',
      'USD',
      '--format',
      'json',
    ];
    const fromFile = await cli(db, 'positions', '--transactions', files['ledger.csv']!, ...args);
    const fromStore = await cli(db, 'positions', '--portfolio', 'eu', ...args);
    expect(fromStore.code, fromStore.stderr).toBe(0);
    const doc = JSON.parse(fromStore.stdout) as {
      positions: { costBasisTotal: number }[];
      valuation: { holdings: { localValue: number; rate: number; baseValue: number }[] };
    };
    // Basis: 10 × €48 × 1.08 = $518.40. Value: 10 × €50 = €500 × 1.10 = $550.00.
    expect(doc.positions[0]!.costBasisTotal).toBe(518.4);
    expect(doc.valuation.holdings[0]).toMatchObject({ localValue: 500, rate: 1.1, baseValue: 550 });
    expect(doc).toStrictEqual(JSON.parse(fromFile.stdout));

    // Without --base-currency the stored EUR row is refused, as the file's is.
    const plain = await cli(db, 'positions', '--portfolio', 'eu');
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/currency: line 2 is in EUR, not USD/);

    // The CSV export writes the currency column (io.out ends the text with one more line end).
    const csv = await cli(db, 'portfolio', 'export', 'eu', '--format', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(
      'date,type,symbol,quantity,price,amount,fees,account,lots,acquired,currency\n' +
        '2024-01-02,buy,SAP,10,48,,,DEFAULT,,,EUR\n\n',
    );
    const json = (await cli(db, 'portfolio', 'export', 'eu')).stdout;
    const backup = JSON.parse(json) as { transactions: { currency?: string }[] };
    expect(backup.transactions[0]!.currency).toBe('EUR');
    // The backup restores the row with its currency into another store.
    const other = tempFiles({ 'store.sqlite': '', 'eu.json': json });
    const restored = await cli(
      other['store.sqlite']!,
      'portfolio',
      'import',
      'eu',
      '--json',
      other['eu.json']!,
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect((await cli(other['store.sqlite']!, 'portfolio', 'export', 'eu')).stdout).toBe(json);
  });
});
