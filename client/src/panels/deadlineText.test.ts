import { describe, expect, it } from 'vitest';
import { deadlineText } from './deadlineText.ts';

describe('deadlineText', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('shows the weekday and time in the viewer’s time zone', () => {
    expect(deadlineText('2026-12-04T16:00:00Z', now, 'en-GB', 'Europe/Berlin')).toBe('Fri 17:00');
    expect(deadlineText('2026-12-04T16:00:00Z', now, 'en-GB', 'America/New_York')).toBe('Fri 11:00');
  });
  it('adds the date when the deadline is far or past', () => {
    expect(deadlineText('2026-12-20T16:00:00Z', now, 'en-GB', 'UTC')).toBe('Sun 20 Dec, 16:00');
    expect(deadlineText('2026-11-30T16:00:00Z', now, 'en-GB', 'UTC')).toBe('Mon 30 Nov, 16:00');
  });
});
