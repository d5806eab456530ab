import type { Store } from '@throughline/server';
import * as Y from 'yjs';

/**
 * A document as persisted, snapshot plus log, read straight from the store,
 * as a restarted server would see it. Writes still in flight are not waited
 * for: call `store.whenDurable()` first when that is what the test means.
 */
export async function storedDoc(store: Store, sessionId: string, docName: string): Promise<Y.Doc> {
  const stored = await store.loadDoc(sessionId, docName);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}
