import { describe, expect, it } from 'vitest';
import { flagValue } from './returns-prefetch.ts';

describe('flagValue', () => {
  it('finds a flag written with a space or an equals sign', () => {
    expect(flagValue(['optimize', '--returns', 'r.csv', '--format', 'json'], '--returns')).toBe(
      'r.csv',
    );
    expect(flagValue(['optimize', '--returns=a=b.csv'], '--returns')).toBe('a=b.csv');
  });

  it('finds nothing when the flag is absent, has no value or comes after --', () => {
    expect(flagValue(['optimize', '--moments', 'm.json'], '--returns')).toBeUndefined();
    expect(flagValue(['optimize', '--returns'], '--returns')).toBeUndefined();
    expect(flagValue(['optimize', '--returns', '--format', 'json'], '--returns')).toBeUndefined();
    expect(flagValue(['optimize', '--', '--returns', 'r.csv'], '--returns')).toBeUndefined();
    expect(flagValue(['optimize', '--returns-file', 'r.csv'], '--returns')).toBeUndefined();
  });
});
