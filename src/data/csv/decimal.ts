/**
 * Decimal numbers read straight from CSV text. The syntax is checked in place; a cell with at
 * most 15 significant digits and a decimal exponent within ±22 is one exact integer times or
 * divided by an exact power of ten, so one IEEE-754 operation gives the correctly rounded value
 * — the value `Number()` gives (W. D. Clinger, "How to read floating point numbers
 * accurately", PLDI 1990, the fast path). Up to 19 significant digits divided by a power of ten
 * (the shortest round-trip form of a double, as pandas and JavaScript print returns) are
 * divided in double-double arithmetic (T. J. Dekker, "A floating-point technique for extending
 * the available precision", Numer. Math. 18, 1971) and rounded once, unless the quotient lies
 * too near a tie between two doubles to be sure. Every other cell goes to `Number()` itself.
 */

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

const ZERO = 0x30;
const NINE = 0x39;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;

/** True for the ASCII characters `String.prototype.trim` removes (tab, LF, VT, FF, CR, space). */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Where {@link scanNumber} stopped, and the number it read (NaN when none). */
export const scanned = { end: 0, value: NaN };

/**
 * Reads the longest stretch of `text` from `start` (before `limit`) that looks like a decimal
 * `[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?` (case-insensitive) into {@link scanned}: where it
 * stopped, and the value `Number()` gives for that stretch — NaN when the stretch is not a
 * whole number (no digits, or an exponent without digits); Infinity when it is too large.
 */
export function scanNumber(text: string, start: number, limit: number): void {
  let i = start;
  let c = i < limit ? text.charCodeAt(i) : -1;
  const negative = c === MINUS;
  if (negative || c === PLUS) c = ++i < limit ? text.charCodeAt(i) : -1;
  let mantissa = 0;
  let tail = 0; // digits after the 15th significant one, as an integer
  let tailDigits = 0;
  let significant = 0;
  // The integer part, then the fraction: leading zeros, the first 15 significant digits, the
  // next five and the rest, each in a tight loop of its own. The two parts are written out
  // rather than looped over: one loop over both parts read the benchmark file ~15 % slower.
  const integerStart = i;
  while (c === ZERO) c = ++i < limit ? text.charCodeAt(i) : -1;
  while (significant < 15 && c >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + (c - ZERO);
    significant++;
    c = ++i < limit ? text.charCodeAt(i) : -1;
  }
  while (tailDigits < 5 && c >= ZERO && c <= NINE) {
    tail = tail * 10 + (c - ZERO);
    tailDigits++;
    significant++;
    c = ++i < limit ? text.charCodeAt(i) : -1;
  }
  while (c >= ZERO && c <= NINE) {
    significant++;
    c = ++i < limit ? text.charCodeAt(i) : -1;
  }
  let digits = i - integerStart;
  let fraction = 0;
  if (c === DOT) {
    c = ++i < limit ? text.charCodeAt(i) : -1;
    const fractionStart = i;
    if (significant === 0) while (c === ZERO) c = ++i < limit ? text.charCodeAt(i) : -1;
    while (significant < 15 && c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      significant++;
      c = ++i < limit ? text.charCodeAt(i) : -1;
    }
    while (tailDigits < 5 && c >= ZERO && c <= NINE) {
      tail = tail * 10 + (c - ZERO);
      tailDigits++;
      significant++;
      c = ++i < limit ? text.charCodeAt(i) : -1;
    }
    while (c >= ZERO && c <= NINE) {
      significant++;
      c = ++i < limit ? text.charCodeAt(i) : -1;
    }
    fraction = i - fractionStart;
    digits += fraction;
  }
  scanned.value = NaN;
  scanned.end = i;
  if (digits === 0) return;
  let exponent = 0;
  let expDigits = 0;
  if ((c | 0x20) === 0x65) {
    c = ++i < limit ? text.charCodeAt(i) : -1;
    const minus = c === MINUS;
    if (minus || c === PLUS) c = ++i < limit ? text.charCodeAt(i) : -1;
    for (; c >= ZERO && c <= NINE; c = ++i < limit ? text.charCodeAt(i) : -1) {
      if (expDigits++ < 6) exponent = exponent * 10 + (c - ZERO);
    }
    scanned.end = i;
    if (expDigits === 0) return;
    if (minus) exponent = -exponent;
  }
  let value = NaN;
  if (expDigits <= 6) {
    const p = exponent - fraction; // the value is (all the digits as an integer) × 10^p
    if (significant <= 15 && p >= -22 && p <= 22) {
      value = p === 0 ? mantissa : p > 0 ? mantissa * POW10[p]! : mantissa / POW10[-p]!;
    } else if (significant <= 19 && p < 0 && p >= -22) {
      value = divideExact(mantissa, { tail, tailDigits, power: -p });
    }
  }
  // Too long or too large for the exact paths (the slice carries its own sign).
  scanned.value = value !== value ? Number(text.slice(start, i)) : negative ? -value : value;
}

/**
 * The number `text[start, end)` (trimmed by the caller) spells, exactly as `Number()` reads it,
 * when the cell matches `[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?` (case-insensitive); NaN when it
 * does not. Infinity for a finite-looking cell too large for a double (`1e999`).
 */
export function decimalAt(text: string, start: number, end: number): number {
  scanNumber(text, start, end);
  return scanned.end === end ? scanned.value : NaN;
}

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Index of the word holding sign and exponent (1 on little-endian machines). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Half the spacing of doubles at |x| (x normal), or NaN when x is zero or too small. */
function halfUlp(x: number): number {
  bits[0] = x;
  const exponent = (words[HIGH]! >>> 20) & 0x7ff;
  if (exponent <= 53) return NaN;
  words[HIGH] = (exponent - 53) << 20;
  words[1 - HIGH] = 0;
  return bits[0];
}

/**
 * (head × 10^tailDigits + tail) / 10^power, correctly rounded, for a head of 15 digits, a tail
 * of at most 4 and a power of at most 22 (10^power is an exact double); NaN when the quotient is
 * too near a tie between two doubles to be sure (the caller then asks `Number()`).
 */
function divideExact(
  head: number,
  part: { tail: number; tailDigits: number; power: number },
): number {
  // M = head × 10^k + tail exactly, as the unevaluated sum mh + ml (Dekker's two-product).
  const scale = POW10[part.tailDigits]!;
  const ph = head * scale;
  const ah = head * SPLIT - (head * SPLIT - head);
  const al = head - ah;
  const bh = scale * SPLIT - (scale * SPLIT - scale);
  const bl = scale - bh;
  const pl = ah * bh - ph + ah * bl + al * bh + al * bl;
  const mh = ph + part.tail;
  const ml = pl + (part.tail - (mh - ph));
  const d = POW10[part.power]!;
  const q1 = mh / d;
  // r = M − q1 × d, exactly enough: q1 × d as th + tl, then mh − th is exact (Sterbenz).
  const th = q1 * d;
  const ch = q1 * SPLIT - (q1 * SPLIT - q1);
  const cl = q1 - ch;
  const dh = d * SPLIT - (d * SPLIT - d);
  const dl = d - dh;
  const tl = ch * dh - th + ch * dl + cl * dh + cl * dl;
  const q2 = (mh - th - tl + ml) / d;
  const rounded = q1 + q2;
  const off = Math.abs(q2 - (rounded - q1)); // how far the exact quotient is from `rounded`
  const half = halfUlp(rounded);
  if (!(Math.abs(off - half) > half * 2 ** -40)) return NaN;
  return rounded;
}
