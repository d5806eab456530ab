import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PresenceStore, peerFromState } from './PresenceStore.ts';

describe('presence', () => {
  it('ignores states without a server-stamped user and sanitises the rest', () => {
    expect(peerFromState(1, { cursor: { x: 1, y: 2 } })).toBeNull();
    const p = peerFromState(2, {
      user: { participantId: 'p_bob', name: 'Bob', color: '#123456', role: 'participant' },
      cursor: { x: 'nope', y: 3 },
      selection: ['idea:a', 42],
      editing: 'idea:a',
    });
    expect(p).toMatchObject({ name: 'Bob', cursor: null, selection: ['idea:a'], editing: 'idea:a' });
  });

  it('lists other people and who edits which note, not myself', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    theirs.setLocalState({ user: { participantId: 'p_bob', name: 'Bob', color: '#f00', role: 'participant' }, editing: 'idea:x' });
    const store = new PresenceStore(mine, (fn) => fn());
    mine.setLocalState({ user: { participantId: 'p_me', name: 'Me', color: '#0f0', role: 'participant' } });
    // Deliver Bob's state the way the provider does.
    mine.states.set(theirs.clientID, theirs.getLocalState() as Record<string, unknown>);
    mine.emit('change', [{ added: [theirs.clientID], updated: [], removed: [] }, 'remote']);
    expect(store.peers.map((p) => p.name)).toEqual(['Bob']);
    expect(store.editors.get('idea:x')?.name).toBe('Bob');
  });

  it('batches cursor moves into one awareness update per frame', () => {
    const awareness = new Awareness(new Y.Doc());
    const frames: (() => void)[] = [];
    const store = new PresenceStore(awareness, (fn) => frames.push(fn));
    let updates = 0;
    awareness.on('update', () => updates++);
    for (let i = 0; i < 10; i++) store.setCursor({ x: i, y: i });
    expect(updates).toBe(0);
    for (const f of frames.splice(0)) f();
    expect(updates).toBe(1);
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 9, y: 9 });
  });
});
