import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * IndexedDB writes are asynchronous: a reload or a closed tab right after
 * typing can lose the last keystrokes before they reach it. On page hide,
 * while changes are unsaved, the part of the board past `base` (an encoded
 * state vector: what the server acknowledged, or what the local copy held
 * at load) is written to localStorage, which is synchronous. The next load
 * applies it after the local copy and removes it. Yjs updates are
 * idempotent, so re-applying something IndexedDB also kept is harmless, and
 * the delete set always travels whole.
 */
export function saveRescue(storage: Storage, key: string, doc: Y.Doc, base: Uint8Array | null): boolean {
  try {
    storage.setItem(key, toBase64(Y.encodeStateAsUpdate(doc, base ?? undefined)));
    return true;
  } catch {
    // Quota exceeded or storage blocked: IndexedDB still has whatever it finished writing.
    return false;
  }
}

/** Applies and removes a rescued update; returns whether there was one. */
export function applyRescue(storage: Storage, key: string, doc: Y.Doc, origin: unknown): boolean {
  try {
    const raw = storage.getItem(key);
    if (!raw) return false;
    storage.removeItem(key);
    Y.applyUpdate(doc, fromBase64(raw), origin);
    return true;
  } catch {
    return false;
  }
}
