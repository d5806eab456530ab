import { describe, expect, it } from 'vitest';
import { redactSecret } from './redactSecret.ts';

describe('redactSecret', () => {
  it('removes the key and the fragments services echo back', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456';
    const out = redactSecret(`bad key ${key}; you sent sk-proj-abcde…yz123456`, key);
    expect(out).not.toContain(key);
    expect(out).not.toContain(key.slice(0, 12));
    expect(out).not.toContain(key.slice(-8));
    expect(out).toContain('bad key [redacted]');
  });
});
