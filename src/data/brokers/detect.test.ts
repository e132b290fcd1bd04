import { describe, expect, it } from 'vitest';
import { convertBrokerCsv } from './convert.ts';
import { fixture, rejection } from '../../../test/helpers/broker-fixtures.ts';
import { parseTransactionsCsv } from '../ledger/transactions-csv.ts';
import { formatTransactionsCsv } from '../ledger/transactions-csv-write.ts';

const FILES = {
  schwab: 'schwab.csv',
  fidelity: 'fidelity.csv',
  vanguard: 'vanguard.csv',
  ibkr: 'ibkr.csv',
} as const;

describe('auto detection', () => {
  it.each(Object.entries(FILES))('picks %s from the header lines of its export', (broker, name) => {
    const { path, text } = fixture(name);
    const auto = convertBrokerCsv(text, path, { broker: 'auto' });
    expect(auto.broker).toBe(broker);
    expect(auto.csv).toBe(
      convertBrokerCsv(text, path, { broker: broker as keyof typeof FILES }).csv,
    );
  });

  it('refuses an unknown layout, naming the first line and the layouts it knows', () => {
    const error = rejection(() =>
      convertBrokerCsv('Datum,Typ,Wert\n2024-01-02,Kauf,100', 'x.csv', { broker: 'auto' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /^x\.csv: from: the broker layout is not recognised \(first line "Datum,Typ,Wert"\)/,
    );
    expect(error.details).toMatchObject({ field: 'from', value: 'auto' });
  });

  it('refuses a file given as another broker', () => {
    const { path, text } = fixture('fidelity.csv');
    expect(rejection(() => convertBrokerCsv(text, path, { broker: 'schwab' })).message).toMatch(
      /not a Schwab export/,
    );
    expect(rejection(() => convertBrokerCsv(text, path, { broker: 'vanguard' })).message).toMatch(
      /not a Vanguard export/,
    );
  });
});

describe('round trip', () => {
  it.each(Object.values(FILES))(
    '%s: the ledger CSV reads back to the same rows and writes the same text',
    (name) => {
      const { path, text } = fixture(name);
      const doc = convertBrokerCsv(text, path, { broker: 'auto', out: 'ledger.csv' });
      const read = parseTransactionsCsv(doc.csv, 'ledger.csv');
      expect(read).toEqual(doc.transactions);
      expect(formatTransactionsCsv(read, 'ledger.csv')).toBe(doc.csv);
      // Rows on consecutive lines from 2, in date order.
      expect(read.map((t) => t.source.line)).toEqual(read.map((_, i) => i + 2));
      expect([...read.map((t) => t.date)].sort()).toEqual(read.map((t) => t.date));
    },
  );
});
