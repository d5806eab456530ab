import type { DecodedUpdate } from '@throughline/shared';
import * as Y from 'yjs';

/**
 * Checks on an incoming Yjs update made *before* it touches the document, so
 * a refused update never reaches memory, disk or another client.
 */

/**
 * True when applying `update` would change `doc`: it carries structs the doc
 * has not seen or deletes something not yet deleted. Used for read-only
 * connections, whose sync step 2 is harmless when it only repeats what the
 * server has.
 */
export function updateChangesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) if (clock > Y.getState(doc.store, client)) return true;
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  const known = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const have = known.clients.get(client) ?? [];
    for (const r of ranges) if (!rangeCovered(have, r.clock, r.len)) return true;
  }
  return false;
}

/** `ranges` are sorted and merged (as createDeleteSetFromStructStore makes them). */
function rangeCovered(ranges: readonly { clock: number; len: number }[], clock: number, len: number): boolean {
  const end = clock + len;
  for (const r of ranges) {
    if (r.clock <= clock && r.clock + r.len >= end) return true;
    if (r.clock > clock) return false;
  }
  return false;
}

/**
 * True when the update starts past what the doc has for some client, so
 * Yjs would park it as pending structs until the gap is filled. We refuse
 * such updates and ask the client to resync instead of letting pending
 * state pile up in memory.
 */
export function updateHasGap(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  // Structs come grouped by client in ascending clock order: the first of each client is where it starts.
  let lastClient = -1;
  for (const s of decoded.structs) {
    if (s.id.client === lastClient) continue;
    lastClient = s.id.client;
    if (s.id.clock > Y.getState(doc.store, s.id.client)) return true;
  }
  return false;
}

/**
 * True when every struct of the update is new to the doc (none repeats what
 * it has, as a reconnect's step 2 may): its bytes then say exactly what
 * applying it adds, and may be stored and relayed as they are.
 */
export function updateAllNew(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  let client = -1;
  let known = 0;
  for (const s of decoded.structs) {
    if (s.id.client !== client) {
      client = s.id.client;
      known = Y.getState(doc.store, client);
    }
    if (s.id.clock < known) return false;
  }
  return true;
}

/**
 * Yjs parks structs and deletes whose dependencies are missing as
 * "pending" (in fields it does not export, hence the cast).
 */
export function hasPending(doc: Y.Doc): boolean {
  const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
  return store.pendingStructs !== null || store.pendingDs !== null;
}

/**
 * Drops anything Yjs parked as pending. Returns true if something was
 * dropped; the client is then asked to resync, which resends it with its
 * dependencies.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
  const had = store.pendingStructs !== null || store.pendingDs !== null;
  store.pendingStructs = null;
  store.pendingDs = null;
  return had;
}
