import type * as Y from 'yjs';
import type { Migration } from './schemaVersion.ts';

/**
 * A `drafts:<participantId>` document: one participant's private notes in
 * private mode. Same shape as the board's `ideas` root so the server can
 * publish drafts to the board at reveal by copying records.
 */
export const DRAFTS_ROOTS = { ideas: 'ideas', meta: 'meta' } as const;

export const DRAFTS_MIGRATIONS: readonly Migration[] = [{ id: 'drafts/1-initial', to: 1, up: () => {} }];

export const draftIdeasMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(DRAFTS_ROOTS.ideas);
