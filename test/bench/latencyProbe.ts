import type * as Y from 'yjs';

/**
 * How every bench measures latency: a writer stamps a map entry with its
 * send time, and an observer in the same process (same clock) reads the
 * stamp back when the write arrives.
 */
const probe = (doc: Y.Doc) => doc.getMap<number>('bench');

/** One write: this moment's time, for observers to subtract from theirs. */
export function stampWrite(doc: Y.Doc): void {
  probe(doc).set('t', performance.now());
}

/** Calls `record` with each stamped write's travel time, in ms, as it reaches this doc. */
export function onWriteArrives(doc: Y.Doc, record: (ms: number) => void): void {
  const m = probe(doc);
  m.observe(() => {
    const t = m.get('t');
    if (typeof t === 'number') record(performance.now() - t);
  });
}
