import { describe, expect, it } from 'vitest';
import { RangeStrings } from './range-reader.ts';

describe('RangeStrings', () => {
  it('gives the same string object for the same content wherever it sits in the text', () => {
    const strings = new RangeStrings();
    const text = 'ACC1,SPY,ACC1,spy,ACC10,,SPY';
    const first = strings.get(text, 0, 4);
    expect(first).toBe('ACC1');
    expect(strings.get(text, 9, 13)).toBe(first);
    expect(strings.get(text, 5, 8)).toBe('SPY');
    expect(strings.get(text, 14, 17)).toBe('spy');
    expect(strings.get(text, 18, 23)).toBe('ACC10');
    expect(strings.get(text, 24, 24)).toBe('');
    expect(strings.index(text, 25, 28)).toBe(strings.index(text, 5, 8));
  });

  it('keeps every distinct content while it grows, then cuts new ones out fresh past the limit', () => {
    const strings = new RangeStrings();
    const texts = Array.from({ length: RangeStrings.LIMIT + 10 }, (_, i) => `T${i}`);
    const kept = texts.map((t) => strings.get(t, 0, t.length));
    expect(kept).toEqual(texts);
    texts.forEach((t, i) => {
      const again = strings.get(`${t}`, 0, t.length);
      expect(again).toBe(t);
      expect(strings.index(t, 0, t.length)).toBe(i < RangeStrings.LIMIT ? i : -1);
    });
  });
});
