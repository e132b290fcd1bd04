import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/helpers/app-deps.ts';
import { dataImport } from './data-import.ts';
import { dataQuality } from './data-quality.ts';

describe('dataQuality use case', () => {
  it('flags a +30 % day as a jump above the default 15 %, and a +12 % day only below a 10 % threshold', async () => {
    const d = testDeps();
    try {
      await dataImport(
        {
          // NYSE days 2024-03-04..08: 100 → 100 → 130 (+30 %) → 130 → 145.6 (+12 %)
          file: {
            text: 'date,close\n2024-03-04,100\n2024-03-05,100\n2024-03-06,130\n2024-03-07,130\n2024-03-08,145.6\n',
          },
          symbol: 'JMP',
        },
        d,
      );
      const jumps = async (jumpThreshold?: number) =>
        (await dataQuality({ symbols: ['jmp'], ...(jumpThreshold ? { jumpThreshold } : {}) }, d))
          .JMP!.issues.filter((i) => i.kind === 'jump')
          .map((i) => i.date);
      expect(await jumps()).toEqual(['2024-03-06']);
      expect(await jumps(0.1)).toEqual(['2024-03-06', '2024-03-08']);
      const report = (await dataQuality({ symbols: ['JMP'] }, d)).JMP!;
      expect(report).toMatchObject({ observations: 5, from: '2024-03-04', to: '2024-03-08' });
      await expect(dataQuality({ symbols: ['NONE'] }, d)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { field: 'symbols', value: 'NONE' },
      });
      await expect(dataQuality({ symbols: ['JMP'], jumpThreshold: -1 }, d)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'jumpThreshold' },
      });
    } finally {
      await d.close();
    }
  });
});
