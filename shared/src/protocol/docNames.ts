import type { ParticipantId } from '../model/ids.ts';

/**
 * The Yjs documents of a session. `board` and `control` are shared;
 * `comments` holds the discussion threads on ideas and steps;
 * `drafts:<participantId>` is one person's private notes. The server also
 * keeps a `private` document (votes and scores before reveal) that is never
 * served over the socket.
 */
export type DocName = 'board' | 'control' | 'comments' | `drafts:${string}`;
export const PRIVATE_DOC = 'private';

export const draftsDocName = (p: ParticipantId | string): DocName => `drafts:${p}`;

/** Parses a socket path doc segment; returns null for anything that is not a syncable doc. */
export function parseDocName(s: string): { kind: 'board' | 'control' | 'comments' } | { kind: 'drafts'; participantId: string } | null {
  if (s === 'board' || s === 'control' || s === 'comments') return { kind: s };
  const m = /^drafts:(p_[0-9a-z]{4,40})$/.exec(s);
  return m ? { kind: 'drafts', participantId: m[1] as string } : null;
}

/** The socket path for a document: `/sync/<sessionId>/<doc>`. */
export const syncPath = (sessionId: string, doc: DocName) => `/sync/${sessionId}/${encodeURIComponent(doc)}`;
