/**
 * 120 weekdays from Mon 2 Jan 2023 of two made-up closes, A (±2.5 % a day) and B (±1 %), from a
 * fixed linear congruential sequence (no randomness): a small wide price CSV for sweep tests.
 */
export function twoMadeUpCloses(): string {
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  const lines = ['date,A,B'];
  const level = [100, 50];
  const day = new Date(Date.UTC(2023, 0, 2));
  for (let t = 0; t < 120; t++) {
    if (t > 0) {
      level[0] = level[0]! * (1 + 0.05 * next());
      level[1] = level[1]! * (1 + 0.02 * next());
    }
    lines.push(`${day.toISOString().slice(0, 10)},${level.map((x) => x.toFixed(4)).join(',')}`);
    do day.setUTCDate(day.getUTCDate() + 1);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  }
  return lines.join('\n');
}

/**
 * `rows` weekdays from Mon 2 Jan 2023 of three made-up closes from a fixed linear congruential
 * sequence (no randomness): the first swings ±3 % a day, the second ±1 %, the third ±2 %;
 * `header` names the columns.
 */
export function threeMadeUpCloses(header = 'date,A,B,M', rows = 300): string {
  let state = 16;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const lines = [header];
  const level = [100, 50, 10];
  const day = new Date(Date.UTC(2023, 0, 2));
  for (let t = 0; t < rows; t++) {
    if (t > 0) {
      level[0] = level[0]! * (1 + 0.0004 + 0.06 * next());
      level[1] = level[1]! * (1 + 0.0002 + 0.02 * next());
      level[2] = level[2]! * (1 + 0.0003 + 0.04 * next());
    }
    lines.push(`${day.toISOString().slice(0, 10)},${level.map((x) => x.toFixed(4)).join(',')}`);
    do day.setUTCDate(day.getUTCDate() + 1);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  }
  return lines.join('\n');
}
