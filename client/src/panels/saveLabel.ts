import type { SyncStatus } from '../sync/BoardConnection.ts';

export type SaveState = 'saved' | 'saving' | 'connecting' | 'offline' | 'refused' | 'throttled' | 'live';

/**
 * The header's one-line account of the connection. "Saved" appears only
 * when the server has acknowledged this browser's changes; offline edits
 * are said to be kept on this device, because they are (IndexedDB).
 */
export function saveLabel(
  s: Pick<SyncStatus, 'connection' | 'synced' | 'saved' | 'unsentEdits' | 'refused'> & Partial<Pick<SyncStatus, 'throttledFor'>>,
  viewer: boolean,
): { state: SaveState; label: string } {
  if (s.refused) return { state: 'refused', label: 'Not saved: the server refused a change' };
  if (s.throttledFor) {
    return {
      state: 'throttled',
      label: `You're sending too much: reconnecting in ${s.throttledFor} s${s.unsentEdits ? ', changes kept on this device' : ''}`,
    };
  }
  if (s.connection === 'offline') {
    return { state: 'offline', label: s.unsentEdits ? 'Offline: changes kept on this device' : 'Offline' };
  }
  if (s.connection === 'connecting') {
    return { state: 'connecting', label: s.unsentEdits ? 'Reconnecting: changes kept on this device' : 'Connecting…' };
  }
  if (!s.synced) return { state: 'connecting', label: 'Syncing…' };
  if (viewer) return { state: 'live', label: 'Live' };
  return s.saved ? { state: 'saved', label: 'Saved' } : { state: 'saving', label: 'Saving…' };
}
