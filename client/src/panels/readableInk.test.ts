import { describe, expect, it } from 'vitest';
import { readableInk } from './readableInk.ts';

describe('readableInk', () => {
  it('puts white on dark colours and black on light and mid-tone ones', () => {
    expect(readableInk('#1971c2')).toBe('#ffffff');
    expect(readableInk('#212529')).toBe('#ffffff');
    expect(readableInk('#ffd43b')).toBe('#000000');
    // A mid-tone (the orange in the participant palette) is darker-than-white-friendly: black wins.
    expect(readableInk('#e8590c')).toBe('#000000');
  });
});
