import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyRescue, saveRescue } from './unloadRescue.ts';

/** A Storage backed by a Map (Node has no localStorage). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('unload rescue', () => {
  it('carries unsaved edits and deletions past the saved state into the next load, once', () => {
    const storage = memoryStorage();
    const before = new Y.Doc();
    before.getMap('ideas').set('kept', 'saved earlier');
    before.getMap('ideas').set('gone', 'deleted while offline');
    // What the local copy (or the server) already had.
    const durable = Y.encodeStateAsUpdate(before);
    const base = Y.encodeStateVector(before);
    before.getMap('ideas').set('new', 'typed just before the reload');
    before.getMap('ideas').delete('gone');
    expect(saveRescue(storage, 'k', before, base)).toBe(true);

    const after = new Y.Doc();
    Y.applyUpdate(after, durable);
    expect(applyRescue(storage, 'k', after, 'rescue')).toBe(true);
    expect(after.getMap('ideas').toJSON()).toEqual({ kept: 'saved earlier', new: 'typed just before the reload' });
    expect(applyRescue(storage, 'k', after, 'rescue')).toBe(false);
  });

  it('only stores what is past the base', () => {
    const storage = memoryStorage();
    const doc = new Y.Doc();
    doc.getMap('m').set('big', 'x'.repeat(10_000));
    const base = Y.encodeStateVector(doc);
    doc.getMap('m').set('small', 'y');
    saveRescue(storage, 'k', doc, base);
    expect((storage.getItem('k') ?? '').length).toBeLessThan(200);
  });
});
