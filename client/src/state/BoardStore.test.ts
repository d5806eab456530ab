import { type Idea, ideasMap, insertIdea, Origins, patchIdea, personIdea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './BoardStore.ts';

const idea = (id: string, over: Partial<Idea> = {}): Idea => ({
  ...personIdea({ id: id as Idea['id'], text: id, x: 0, y: 0, author: { id: 'p_a', name: 'A' }, createdAt: 1 }),
  ...over,
});

/** A scheduler the test fires by hand, standing in for requestAnimationFrame. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void queue.push(fn),
    frame: () => {
      for (const fn of queue.splice(0)) fn();
    },
    pending: () => queue.length,
  };
}

describe('BoardStore', () => {
  it('applies any number of remote changes once, at the next frame', () => {
    const doc = new Y.Doc();
    const frames = manualFrames();
    const store = new BoardStore(doc, frames.schedule);
    let renders = 0;
    store.subscribe(() => renders++);
    const peer = new Y.Doc();
    peer.transact(() => insertIdea(peer, idea('idea:a')));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), Origins.remote);
    for (let i = 1; i <= 20; i++) {
      const before = Y.encodeStateVector(peer);
      peer.transact(() => patchIdea(peer, 'idea:a', { x: i }));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), Origins.remote);
    }
    expect(renders).toBe(0);
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(renders).toBe(1);
    expect(store.canvasIdeas.map((i) => i.x)).toEqual([20]);
  });

  it('keeps unchanged notes as the same objects so memoised notes skip rendering', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      insertIdea(doc, idea('idea:a', { createdAt: 1 }));
      insertIdea(doc, idea('idea:b', { createdAt: 2 }));
    });
    const store = new BoardStore(doc, (fn) => fn());
    const [a, b] = store.canvasIdeas;
    doc.transact(() => patchIdea(doc, 'idea:b', { text: 'changed' }));
    expect(store.canvasIdeas[0]).toBe(a);
    expect(store.canvasIdeas[1]).not.toBe(b);
    expect(store.canvasIdeas[1]?.text).toBe('changed');
  });

  it('orders notes by creation, keeps AI-lane ideas off the canvas, and drops deleted ones', () => {
    const doc = new Y.Doc();
    const store = new BoardStore(doc, (fn) => fn());
    doc.transact(() => {
      insertIdea(doc, idea('idea:late', { createdAt: 5 }));
      insertIdea(doc, idea('idea:early', { createdAt: 1 }));
      insertIdea(doc, idea('idea:ai', { createdAt: 3, lane: 'ai', origin: 'ai' }));
    });
    expect(store.canvasIdeas.map((i) => i.id)).toEqual(['idea:early', 'idea:late']);
    expect(store.allIdeas.map((i) => i.id)).toEqual(['idea:early', 'idea:ai', 'idea:late']);
    doc.transact(() => patchIdea(doc, 'idea:ai', { lane: 'canvas' }));
    expect(store.canvasIdeas.map((i) => i.id)).toEqual(['idea:early', 'idea:ai', 'idea:late']);
    doc.transact(() => ideasMap(doc).delete('idea:early'));
    expect(store.canvasIdeas.map((i) => i.id)).toEqual(['idea:ai', 'idea:late']);
  });
});
