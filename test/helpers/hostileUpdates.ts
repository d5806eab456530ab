import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/**
 * Valid but hostile Yjs updates and awareness messages, as the issue's
 * attacker sent them: every one decodes and applies in stock Yjs; each
 * costs the receiver far more than its size suggests, or holds something
 * the model does not allow.
 */

/** `count` GC structs of length 1 for a fresh client: 2 bytes each on the wire, an object each when decoded. */
export function gcFlood(count: number, client = 0x7fff_0001): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, count);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // first clock
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(e, 0); // GC
    encoding.writeVarUint(e, 1);
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** A delete set of `ranges` ranges, spread over clients the server has never seen. */
export function deleteSetFlood(ranges: number, clients = 16): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, clients);
  const per = Math.ceil(ranges / clients);
  for (let c = 0; c < clients; c++) {
    encoding.writeVarUint(e, 0x7ff0_0000 + c);
    encoding.writeVarUint(e, per);
    for (let i = 0; i < per; i++) {
      encoding.writeVarUint(e, i * 2);
      encoding.writeVarUint(e, 1);
    }
  }
  return encoding.toUint8Array(e);
}

/** A real note, from a real Y.Doc, whose text is `chars` long. */
export function hugeNoteText(chars: number, author: { id: string; name: string }): Uint8Array {
  const doc = new Y.Doc();
  const note = new Y.Map<unknown>();
  doc.getMap('ideas').set('idea:huge', note);
  note.set('text', 'x'.repeat(chars));
  note.set('authorId', author.id);
  note.set('authorName', author.name);
  return Y.encodeStateAsUpdate(doc);
}

/** A note whose text is a `Y.Text` grown by `inserts` inserts of `chars` each: no single string is over any bound. */
export function growingNoteText(inserts: number, chars: number, author: { id: string; name: string }): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    doc.getMap('ideas').set('idea:growing', note);
    note.set('authorId', author.id);
    note.set('authorName', author.name);
    const text = new Y.Text();
    note.set('text', text);
    for (let i = 0; i < inserts; i++) text.insert(0, 'y'.repeat(chars));
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A cluster, from a real Y.Doc, whose title is `chars` long. */
export function longClusterTitle(chars: number, author: { id: string }): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const cluster = new Y.Map<unknown>();
    doc.getMap('clusters').set('cluster:long', cluster);
    cluster.set('createdBy', author.id);
    cluster.set('title', 'z'.repeat(chars));
  });
  return Y.encodeStateAsUpdate(doc);
}

/** One value set in a root of the board no client writes: `meta` (the schema version) or one no code reads. */
export function rootWrite(root: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(root).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

/** Y.Maps nested `depth` deep under one note, built by real Yjs in one transaction. */
export function deepNesting(depth: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let at = doc.getMap<unknown>('ideas');
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      at.set('k', next);
      at = next;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A plain value nested `depth` deep (arrays in arrays) as a note field: lib0 `readAny` recurses once per level. */
export function deepValue(depth: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 0x7fff_0002);
  encoding.writeVarUint(e, 0);
  encoding.writeUint8(e, 8 | 0x20); // ContentAny, no origins, with a map key
  encoding.writeVarUint(e, 1); // parent is a root
  encoding.writeVarString(e, 'meta');
  encoding.writeVarString(e, 'deep');
  encoding.writeVarUint(e, 1); // one value
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, 117); // array
    encoding.writeVarUint(e, 1);
  }
  encoding.writeUint8(e, 126); // null
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/** An awareness update whose one state carries `bytes` of padding. */
export function hugeAwareness(bytes: number, clientId = 0x7fff_0003): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ cursor: { x: 0, y: 0 }, padding: 'x'.repeat(bytes) });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
  awareness.destroy();
  return update;
}

/** Wraps a Yjs update as a y-websocket sync "update" frame (or a sync step 2, as a provider sends on connecting). */
export function updateFrame(update: Uint8Array, step2 = false): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step2 ? 1 : 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** Wraps an awareness update as a y-websocket awareness frame. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}
