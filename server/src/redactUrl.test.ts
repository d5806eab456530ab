import { describe, expect, it } from 'vitest';
import { redactUrl } from './redactUrl.ts';

describe('redactUrl', () => {
  it('hides token and invite values and keeps the rest', () => {
    expect(redactUrl('/api/sessions/ses_1/export.csv?token=abc.def&x=1')).toBe('/api/sessions/ses_1/export.csv?token=[redacted]&x=1');
    expect(redactUrl('/sync/ses_1/board?ack=1&TOKEN=secret')).toBe('/sync/ses_1/board?ack=1&TOKEN=[redacted]');
    expect(redactUrl('/api/docs')).toBe('/api/docs');
  });
});
