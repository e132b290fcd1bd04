/** Contract cases for named fund definitions and universes on every engine. */

import { expect, it } from 'vitest';
import { expectInvalid, rejection, type CurrentStore, type ManualClock } from './fixtures.ts';

const FUNDS = 'funds:\n  AAA:\n    name: A\n';

/** Cases for `store.fundDefinitions` and `store.universes`. */
export function definitionCases(store: CurrentStore, clock: () => ManualClock): void {
  it('puts fund definitions by name: created, then replaced keeping the creation time', async () => {
    const defs = store().fundDefinitions;
    const first = await defs.put({ name: ' mine ', text: FUNDS, source: 'mine.yaml' });
    expect(first).toEqual({
      created: true,
      stored: {
        name: 'mine',
        text: FUNDS,
        source: 'mine.yaml',
        createdAt: '2026-01-05T00:00:00.000Z',
        updatedAt: '2026-01-05T00:00:00.000Z',
      },
    });
    clock().set('2026-01-06T00:00:00.000Z');
    const text = `# kept as given\n${FUNDS}`;
    const second = await defs.put({ name: 'mine', text });
    expect(second).toEqual({
      created: false,
      stored: { ...first.stored, text, source: 'mine', updatedAt: '2026-01-06T00:00:00.000Z' },
    });
    await defs.put({ name: 'Alt-2.b', text: FUNDS });
    expect(await defs.get('mine')).toEqual(second.stored);
    expect((await defs.list()).map((d) => d.name)).toEqual(['Alt-2.b', 'mine']);
    expect(await defs.delete('mine')).toEqual(second.stored);
    expect(await defs.find('mine')).toBeUndefined();
    expect((await defs.list()).map((d) => d.name)).toEqual(['Alt-2.b']);
  });

  it('puts universes with their symbols in order, upper-cased, and an optional description', async () => {
    const universes = store().universes;
    const put = await universes.put({ name: 'core', symbols: [' spy', 'us_large_equity', 'GLD'] });
    expect(put).toEqual({
      created: true,
      stored: {
        name: 'core',
        symbols: ['SPY', 'US_LARGE_EQUITY', 'GLD'],
        createdAt: '2026-01-05T00:00:00.000Z',
        updatedAt: '2026-01-05T00:00:00.000Z',
      },
    });
    clock().set('2026-01-07T00:00:00.000Z');
    const replaced = await universes.put({
      name: 'core',
      symbols: ['AGG'],
      description: ' bonds ',
    });
    expect(replaced.created).toBe(false);
    expect(await universes.get('core')).toEqual({
      name: 'core',
      symbols: ['AGG'],
      description: 'bonds',
      createdAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-07T00:00:00.000Z',
    });
    await universes.put({ name: 'core', symbols: ['AGG'], description: '' });
    expect(await universes.get('core')).not.toHaveProperty('description');
    expect(await universes.list()).toHaveLength(1);
    await universes.delete('core');
    expect(await universes.list()).toEqual([]);
  });

  it('names an unknown name with NOT_FOUND and refuses bad fields, writing nothing', async () => {
    const { fundDefinitions: defs, universes } = store();
    for (const missing of [
      () => defs.get('nope'),
      () => defs.delete('nope'),
      () => universes.get('nope'),
      () => universes.delete('nope'),
    ]) {
      const error = await rejection(missing());
      expect([error.code, error.details]).toEqual(['NOT_FOUND', { field: 'name', value: 'nope' }]);
    }
    for (const name of ['', 'a b', 'a/b', '-x', 'x'.repeat(65), 'é'])
      await expectInvalid(defs.put({ name, text: FUNDS }), 'name');
    await expectInvalid(defs.get('../x'), 'name');
    await expectInvalid(defs.put({ name: 'n', text: '  ' }), 'text');
    await expectInvalid(defs.put({ name: 'n', text: 'x'.repeat(1024 * 1024 + 1) }), 'text');
    await expectInvalid(defs.put({ name: 'n', text: FUNDS, source: 'a\nb' }), 'source');
    await expectInvalid(universes.put({ name: 'u', symbols: [] }), 'symbols');
    await expectInvalid(universes.put({ name: 'u', symbols: ['A', 'B C'] }), 'symbols[1]');
    await expectInvalid(universes.put({ name: 'u', symbols: ['A', 'B', ' a'] }), 'symbols[2]');
    await expectInvalid(
      universes.put({ name: 'u', symbols: ['A'], description: 'x'.repeat(501) }),
      'description',
    );
    expect(await defs.list()).toEqual([]);
    expect(await universes.list()).toEqual([]);
  });

  it('rolls definition writes back with their transaction, and grows the data version', async () => {
    const s = store();
    const kept = (await s.fundDefinitions.put({ name: 'kept', text: FUNDS })).stored;
    const crash = new Error('crash');
    const failed = s.transaction(async (t) => {
      await t.fundDefinitions.put({ name: 'kept', text: `${FUNDS}# changed\n` });
      await t.universes.put({ name: 'u', symbols: ['A'] });
      expect(await t.universes.list()).toHaveLength(1);
      throw crash;
    });
    await expect(failed).rejects.toBe(crash);
    expect(await s.fundDefinitions.list()).toEqual([kept]);
    expect(await s.universes.list()).toEqual([]);
    const versions = [await s.dataVersion()];
    await s.fundDefinitions.put({ name: 'kept', text: FUNDS });
    versions.push(await s.dataVersion());
    await s.universes.put({ name: 'u', symbols: ['A'] });
    versions.push(await s.dataVersion());
    await s.universes.delete('u');
    versions.push(await s.dataVersion());
    await s.fundDefinitions.delete('kept');
    versions.push(await s.dataVersion());
    expect(new Set(versions).size).toBe(5);
    await s.fundDefinitions.list();
    await s.universes.find('u');
    expect(await s.dataVersion()).toBe(versions.at(-1));
  });
}
