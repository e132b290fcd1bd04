/**
 * SYNTHETIC LEDGERS for the ledger benchmark and the fast-versus-reference tests — a seeded
 * generator of valid transactions files, never real trades. Several accounts, hundreds of
 * symbols, every transaction type: buys and sells that go short and cover, fractional dividend
 * reinvestments (in thousandths of a share), splits (2:1, 3:1), internal transfers (out, then in
 * to another account) and transfers from outside at an original cost and date, returns of
 * capital, cash rows with fees, and an account `SPEC` whose every sale names its lots
 * (specific identification, sometimes closing the last listed lot only in part).
 *
 * The mix, per row: 70 % ordinary trades, 10 % `SPEC` trades, 0.02 % splits, 2 % transfers out
 * (each followed by its transfer in), 18 % cash and income rows, of which 25 % deposits and
 * withdrawals, 20 % dividends, 10 % interest, 5 % fees, 15 % reinvestments, 1 % returns of
 * capital and 9 % transfers in from outside. Splits and returns of capital touch every lot of
 * the symbol or holding, so they are kept as rare as in a real account.
 *
 * The generator tracks each holding's quantity in integer thousandths of a share, so every row
 * it writes is valid whatever the lot relief method: transfers out never exceed the holding,
 * returns of capital hit held shares, and `SPEC` sales name open lots that cover them.
 */

import { addDays } from '../../src/domain/calendar/iso-date.ts';

/** Options of {@link syntheticLedgerCsv}. */
export interface SyntheticLedgerOptions {
  /** Data rows to write (the header is extra). */
  readonly rows: number;
  readonly seed: number;
  /** Ordinary accounts besides `SPEC` (default 4). */
  readonly accounts?: number;
  /** Symbols (default 300). */
  readonly symbols?: number;
  /** Probability that a trade row is a buy (default 0.55); higher leaves more lots open. */
  readonly buyShare?: number;
  /** Rows per calendar day (default: enough for about ten years of dates, at least 20). */
  readonly rowsPerDay?: number;
}

/** The header line of the generated files. */
export const SYNTHETIC_LEDGER_HEADER =
  'date,type,symbol,quantity,price,amount,fees,account,lots,acquired';

/** mulberry32: a small seeded PRNG returning uniforms in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const milli = (m: number): string => String(m / 1000);
const dollars = (cents: number): string => (cents / 100).toFixed(2);

interface SpecLot {
  readonly id: string;
  milli: number;
}

class Generator {
  readonly random: () => number;
  readonly lines: string[] = [SYNTHETIC_LEDGER_HEADER];
  readonly accounts: string[];
  readonly symbols: string[];
  /** Price of each symbol in cents. */
  readonly price: number[];
  /** Holding quantity in thousandths of a share, by account index × symbol index. */
  readonly net: Int32Array | Float64Array;
  /** Open lots of the SPEC account per symbol. */
  readonly spec: SpecLot[][];
  readonly shortable: boolean[];
  date = '2015-01-02';

  constructor(readonly options: SyntheticLedgerOptions) {
    this.random = mulberry32(options.seed);
    this.accounts = Array.from({ length: options.accounts ?? 4 }, (_, i) => `ACC${i + 1}`);
    const symbols = options.symbols ?? 300;
    this.symbols = Array.from({ length: symbols }, (_, i) => `S${String(i).padStart(4, '0')}`);
    this.price = this.symbols.map(() => 1000 + Math.floor(this.random() * 40_000));
    this.net = new Float64Array(this.accounts.length * symbols);
    this.spec = this.symbols.map(() => []);
    this.shortable = this.symbols.map(() => this.random() < 0.15);
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  emit(cells: {
    type: string;
    symbol?: string;
    quantity?: string;
    price?: string;
    amount?: string;
    fees?: string;
    account?: string;
    lots?: string;
    acquired?: string;
  }): void {
    const c = cells;
    this.lines.push(
      `${this.date},${c.type},${c.symbol ?? ''},${c.quantity ?? ''},${c.price ?? ''},${c.amount ?? ''},${c.fees ?? ''},${c.account ?? ''},${c.lots ?? ''},${c.acquired ?? ''}`,
    );
  }

  /** The 1-based line number the next emitted row will have. */
  get nextLine(): number {
    return this.lines.length + 1;
  }

  move(s: number): string {
    const p = this.price[s]!;
    this.price[s] = Math.max(100, Math.round(p * (1 + (this.random() - 0.5) * 0.04)));
    return dollars(this.price[s]);
  }

  fees(): string | undefined {
    return this.random() < 0.3 ? dollars(this.int(1000)) : undefined;
  }

  trade(a: number, s: number): void {
    const k = a * this.symbols.length + s;
    const held = this.net[k]!;
    const buy = this.random() < (this.options.buyShare ?? 0.55);
    let q: number;
    if (buy) q = (1 + this.int(100)) * 1000;
    else if (held > 1000 && this.random() < 0.9)
      q = (1 + this.int(Math.min(100, Math.floor(held / 1000)))) * 1000;
    else if (this.shortable[s]) q = (1 + this.int(50)) * 1000;
    else q = (1 + this.int(100)) * 1000;
    if (!buy && !this.shortable[s] && q > held) {
      if (held < 1000) return this.trade(a, s === 0 ? 1 : s - 1);
      q = Math.floor(held / 1000) * 1000;
    }
    this.net[k] = held + (buy ? q : -q);
    this.emit({
      type: buy ? 'buy' : 'sell',
      symbol: this.symbols[s]!,
      quantity: milli(q),
      price: this.move(s),
      ...this.optional('fees', this.fees()),
      account: this.accounts[a]!,
    });
  }

  optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
    return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
  }

  specTrade(s: number): void {
    const lots = this.spec[s]!;
    if (lots.length === 0 || this.random() < 0.55) {
      const q = (1 + this.int(50)) * 1000;
      lots.push({ id: `L${this.nextLine}`, milli: q });
      return this.emit({
        type: 'buy',
        symbol: this.symbols[s]!,
        quantity: milli(q),
        price: this.move(s),
        account: 'SPEC',
      });
    }
    const picked: SpecLot[] = [];
    const count = 1 + this.int(Math.min(3, lots.length));
    while (picked.length < count) {
      const lot = lots[this.int(lots.length)]!;
      if (!picked.includes(lot)) picked.push(lot);
    }
    const last = picked.at(-1)!;
    const partial = this.random() < 0.4 && last.milli >= 2000 ? this.int(last.milli / 1000) : 0;
    const q = picked.reduce((sum, l) => sum + l.milli, 0) - partial * 1000;
    for (const lot of picked) lot.milli = lot === last ? partial * 1000 : 0;
    this.spec[s] = lots.filter((l) => l.milli > 0);
    this.emit({
      type: 'sell',
      symbol: this.symbols[s]!,
      quantity: milli(q),
      price: this.move(s),
      ...this.optional('fees', this.fees()),
      account: 'SPEC',
      lots: picked.map((l) => l.id).join(';'),
    });
  }

  split(s: number): void {
    const ratio = this.random() < 0.7 ? 2 : 3;
    for (let a = 0; a < this.accounts.length; a++) this.net[a * this.symbols.length + s]! *= ratio;
    for (const lot of this.spec[s]!) lot.milli *= ratio;
    this.price[s] = Math.max(100, Math.round(this.price[s]! / ratio));
    this.emit({ type: 'split', symbol: this.symbols[s]!, quantity: String(ratio) });
  }

  transfer(a: number, s: number): void {
    const k = a * this.symbols.length + s;
    if (this.net[k]! < 1000) return this.cash(a);
    const q = (1 + this.int(Math.min(100, Math.floor(this.net[k]! / 1000)))) * 1000;
    const to = (a + 1 + this.int(this.accounts.length - 1)) % this.accounts.length;
    const symbol = this.symbols[s]!;
    this.net[k]! -= q;
    this.emit({ type: 'transfer_out', symbol, quantity: milli(q), account: this.accounts[a]! });
    if (to === a) return; // one ordinary account: the shares leave the books
    this.net[to * this.symbols.length + s]! += q;
    this.emit({ type: 'transfer_in', symbol, quantity: milli(q), account: this.accounts[to]! });
  }

  cash(a: number): void {
    const account = this.accounts[a]!;
    const r = this.random();
    const s = this.int(this.symbols.length);
    const k = a * this.symbols.length + s;
    if (r < 0.3)
      this.emit({ type: 'deposit', amount: dollars(100_000 + this.int(10_000_000)), account });
    else if (r < 0.4)
      this.emit({ type: 'withdrawal', amount: dollars(1 + this.int(500_000)), account });
    else if (r < 0.6) {
      this.emit({
        type: 'dividend',
        symbol: this.symbols[s]!,
        amount: dollars(1 + this.int(50_000)),
        account,
      });
    } else if (r < 0.7) {
      this.emit({
        type: 'interest',
        amount: dollars(this.int(20_000) - 10_000),
        account,
        ...this.optional('fees', this.fees()),
      });
    } else if (r < 0.75) this.emit({ type: 'fee', amount: dollars(1 + this.int(5000)), account });
    else if (r < 0.9) {
      const q = 1 + this.int(3000);
      this.net[k]! += q;
      this.emit({
        type: 'reinvest',
        symbol: this.symbols[s]!,
        quantity: milli(q),
        price: this.move(s),
        account,
      });
    } else if (r < 0.91 && this.net[k]! > 0) {
      this.emit({
        type: 'return_of_capital',
        symbol: this.symbols[s]!,
        amount: dollars(1 + this.int(20_000)),
        account,
      });
    } else {
      const q = (1 + this.int(40)) * 1000;
      this.net[k]! += q;
      this.emit({
        type: 'transfer_in',
        symbol: this.symbols[s]!,
        quantity: milli(q),
        price: dollars(100 + this.int(30_000)),
        account,
        acquired: addDays(this.date, -(1 + this.int(3000))),
      });
    }
  }

  row(): void {
    const r = this.random();
    const a = this.int(this.accounts.length);
    const s = this.int(this.symbols.length);
    if (r < 0.7) this.trade(a, s);
    else if (r < 0.8) this.specTrade(s);
    else if (r < 0.8002) this.split(s);
    else if (r < 0.82) this.transfer(a, s);
    else this.cash(a);
  }
}

/**
 * A valid transactions file of `options.rows` rows (± 1: a transfer writes two) as CSV text,
 * same seed ⇒ same file.
 *
 * @example
 * const csv = syntheticLedgerCsv({ rows: 100_000, seed: 1 });
 */
export function syntheticLedgerCsv(options: SyntheticLedgerOptions): string {
  const g = new Generator(options);
  const perDay = options.rowsPerDay ?? Math.max(20, Math.ceil(options.rows / 2500));
  let today = 0;
  while (g.lines.length - 1 < options.rows) {
    const day = Math.floor((g.lines.length - 1) / perDay);
    if (day !== today) {
      g.date = addDays(g.date, day - today);
      today = day;
    }
    g.row();
  }
  return g.lines.join('\n') + '\n';
}
