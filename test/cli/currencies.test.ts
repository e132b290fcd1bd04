import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { FetchFn } from '../../src/data/http/http-client.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/** Several currencies through the CLI (docs/currencies.md). */

const ECB = readFileSync(
  new URL('../fixtures/fx/eurofxref-hist-sample.csv', import.meta.url),
  'utf8',
);
const NOW = '2024-01-05T18:00:00.000Z';

async function cli(db: string, ...args: string[]) {
  return cliWith({}, db, ...args);
}

async function cliWith(runtime: { fetch?: FetchFn }, db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['node', 'ballast', '--db', db, ...args],
    { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) },
    { env: {}, clock: fixedClock(NOW, NOW.slice(0, 10)), ...runtime },
  );
  return { code, stdout, stderr };
}

describe('ballast data import --kind fx-ecb and data fx-rate', () => {
  it('imports the ECB file and prints direct and cross rates with their legs', async () => {
    const files = tempFiles({ 'store.sqlite': '', 'eurofxref-hist.csv': ECB });
    const db = files['store.sqlite']!;
    const imported = await cli(
      db,
      'data',
      'import',
      '--csv',
      files['eurofxref-hist.csv']!,
      '--kind',
      'fx-ecb',
      '--format',
      'json',
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toContainEqual({
      id: 'FX:EURUSD',
      kind: 'fx',
      rows: 4,
      written: 4,
    });

    const direct = await cli(db, 'data', 'fx-rate', 'EURGBP', '--date', '2024-01-03');
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stdout).toContain('1 EUR = 0.865 GBP on 2024-01-03 (rate of 2024-01-03)');

    // GBP → JPY on 2 January via EUR: (1/0.87 EUR per GBP) × 155 JPY per EUR = 178.1609195…
    const cross = await cli(
      db,
      'data',
      'fx-rate',
      'gbp/jpy',
      '--date',
      '2024-01-02',
      '--format',
      'json',
    );
    expect(cross.code, cross.stderr).toBe(0);
    const doc = JSON.parse(cross.stdout) as { rate: number; legs: { series: string }[] };
    expect(doc.rate).toBeCloseTo(155 / 0.87, 9);
    expect(doc.legs.map((l) => l.series)).toEqual(['FX:EURGBP', 'FX:EURJPY']);
    const csv = await cli(
      db,
      'data',
      'fx-rate',
      'gbp/jpy',
      '--date',
      '2024-01-02',
      '--format',
      'csv',
    );
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines).toHaveLength(3); // the header and one line per leg
    expect(lines[1]!.startsWith('FX:EURGBP,yes,2024-01-02,0.87,')).toBe(true);
    expect(lines[2]!.startsWith('FX:EURJPY,no,2024-01-02,155,')).toBe(true);

    const missing = await cli(db, 'data', 'fx-rate', 'EURCHF', '--date', '2024-01-02');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/DATA_UNAVAILABLE/);
    expect(missing.stderr).toMatch(/EURCHF on or before 2024-01-02/);
  });
});

describe('ballast positions --base-currency', () => {
  it('values a EUR holding in USD: 10 × €50 × 1.10 = $550.00, with cost basis at the trade date', async () => {
    const files = tempFiles({
      'store.sqlite': '',
      'rates.csv': 'date,EURUSD\n2024-01-02,1.08\n2024-01-05,1.10\n',
      'ledger.csv': 'date,type,symbol,quantity,price,currency\n2024-01-02,buy,SAP,10,48,EUR\n',
      'prices.csv': 'symbol,price\nSAP,50\n',
    });
    const db = files['store.sqlite']!;
    expect(
      (await cli(db, 'data', 'import', '--kind', 'fx', '--csv', files['rates.csv']!)).code,
    ).toBe(0);
    const args = [
      'positions',
      '--transactions',
      files['ledger.csv']!,
      '--prices',
      files['prices.csv']!,
      '--as-of',
      '2024-01-05',
      '--base-currency',
      'USD',
    ];
    const json = await cli(db, ...args, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      positions: { costBasisTotal: number }[];
      valuation: { holdings: { localValue: number; rate: number; baseValue: number }[] };
    };
    // Basis: 10 × €48 × 1.08 = $518.40. Value: 10 × €50 = €500 × 1.10 = $550.00.
    expect(doc.positions[0]!.costBasisTotal).toBe(518.4);
    expect(doc.valuation.holdings[0]).toMatchObject({ localValue: 500, rate: 1.1, baseValue: 550 });

    const table = await cli(db, ...args);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Valuation in USD on 2024-01-05');
    expect(table.stdout).toMatch(
      /SAP\s+10\s+EUR\s+50(\.00)?\s+500\.00\s+1\.1\s+2024-01-05\s+550\.00/,
    );

    // Without --base-currency the EUR row is refused, naming the column.
    const plain = await cli(db, 'positions', '--transactions', files['ledger.csv']!);
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toMatch(/currency: line 2 is in EUR, not USD/);
    // A bad mapping names the flag.
    const bad = await cli(db, ...args, '--currencies', 'SAP');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--currencies/);
  });
});

describe('ballast performance with a EUR holding', () => {
  it('prints the USD TWR, the local TWR and the currency effect (21 % = 10 % local, 11 % currency)', async () => {
    const files = tempFiles({
      'store.sqlite': '',
      'rates.csv': 'date,EURUSD\n2024-01-02,1.10\n2024-01-04,1.21\n',
      'ledger.csv':
        'date,type,symbol,quantity,price,amount\n2024-01-02,deposit,,,,1100\n2024-01-02,buy,SAP,10,100,\n',
      'prices.csv':
        'date,symbol,close\n2024-01-02,SAP,100\n2024-01-03,SAP,104\n2024-01-04,SAP,110\n',
    });
    const db = files['store.sqlite']!;
    expect(
      (await cli(db, 'data', 'import', '--kind', 'fx', '--csv', files['rates.csv']!)).code,
    ).toBe(0);
    // An old file without a currency column: --currencies declares SAP in EUR.
    const args = [
      'performance',
      '--transactions',
      files['ledger.csv']!,
      '--prices-history',
      files['prices.csv']!,
      '--currencies',
      'SAP=EUR',
    ];
    const json = await cli(db, ...args, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      twr: number;
      currency: { twrLocal: number; currencyEffect: number };
    };
    // USD: 1100 → 10 × 110 × 1.21 = 1331: +21 %. Local (EURUSD held at 1.10): 1100 → 1210: +10 %.
    // Currency effect 0.21 − 0.10 = 0.11.
    expect(doc.twr).toBeCloseTo(0.21, 12);
    expect(doc.currency.twrLocal).toBeCloseTo(0.1, 12);
    expect(doc.currency.currencyEffect).toBeCloseTo(0.11, 12);
    const table = await cli(db, ...args);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/TWR in local currency \(constant FX rates\)\s+10\.0%/);
    expect(table.stdout).toMatch(/Currency effect \(TWR − local\)\s+11\.0%/);
  });
});

describe('ballast data fetch --fx', () => {
  it('fetches FRED’s DEXUSEU (key-less fredgraph.csv) into FX:EURUSD and reads it back', async () => {
    const asked: string[] = [];
    // FRED's key-less download: header observation_date,<ID>; "." marks a missing day.
    const fetch: FetchFn = (url) => {
      asked.push(url.toString());
      return Promise.resolve(
        new Response(
          'observation_date,DEXUSEU\n2024-01-02,1.0956\n2024-01-03,.\n2024-01-04,1.0944\n',
          {
            status: 200,
          },
        ),
      );
    };
    const files = tempFiles({ 'store.sqlite': '' });
    const db = files['store.sqlite']!;
    const fetched = await cliWith(
      { fetch },
      db,
      'data',
      'fetch',
      '--fx',
      'EURUSD',
      '--from',
      '2024-01-02',
      '--to',
      '2024-01-04',
      '--format',
      'json',
    );
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(JSON.parse(fetched.stdout)).toMatchObject([
      {
        id: 'FX:EURUSD',
        rows: 2,
        first: '2024-01-02',
        last: '2024-01-04',
        sources: 'fred:DEXUSEU',
      },
    ]);
    expect(asked[0]).toContain('fredgraph.csv?id=DEXUSEU');
    // 3 January has no fixing: the rate of the 2nd holds (as-of rule); USD→EUR is 1/1.0956.
    const rate = await cli(
      db,
      'data',
      'fx-rate',
      'USDEUR',
      '--date',
      '2024-01-03',
      '--format',
      'json',
    );
    expect(rate.code, rate.stderr).toBe(0);
    const doc = JSON.parse(rate.stdout) as { rate: number; rateDate: string };
    expect(doc.rateDate).toBe('2024-01-02');
    expect(doc.rate).toBeCloseTo(1 / 1.0956, 11);
  });
});
