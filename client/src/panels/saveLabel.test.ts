import { describe, expect, it } from 'vitest';
import { saveLabel } from './saveLabel.ts';

const base = { connection: 'connected' as const, synced: true, saved: false, unsentEdits: false, refused: null };

describe('save label', () => {
  it('says Saved only when the server acknowledged', () => {
    expect(saveLabel(base, false).label).toBe('Saving…');
    expect(saveLabel({ ...base, saved: true }, false).label).toBe('Saved');
  });

  it('offline edits are kept on this device', () => {
    expect(saveLabel({ ...base, connection: 'offline', unsentEdits: true }, false).label).toMatch(/kept on this device/);
    expect(saveLabel({ ...base, connection: 'connecting', unsentEdits: true }, false).state).toBe('connecting');
  });

  it('a refusal outranks everything else', () => {
    expect(saveLabel({ ...base, saved: true, refused: 'frozen' }, false).state).toBe('refused');
  });

  it('says how long until it reconnects after the server said it was sent too much', () => {
    expect(saveLabel({ ...base, connection: 'connecting', throttledFor: 8 }, false)).toEqual({
      state: 'throttled',
      label: "You're sending too much: reconnecting in 8 s",
    });
    expect(saveLabel({ ...base, connection: 'connecting', throttledFor: null }, false).state).toBe('connecting');
  });

  it('a viewer sees a live board, not a save state', () => {
    expect(saveLabel({ ...base, saved: false }, true).label).toBe('Live');
  });
});
