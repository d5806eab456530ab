import { describe, expect, it } from 'vitest';
import { errorKindFor } from './errorKind.ts';

describe('error pages', () => {
  it('tells a missing session from an expired link from a wrong one, over HTTP and the socket alike', () => {
    expect(errorKindFor(404)).toBe('notFound');
    expect(errorKindFor(4404)).toBe('notFound');
    expect(errorKindFor(401)).toBe('unauthorized');
    expect(errorKindFor(4401)).toBe('unauthorized');
    expect(errorKindFor(403)).toBe('forbidden');
    expect(errorKindFor(4403)).toBe('forbidden');
    expect(errorKindFor(0)).toBe('network');
    expect(errorKindFor(500)).toBe('unknown');
  });
});
