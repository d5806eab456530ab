import type { SessionSummary } from '../api.ts';

/**
 * The last session summary seen, so a reload while offline still opens the
 * board (from IndexedDB) with names, role and brief instead of an error.
 */
const key = (sessionId: string) => `throughline:summary:${sessionId}`;

export function cacheSummary(s: SessionSummary): void {
  try {
    localStorage.setItem(key(s.sessionId), JSON.stringify(s));
  } catch {}
}

export function cachedSummary(sessionId: string, participantId: string): SessionSummary | null {
  try {
    const raw = localStorage.getItem(key(sessionId));
    const s = raw ? (JSON.parse(raw) as SessionSummary) : null;
    // Only reuse it for the same person: another tab may have cached someone else's view.
    return s && s.you?.participantId === participantId ? s : null;
  } catch {
    return null;
  }
}
