import { afterAll, describe, expect, it } from 'vitest';
import type { BallastError } from '../domain/errors.ts';
import { exposures } from './exposures.ts';
import { fundsCheck } from './funds-check.ts';
import { fundsSave } from './funds-save.ts';
import { fundsDelete, fundsStoredGet, fundsStoredList } from './funds-stored.ts';
import { fundsList, fundsValidate } from './funds.ts';
import { exposureMap } from './optimize-exposures.ts';
import { errorOf, testDeps } from './test-helpers.ts';

const deps = testDeps();
afterAll(() => deps.close());

const fund = (symbol: string, exposures: string, extra = '    provenance: test\n') =>
  `  ${symbol}:\n    name: ${symbol} fund\n    category: Test\n    exposures: ${exposures}\n${extra}    validatedBy: null\n`;
const MINE = `# my own\nfunds:\n${fund('MYFUND', '{ gold: 2.0 }')}${fund('LEV', '{ us_large_equity: 2.0, gold: 0 }')}`;
const holdings = {
  text: 'symbol,quantity,cost_basis,acquired,account,price\nMYFUND,10,100,2024-01-02,A,10\n',
  name: 'h.csv',
};

const fail = async (work: () => unknown): Promise<BallastError> =>
  (await errorOf(work)) as BallastError;

describe('stored fund definitions', () => {
  it('saves a valid file with its warnings, lists, gets, replaces and deletes it', async () => {
    const store = await deps.store();
    const before = await store.dataVersion();
    const saved = await fundsSave({ name: 'mine', funds: { text: MINE, name: 'mine.yaml' } }, deps);
    expect(saved).toMatchObject({ name: 'mine', source: 'mine.yaml', funds: 2, created: true });
    expect(saved.warnings.map((w) => w.details)).toEqual([
      { symbol: 'LEV', field: 'funds.LEV.exposures.gold' },
    ]);
    expect(await store.dataVersion()).not.toBe(before);
    const list = await fundsStoredList({}, deps);
    expect(list).toEqual([
      {
        name: 'mine',
        source: 'mine.yaml',
        funds: 2,
        createdAt: saved.createdAt,
        updatedAt: saved.updatedAt,
      },
    ]);
    const got = await fundsStoredGet({ name: 'mine' }, deps);
    expect(got.text).toBe(MINE);
    expect(Object.keys(got.definitions)).toEqual(['MYFUND', 'LEV']);
    expect(await fundsList({ funds: { stored: 'mine' } }, deps)).toEqual({
      funds: got.definitions,
    });
    expect(await fundsValidate({ funds: { stored: 'mine' } }, deps)).toMatchObject({
      file: 'stored funds mine',
      funds: 2,
      valid: true,
    });
    const replaced = await fundsSave(
      { name: 'mine', funds: { text: `funds:\n${fund('X', '{ gold: 1 }')}` } },
      deps,
    );
    expect(replaced).toMatchObject({ funds: 1, created: false, source: 'input' });
    expect(await fundsDelete({ name: 'mine' }, deps)).toMatchObject({ name: 'mine', funds: 1 });
    expect(await fundsStoredList({}, deps)).toEqual([]);
    const gone = await fail(() => fundsStoredGet({ name: 'mine' }, deps));
    expect([gone.code, gone.details.field]).toEqual(['NOT_FOUND', 'name']);
  });

  it('stores nothing from a file that fails the schema or the exposure universe, naming the field', async () => {
    const schema = await fail(() =>
      fundsSave(
        {
          name: 'bad',
          funds: { text: `funds:\n${fund('BAD', '{ gold: 1 }', '')}`, name: 'b.yaml' },
        },
        deps,
      ),
    );
    expect([schema.code, schema.details.field]).toEqual(['INVALID_INPUT', 'funds.BAD.provenance']);
    const universe = await fail(() =>
      fundsSave(
        { name: 'bad', funds: { text: `funds:\n${fund('BAD', '{ nope: 1 }')}`, name: 'b.yaml' } },
        deps,
      ),
    );
    expect([universe.code, universe.details.field]).toEqual([
      'INVALID_INPUT',
      'funds.BAD.exposures.nope',
    ]);
    expect(universe.message).toMatch(/^b\.yaml: funds\.BAD\.exposures\.nope: /);
    const name = await fail(() => fundsSave({ name: 'a b', funds: { text: MINE } }, deps));
    expect([name.code, name.details.field]).toEqual(['INVALID_INPUT', 'name']);
    expect(await fundsStoredList({}, deps)).toEqual([]);
  });

  it('lets analyses take { stored: NAME } as their funds, NOT_FOUND naming the field', async () => {
    await fundsSave({ name: 'mine', funds: { text: MINE, name: 'mine.yaml' } }, deps);
    const inline = await exposures({ holdings, funds: { text: MINE, name: 'mine.yaml' } }, deps);
    expect(await exposures({ holdings, funds: { stored: 'mine' } }, deps)).toEqual(inline);
    const missing = await fail(() => exposures({ holdings, funds: { stored: 'other' } }, deps));
    expect([missing.code, missing.details.field]).toEqual(['NOT_FOUND', 'funds.stored']);
    expect(missing.message).toMatch(/^funds\.stored: no stored fund definitions named "other"/);

    const map = await exposureMap(['MYFUND', 'gold'], { funds: { stored: 'mine' } }, deps);
    expect(map.names).toEqual(['gold']);
    const unmapped = await fail(() => exposureMap(['SPY'], { funds: { stored: 'mine' } }, deps));
    expect(unmapped.message).toContain('neither a fund of stored funds mine');
    const noMap = await fail(() => exposureMap(['SPY'], { funds: { stored: 'zz' } }, deps));
    expect(noMap.details.field).toBe('constraints.exposures.funds.stored');

    const returns = {
      text: 'date,MYFUND,gold\n2024-01-31,0.02,0.01\n2024-02-29,-0.04,-0.02\n2024-03-31,0.06,0.03\n2024-04-30,0.01,0.005\n',
      name: 'r.csv',
    };
    const check = await fundsCheck({ fund: 'MYFUND', returns, funds: { stored: 'mine' } }, deps);
    expect(check.exposures[0]!.beta).toBeCloseTo(2, 10);
    const noDeps = await fail(() =>
      fundsCheck({ fund: 'LEV', returns, funds: { stored: 'mine' } }),
    );
    expect([noDeps.code, noDeps.details.field]).toEqual(['INVALID_INPUT', 'funds.stored']);
  });
});
