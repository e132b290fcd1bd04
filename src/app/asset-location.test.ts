import { describe, expect, it } from 'vitest';
import { loadHighs } from '../core/solvers/highs.ts';
import { assetLocation } from './asset-location.ts';

/**
 * The use case on inline sources (as the library and the API call it): the accounts file and
 * the fund definitions given as text. A Roth and a traditional IRA of $50,000 each, 50/50:
 * the growth exposure goes to the Roth (each dollar moved there gains 0.2 (1.08^5 − 1.03^5)
 * with a 20 % withdrawal rate), so the value at H = 5 is
 * 50,000 × 1.08^5 + 0.8 × 50,000 × 1.03^5 = 73,466.40 + 46,370.96 = 119,837.36.
 */
const deps = { solver: loadHighs, store: () => Promise.reject(new Error('no store')) };
const FUNDS = `funds:
  GROW: { name: Growth, category: test, exposures: { growth: 1 }, provenance: test fixture, validatedBy: null }
  SAFE: { name: Safe, category: test, exposures: { safe: 1 }, provenance: test fixture, validatedBy: null }
`;
const ACCOUNTS = `
accounts:
  - { name: roth, type: roth, balance: 50000, funds: [GROW, SAFE] }
  - { name: ira, type: traditional, balance: 50000, funds: [GROW, SAFE] }
target: { growth: 0.5, safe: 0.5 }
tax: { ordinaryRate: 0.3, qualifiedRate: 0.15, capitalGainsRate: 0.15, withdrawalRate: 0.2, horizonYears: 5 }
exposures:
  growth: { expectedReturn: 0.08, yield: 0.01, qualifiedShare: 1 }
  safe: { expectedReturn: 0.03, yield: 0.03 }
`;

describe('assetLocation', () => {
  it('places inline accounts with inline fund definitions, money to the cent', async () => {
    const doc = await assetLocation(
      { accounts: { text: ACCOUNTS, name: 'household' }, funds: { text: FUNDS, name: 'mine' } },
      deps,
    );
    expect(doc.accounts.map((a) => a.holdings)).toEqual([
      [{ fund: 'GROW', dollars: 50000 }],
      [{ fund: 'SAFE', dollars: 50000 }],
    ]);
    expect(doc.objective.afterTaxValue).toBe(
      Math.round((50_000 * 1.08 ** 5 + 0.8 * 50_000 * 1.03 ** 5) * 100) / 100,
    );
    expect(doc.source).toEqual({ accounts: 'household', funds: 'mine' });
  });

  it('an unknown fund on a menu is INVALID_INPUT naming the file and the field', async () => {
    const bad = ACCOUNTS.replace(
      'funds: [GROW, SAFE] }\n  - { name: ira',
      'funds: [GROW, NOPE] }\n  - { name: ira',
    );
    await expect(
      assetLocation(
        { accounts: { text: bad, name: 'household' }, funds: { text: FUNDS, name: 'mine' } },
        deps,
      ),
    ).rejects.toThrow(/^household: accounts\[0\]\.funds\[1\]: not a fund/);
  });
});
