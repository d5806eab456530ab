import { describe, expect, it } from 'vitest';
import { hashParams, parseRoute } from './router.ts';

describe('routes', () => {
  it('parses the start, join and board pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' });
    expect(parseRoute('/join/ses_abc123def')).toEqual({ page: 'join', sessionId: 'ses_abc123def' });
    expect(parseRoute('/s/ses_abc123def/')).toEqual({ page: 'board', sessionId: 'ses_abc123def' });
  });

  it('anything else, including a malformed session id, is not found', () => {
    expect(parseRoute('/s/../../etc').page).toBe('notFound');
    expect(parseRoute('/s/SES_ABC').page).toBe('notFound');
    expect(parseRoute('/nope').page).toBe('notFound');
  });

  it('reads secrets from the hash', () => {
    expect(hashParams('#invite=abc&x=1').get('invite')).toBe('abc');
    expect(hashParams('').get('token')).toBeNull();
  });
});
