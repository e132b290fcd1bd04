import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../helpers/run-cli.ts';

const fund = (symbol: string, exposures: string, provenance = '    provenance: test\n') =>
  `  ${symbol}:\n    name: ${symbol} fund\n    category: Test\n    exposures: ${exposures}\n${provenance}    validatedBy: null\n`;
const MINE = `funds:\n${fund('MYFUND', '{ gold: 2.0 }')}`;
const holdings =
  'symbol,quantity,cost_basis,acquired,account,price\nMYFUND,10,100,2024-01-02,A,10\n';

const freshDb = (): string =>
  join(mkdtempSync(join(tmpdir(), 'ballast-defs-cli-')), 'store.sqlite');

describe('ballast funds save | stored | delete and --funds-stored', () => {
  it('saves a fund file, lists it, uses it by name, and deletes it', async () => {
    const db = freshDb();
    const { mine, h } = tempFiles({ mine: MINE, h: holdings });
    const saved = await runCli('--db', db, 'funds', 'save', 'mine', '--file', mine!);
    expect([saved.code, saved.stdout]).toEqual([
      0,
      'Saved 1 fund definition as mine (from mine)\n',
    ]);
    const stored = JSON.parse(
      (await runCli('--db', db, 'funds', 'stored', '--format', 'json')).stdout,
    );
    expect(stored).toEqual([expect.objectContaining({ name: 'mine', funds: 1, source: 'mine' })]);
    const csv = await runCli('--db', db, 'funds', 'stored', '--format', 'csv');
    expect(csv.stdout).toMatch(/^name,funds,source,created_at,updated_at\nmine,1,mine,/);

    const byFile = await runCli(
      'exposures',
      '--holdings',
      h!,
      '--funds',
      mine!,
      '--format',
      'json',
    );
    const byName = await runCli(
      '--db',
      db,
      'exposures',
      '--holdings',
      h!,
      '--funds-stored',
      'mine',
      '--format',
      'json',
    );
    expect(byName.code).toBe(0);
    expect(JSON.parse(byName.stdout)).toEqual(JSON.parse(byFile.stdout));
    expect(JSON.parse(byName.stdout).exposures[0]).toMatchObject({
      id: 'gold',
      economicValue: 200,
    });
    const listed = await runCli('--db', db, 'funds', 'list', '--funds-stored', 'mine');
    expect(listed.stdout).toContain('MYFUND');

    const deleted = await runCli('--db', db, 'funds', 'delete', 'mine');
    expect([deleted.code, deleted.stdout]).toEqual([
      0,
      'Deleted stored fund definitions mine (1 fund definition)\n',
    ]);
    const gone = await runCli('--db', db, 'exposures', '--holdings', h!, '--funds-stored', 'mine');
    expect([gone.code, gone.stderr]).toEqual([
      3,
      expect.stringContaining('--funds-stored: no stored fund definitions named "mine"'),
    ]);
    const again = await runCli('--db', db, 'funds', 'delete', 'mine');
    expect([again.code, again.stderr]).toEqual([3, expect.stringContaining('NAME: no stored')]);
  });

  it('stores nothing from a file failing validation, naming the field; refuses bad names and flags', async () => {
    const db = freshDb();
    const { schema, universe, mine, h } = tempFiles({
      schema: `funds:\n${fund('BAD', '{ gold: 1 }', '')}`,
      universe: `funds:\n${fund('BAD', '{ nope: 1 }')}`,
      mine: MINE,
      h: holdings,
    });
    const noProvenance = await runCli('--db', db, 'funds', 'save', 'bad', '--file', schema!);
    expect([noProvenance.code, noProvenance.stderr]).toEqual([
      2,
      expect.stringContaining('funds.BAD.provenance'),
    ]);
    const unknownId = await runCli('--db', db, 'funds', 'save', 'bad', '--file', universe!);
    expect([unknownId.code, unknownId.stderr]).toEqual([
      2,
      expect.stringContaining('funds.BAD.exposures.nope: '),
    ]);
    const badName = await runCli('--db', db, 'funds', 'save', 'a/b', '--file', mine!);
    expect([badName.code, badName.stderr]).toEqual([2, expect.stringContaining('NAME: must be')]);
    const missing = await runCli('--db', db, 'funds', 'save', 'x', '--file', `${mine!}.nope`);
    expect([missing.code, missing.stderr]).toEqual([3, expect.stringContaining('--file')]);
    expect((await runCli('--db', db, 'funds', 'stored')).stdout).toBe(
      'No stored fund definitions.\n',
    );
    const both = await runCli(
      '--db',
      db,
      'exposures',
      '--holdings',
      h!,
      '--funds',
      mine!,
      '--funds-stored',
      'mine',
    );
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining('--funds-stored: give --funds or --funds-stored, not both'),
    ]);
  });

  it('optimize maps assets through stored definitions (--funds-stored with --exposure-bounds)', async () => {
    const db = freshDb();
    const rows = ['date,MYFUND,gold'];
    for (let m = 1; m <= 12; m++)
      rows.push(
        `2023-${String(m).padStart(2, '0')}-28,${0.02 + (m % 3) * 0.004},${0.01 - (m % 2) * 0.003}`,
      );
    const { mine, f } = tempFiles({ mine: MINE, f: rows.join('\n') });
    expect((await runCli('--db', db, 'funds', 'save', 'mine', '--file', mine!)).code).toBe(0);
    const run = await runCli(
      '--db',
      db,
      'optimize',
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--funds-stored',
      'mine',
      '--exposure-bounds',
      'gold=:1.5',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    // x_gold = 2·w_MYFUND + w_GOLD = 1 + w_MYFUND ≤ 1.5 ⇒ w_MYFUND = 0.5 (the higher mean).
    expect(out.weights.MYFUND).toBeCloseTo(0.5, 9);
    expect(out.exposures.gold).toBeCloseTo(1.5, 9);
    const unknown = await runCli(
      '--db',
      db,
      'optimize',
      '--returns',
      f!,
      '--objective',
      'max-return',
      '--funds-stored',
      'other',
      '--exposure-bounds',
      'gold=:1.5',
    );
    expect([unknown.code, unknown.stderr]).toEqual([3, expect.stringContaining('--funds-stored:')]);
  });
});

describe('ballast analyze --exposure-returns --funds-stored', () => {
  it('attributes through stored definitions exactly as through the same file', async () => {
    const db = freshDb();
    const { defs, r, e } = tempFiles({
      defs: `funds:\n${fund('SSO', '{ us_large_equity: 2.0 }')}${fund('AGG', '{ broad_ust: 1.0 }')}`,
      r: 'date,SSO,AGG\n2024-01-02,0.0385,0.006\n2024-01-03,-0.025,0.01\n',
      e: 'date,us_large_equity,broad_ust,cash_rate\n2024-01-02,0.02,0.005,0.001\n2024-01-03,-0.01,0.01,0.002\n',
    });
    expect((await runCli('--db', db, 'funds', 'save', 'two', '--file', defs!)).code).toBe(0);
    const args = [
      'analyze',
      '--returns',
      r!,
      '--weights',
      'SSO=0.6,AGG=0.4',
      '--exposure-returns',
      e!,
    ];
    const byFile = await runCli('--db', db, ...args, '--funds', defs!, '--format', 'json');
    const byName = await runCli('--db', db, ...args, '--funds-stored', 'two', '--format', 'json');
    expect(byName.code).toBe(0);
    expect(JSON.parse(byName.stdout).attribution).toEqual(JSON.parse(byFile.stdout).attribution);
    expect(Object.keys(JSON.parse(byName.stdout).attribution.byExposure)).toContain(
      'us_large_equity',
    );
    const unknown = await runCli('--db', db, ...args, '--funds-stored', 'three');
    expect([unknown.code, unknown.stderr]).toEqual([3, expect.stringContaining('--funds-stored:')]);
  });
});

describe('ballast universe save | stored | delete', () => {
  it('keeps named lists of symbols beside the shipped exposure universe', async () => {
    const db = freshDb();
    const saved = await runCli(
      '--db',
      db,
      'universe',
      'save',
      'core',
      '--symbols',
      'spy, agg,us_large_equity',
      '--description',
      'my core',
    );
    expect([saved.code, saved.stdout]).toEqual([
      0,
      'Saved universe core: 3 symbols (SPY, AGG, US_LARGE_EQUITY)\n',
    ]);
    const stored = JSON.parse(
      (await runCli('--db', db, 'universe', 'stored', '--format', 'json')).stdout,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        name: 'core',
        symbols: ['SPY', 'AGG', 'US_LARGE_EQUITY'],
        description: 'my core',
      }),
    ]);
    const shipped = await runCli('universe', '--format', 'json');
    expect(JSON.parse(shipped.stdout).exposures.length).toBeGreaterThan(10);
    const twice = await runCli('--db', db, 'universe', 'save', 'core', '--symbols', 'SPY,spy');
    expect([twice.code, twice.stderr]).toEqual([
      2,
      expect.stringContaining('--symbols: is listed twice'),
    ]);
    const deleted = await runCli('--db', db, 'universe', 'delete', 'core', '--format', 'json');
    expect(JSON.parse(deleted.stdout)).toMatchObject({
      name: 'core',
      symbols: ['SPY', 'AGG', 'US_LARGE_EQUITY'],
    });
    expect((await runCli('--db', db, 'universe', 'stored')).stdout).toBe('No stored universes.\n');
    const gone = await runCli('--db', db, 'universe', 'delete', 'core');
    expect(gone.code).toBe(3);
  });
});
