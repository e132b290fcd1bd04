/**
 * A second backtest implementation for the property test of src/domain/backtest, written from
 * docs/backtest.md with plain arrays and loops: its own calendar keys (Date.UTC), the net
 * value by fixed-point iteration instead of the engine's exact Newton solve, the cash after a
 * trade as V − Σ q p − cost instead of a running cash account, and its own money-weighted
 * return by bisection. It shares no code with the engine.
 */

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'annual';

export interface Case {
  dates: string[];
  prices: number[][]; // [row][asset]
  weights: number[];
  rebalance: 'never' | Frequency;
  band: { kind: 'absolute' | 'relative'; width: number } | null;
  k: number;
  flow: { amount: number; every: Frequency } | null;
  initial: number;
  rate: number;
  spread: number;
}

const DAY = 86_400_000;

function periodKey(date: string, f: Frequency): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (f === 'daily') return date;
  if (f === 'monthly') return `${y}-${m}`;
  if (f === 'quarterly') return `${y}-Q${Math.ceil(m / 3)}`;
  if (f === 'annual') return `${y}`;
  const t = Date.UTC(y, m - 1, d);
  const mondayBased = (new Date(t).getUTCDay() + 6) % 7;
  return String(t - mondayBased * DAY);
}

function scheduled(dates: string[], t: number, f: Frequency): boolean {
  if (t === 0 || t === dates.length - 1) return false;
  return f === 'daily' || periodKey(dates[t]!, f) !== periodKey(dates[t + 1]!, f);
}

export interface Reference {
  values: number[];
  flows: number[];
  costs: number;
  interest: number;
  rebalances: number[];
  stopRow: number | null;
}

export function reference(c: Case): Reference {
  const n = c.weights.length;
  const T = c.dates.length;
  const w = c.weights;
  let q = new Array<number>(n).fill(0);
  let cash = c.initial;
  let costs = 0;
  let interest = 0;
  const values: number[] = [];
  const flows = new Array<number>(T).fill(0);
  const rebalances: number[] = [];
  const lend = Math.pow(1 + c.rate, 1 / 252) - 1;
  const borrow = Math.pow(1 + c.rate + c.spread, 1 / 252) - 1;
  const held = (t: number): number => q.reduce((s, qi, i) => s + qi * c.prices[t]![i]!, 0);
  const rebalanceTo = (t: number): void => {
    const p = c.prices[t]!;
    const v = held(t) + cash;
    const h = q.map((qi, i) => qi * p[i]!);
    let x = v;
    for (let it = 0; it < 500; it++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(w[i]! * x - h[i]!);
      x = v - c.k * s;
    }
    const next = w.map((wi, i) => (wi * x) / p[i]!);
    let cost = 0;
    for (let i = 0; i < n; i++) cost += c.k * Math.abs(next[i]! - q[i]!) * p[i]!;
    q = next;
    cash = v - held(t) - cost;
    costs += cost;
  };
  rebalanceTo(0);
  values.push(held(0) + cash);
  let stopRow: number | null = null;
  for (let t = 1; t < T; t++) {
    if (stopRow !== null) {
      values.push(values[t - 1]!);
      continue;
    }
    const p = c.prices[t]!;
    const earned = cash * (cash >= 0 ? lend : borrow);
    cash += earned;
    interest += earned;
    const v = held(t) + cash;
    const gross = q.reduce((s, qi, i) => s + Math.abs(qi * p[i]!), 0);
    if (v <= 0) {
      costs += c.k * gross;
      cash = v - c.k * gross;
      q = q.map(() => 0);
      values.push(cash);
      stopRow = t;
      continue;
    }
    const amount = c.flow && scheduled(c.dates, t, c.flow.every) ? c.flow.amount : 0;
    const consider =
      c.rebalance === 'never' ? c.band !== null && t < T - 1 : scheduled(c.dates, t, c.rebalance);
    let trade = consider;
    if (consider && c.band) {
      const band = c.band;
      trade = w.some((wi, i) => {
        const limit = band.kind === 'absolute' ? band.width : band.width * Math.abs(wi);
        return Math.abs((q[i]! * p[i]!) / v - wi) > limit;
      });
    }
    const left = v - c.k * gross;
    if (amount < 0 && -amount >= left) {
      costs += c.k * gross;
      flows[t] = -Math.max(0, left);
      cash = left - Math.max(0, left);
      q = q.map(() => 0);
      values.push(cash);
      stopRow = t;
      continue;
    }
    flows[t] = amount;
    if (trade) {
      cash += amount;
      rebalanceTo(t);
      rebalances.push(t);
    } else if (amount > 0) {
      const net = amount / (1 + c.k * w.reduce((s, wi) => s + Math.abs(wi), 0));
      const cost = c.k * w.reduce((s, wi) => s + Math.abs(wi * net), 0);
      q = q.map((qi, i) => qi + (w[i]! * net) / p[i]!);
      cash += amount - w.reduce((s, wi) => s + wi * net, 0) - cost;
      costs += cost;
    } else if (amount < 0) {
      const f = -amount / left;
      const cost = c.k * f * gross;
      cash += f * held(t) - cost + amount;
      q = q.map((qi) => qi * (1 - f));
      costs += cost;
    }
    values.push(held(t) + cash);
  }
  return { values, flows, costs, interest, rebalances, stopRow };
}

/** Money-weighted return per D days (D = the window), by bisection on the NPV. */
export function referenceMwr(c: Case, r: Reference): number | null {
  const d0 = Date.parse(c.dates[0]!);
  const days = (i: number): number => (Date.parse(c.dates[i]!) - d0) / DAY;
  const D = days(c.dates.length - 1);
  const cf = [{ t: 0, a: -c.initial }];
  r.flows.forEach((f, i) => {
    if (f !== 0) cf.push({ t: days(i) / D, a: -f });
  });
  cf.push({ t: 1, a: r.values.at(-1)! });
  if (!cf.some((x) => x.a > 0) || !cf.some((x) => x.a < 0)) return null;
  const npv = (rho: number): number => cf.reduce((s, x) => s + x.a * Math.pow(1 + rho, -x.t), 0);
  let lo = -0.999999;
  let hi = 100;
  if (Math.sign(npv(lo)) === Math.sign(npv(hi))) return null;
  for (let i = 0; i < 300; i++) {
    const mid = (lo + hi) / 2;
    if (Math.sign(npv(mid)) === Math.sign(npv(lo))) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** `rows` weekdays from Monday 4 Dec 2023, the gap after row i being `gaps[i]` weekdays. */
export function weekdays(rows: number, gaps: readonly number[]): string[] {
  const dates: string[] = [];
  let t = Date.UTC(2023, 11, 4);
  for (let i = 0; i < rows; i++) {
    dates.push(new Date(t).toISOString().slice(0, 10));
    for (let g = 0; g < gaps[i]!; g++) {
      t += DAY;
      while ([0, 6].includes(new Date(t).getUTCDay())) t += DAY;
    }
  }
  return dates;
}
