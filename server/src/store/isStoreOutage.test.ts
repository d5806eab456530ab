import { describe, expect, it } from 'vitest';
import { isStoreOutage } from './isStoreOutage.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStoreOutage', () => {
  it('recognises a database that is out of reach', () => {
    expect(isStoreOutage(withCode('ECONNREFUSED'))).toBe(true);
    expect(isStoreOutage(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isStoreOutage(withCode('08006'))).toBe(true);
    expect(isStoreOutage(withCode('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isStoreOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreOutage(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isStoreOutage(withCode('SQLITE_BUSY'))).toBe(true);
  });

  it('leaves bugs and bad queries alone', () => {
    expect(isStoreOutage(new TypeError('x is undefined'))).toBe(false);
    expect(isStoreOutage(withCode('42P01', 'relation "nope" does not exist'))).toBe(false);
    expect(isStoreOutage(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isStoreOutage('ECONNREFUSED')).toBe(false);
  });
});
