import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticLedgerCsv } from '../../../test/helpers/synthetic-ledger.ts';
import { parseTransactionsCsv } from './transactions-csv.ts';

/**
 * Plain lines are read in place (RangeReader), quoted ones through the general string reader
 * (CellsReader). Quoting every cell changes nothing a file says, so the two readers must give
 * the same transactions — or the same error — on any file, well formed or not.
 */

const quoteAll = (text: string): string =>
  text
    .split('\n')
    .map((line) =>
      line === ''
        ? line
        : line
            .split(',')
            .map((c) => `"${c}"`)
            .join(','),
    )
    .join('\n');

function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (e) {
    const error = e as { code?: unknown; message: string; details?: unknown };
    return { code: error.code, message: error.message, details: error.details };
  }
}

const LINES = syntheticLedgerCsv({ rows: 400, seed: 2 }).trim().split('\n');
const JUNK = [
  '',
  ' ',
  'x',
  '-1',
  '0',
  '1.5',
  '1e3',
  '.5',
  '5.',
  '+2',
  '-0.005',
  '12.3456',
  'BUY',
  'Sell',
  'roc',
  'transfer',
  '2024-02-30',
  '2023-01-31',
  ' 7 ',
  'L2;L3',
  'abc$',
  'brk.b',
  '1,5',
  '99999999999999999.99',
  '0.125',
  'constructor',
];

describe('parseTransactionsCsv reads plain and quoted lines alike', () => {
  it('on synthetic ledgers with random cells replaced by junk', () => {
    const file = fc
      .record({
        length: fc.integer({ min: 1, max: 40 }),
        edits: fc.array(
          fc.record({ row: fc.nat(), cell: fc.nat(9), value: fc.constantFrom(...JUNK) }),
          { maxLength: 4 },
        ),
      })
      .map(({ length, edits }) => {
        const lines = LINES.slice(0, length + 1);
        for (const { row, cell, value } of edits) {
          const at = 1 + (row % Math.max(1, lines.length - 1));
          const cells = lines[at]!.split(',');
          cells[cell] = value;
          lines[at] = cells.join(',');
        }
        return lines.join('\n');
      });
    fc.assert(
      fc.property(file, (text) => {
        expect(outcome(() => parseTransactionsCsv(text, 't.csv'))).toStrictEqual(
          outcome(() => parseTransactionsCsv(quoteAll(text), 't.csv')),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses a type named like an Object property (it used to be read as a type)', () => {
    const text = 'date,type,amount\n2024-01-02,constructor,5\n';
    expect(outcome(() => parseTransactionsCsv(text, 't.csv'))).toMatchObject({
      code: 'INVALID_INPUT',
      details: { line: 2, column: 'type', value: 'constructor' },
    });
  });
});
