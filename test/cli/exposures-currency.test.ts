import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { tempFiles } from '../helpers/run-cli.ts';

/** `ballast exposures --base-currency` through the CLI (docs/currencies.md, "Exposures in the base currency"). */

const NOW = '2024-03-05T18:00:00.000Z';

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

const fund = (symbol: string, exposure: string, hedged: boolean) => [
  `  ${symbol}:`,
  `    name: ${symbol} fund`,
  '    category: Test',
  `    exposures: { ${exposure}: 1.0 }`,
  '    provenance: test',
  '    validatedBy: null',
  ...(hedged ? ['    currencyHedged: true'] : []),
];

function files() {
  return tempFiles({
    'store.sqlite': '',
    // USD per 1 EUR.
    'rates.csv': 'date,EURUSD\n2024-01-02,1.10\n',
    // No currency column: EUFUND's rows are in EUR through --currencies.
    'ledger.csv': [
      'date,type,symbol,quantity,price,amount',
      '2024-01-02,deposit,,,,1040',
      '2024-01-02,buy,USFUND,6,100,',
      '2024-01-02,buy,EUFUND,4,100,',
    ].join('\n'),
    'prices.csv': 'symbol,price\nUSFUND,100\nEUFUND,100\n',
    'funds.yaml': [
      'funds:',
      ...fund('USFUND', 'us_large_equity', false),
      ...fund('EUFUND', 'intl_developed_large_equity', false),
    ].join('\n'),
    'hedged.yaml': [
      'funds:',
      ...fund('USFUND', 'us_large_equity', false),
      ...fund('EUFUND', 'intl_developed_large_equity', true),
    ].join('\n'),
  });
}

describe('ballast exposures --base-currency', () => {
  it('adds currency_EUR for an unhedged EUR fund and none for a hedged share class', async () => {
    const f = files();
    const db = f['store.sqlite']!;
    const imported = await cli(db, 'data', 'import', '--kind', 'fx', '--csv', f['rates.csv']!);
    expect(imported.code, imported.stderr).toBe(0);
    const args = [
      'exposures',
      '--transactions',
      f['ledger.csv']!,
      '--prices',
      f['prices.csv']!,
      '--as-of',
      '2024-01-05',
      '--base-currency',
      'USD',
      '--currencies',
      'EUFUND=EUR',
    ];

    const json = await cli(db, ...args, '--funds', f['funds.yaml']!, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      totalValue: number;
      exposures: { id: string; economicValue: number; economicWeight: number }[];
      grossEconomicExposure: number;
      currency: { baseCurrency: string; symbolCurrencies: Record<string, string> };
    };
    // $600 of USFUND + €400 × 1.10 = $440 of EUFUND; cash 1040 − 600 − 440 = 0 → total $1,040.
    expect(doc.totalValue).toBe(1040);
    // currency_EUR = 440 / 1040 = 0.423076923077; gross (600 + 440 + 440) / 1040 = 1.42307692308.
    expect(doc.exposures.find((e) => e.id === 'currency_EUR')).toEqual({
      id: 'currency_EUR',
      category: 'currency',
      economicValue: 440,
      economicWeight: 0.423076923077,
    });
    expect(doc.grossEconomicExposure).toBe(1.42307692308);
    expect(doc.currency).toMatchObject({
      baseCurrency: 'USD',
      symbolCurrencies: { EUFUND: 'EUR' },
    });

    const table = await cli(db, ...args, '--funds', f['funds.yaml']!);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Amounts in USD');
    expect(table.stdout).toMatch(
      /EUFUND: .*400\.00 EUR × 1\.1 \(rate of 2024-01-02\) = .*440\.00 USD/,
    );
    expect(table.stdout).toMatch(/currency_EUR\s+currency/);

    const hedged = await cli(db, ...args, '--funds', f['hedged.yaml']!, '--format', 'json');
    expect(hedged.code, hedged.stderr).toBe(0);
    const h = JSON.parse(hedged.stdout) as typeof doc & { currency: { hedged: string[] } };
    expect(h.totalValue).toBe(1040);
    expect(h.exposures.map((e) => e.id)).not.toContain('currency_EUR');
    // Gross (600 + 440) / 1040 = 1.
    expect(h.grossEconomicExposure).toBe(1);
    expect(h.currency.hedged).toEqual(['EUFUND']);
  });

  it('refuses --base-currency with a holdings snapshot, naming the flag', async () => {
    const f = tempFiles({
      'store.sqlite': '',
      'h.csv': 'symbol,quantity,cost_basis,acquired,account,price\nEUFUND,4,400,2024-01-02,A,100\n',
    });
    const r = await cli(
      f['store.sqlite']!,
      'exposures',
      '--holdings',
      f['h.csv']!,
      '--base-currency',
      'USD',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/INVALID_INPUT/);
    expect(r.stderr).toMatch(/--base-currency/);
  });
});
