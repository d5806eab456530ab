import {
  BOARD_AUTHORSHIP,
  checkAuthorship,
  checkClientBoardUpdate,
  checkContentBounds,
  checkReactionUpdate,
  createIdeaId,
  DeletedAuthors,
  type IdeaId,
  ideasMap,
  insertIdea,
  NOTE_TEXT_LIMITS,
  personIdea,
  readRecordWrites,
  scanUpdate,
  UpdateView,
} from '@throughline/shared';
import * as Y from 'yjs';
import { syncUpdate } from '../../server/src/sync/messages.ts';
import { updateAllNew, updateHasGap } from '../../server/src/sync/updateGuard.ts';

/**
 * Times each stage of the server's accept path (SyncConnection.applyWrite
 * with the board's content policy) for one large valid update: the hostile
 * bench's batch of 1,000 notes × 2,000 characters, written by one client
 * into a board that already holds `existing` notes, then that batch's
 * deletion. No sockets, no store: only the CPU the event loop spends.
 *
 *   node --import tsx test/bench/acceptBench.ts [rounds] [notes] [textLength] [existing]
 *
 * Prints the median (and min) per stage over `rounds`, each on a fresh copy
 * of the server's doc. A noisy machine shifts all stages alike; compare
 * stages with each other and before/after runs taken together.
 */
const [rounds = 7, notes = 1000, textLength = 2000, existing = 300] = process.argv.slice(2).map(Number);

const author = { id: 'attacker', name: 'Mallory' };
const noteOf = (id: IdeaId, i: number, text: string, who = author) =>
  personIdea({ id, text, x: i, y: i, color: '#ffec99', author: who, createdAt: i });

// The server's board before the batch: other people's notes.
const base = new Y.Doc();
base.transact(() => {
  for (let i = 0; i < existing; i++) insertIdea(base, noteOf(createIdeaId(), i, `note ${i}`, { id: `p${i % 7}`, name: `P${i % 7}` }));
});
const baseState = Y.encodeStateAsUpdate(base);

// The attacker, synced, writes the batch in one transaction and deletes it in the next (as hostileClient.ts does).
const attacker = new Y.Doc();
Y.applyUpdate(attacker, baseState);
const updates: Uint8Array[] = [];
attacker.on('update', (u: Uint8Array) => updates.push(u));
const text = 'x'.repeat(textLength);
/** One batch: `notes` long notes in one transaction, deleted in the next. */
function writeBatch(): void {
  const ids: IdeaId[] = [];
  attacker.transact(() => {
    for (let i = 0; i < notes; i++) {
      const id = createIdeaId();
      ids.push(id);
      insertIdea(attacker, noteOf(id, i, text));
    }
  });
  attacker.transact(() => {
    for (const id of ids) ideasMap(attacker).delete(id);
  });
}
writeBatch();
const [insert, remove] = updates as [Uint8Array, Uint8Array];
// Four more batches the server took, then one it did not: the reconnect's sync step 2 carries that
// batch's (collected) structs and the attacker's whole delete set, all batches' deletions.
for (let b = 0; b < 4; b++) writeBatch();
const taken = [baseState, ...updates];
const server = new Y.Doc();
for (const u of taken) Y.applyUpdate(server, u);
writeBatch();
const resend = Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(server));

type Stage = [name: string, run: () => unknown];

/** One accept, as SyncConnection.applyWrite runs it for a board write, stage by stage. */
function acceptStages(doc: Y.Doc, update: Uint8Array, live: boolean): Stage[] {
  let decoded!: ReturnType<typeof Y.decodeUpdate>;
  let view!: UpdateView;
  let writes!: ReturnType<typeof readRecordWrites>;
  const deletedAuthors = new DeletedAuthors(doc, BOARD_AUTHORSHIP);
  // The room's update listener frames the update for fan-out; a live update of all-new structs is
  // framed as sent, without the listener (Room.applyFromPeer).
  const onUpdate = (u: Uint8Array) => syncUpdate(u);
  doc.on('update', onUpdate);
  const apply = () => {
    if (!live || !updateAllNew(doc, decoded)) return Y.applyUpdate(doc, update, 'client');
    doc.off('update', onUpdate);
    Y.applyUpdate(doc, update, 'client');
    doc.on('update', onUpdate);
    syncUpdate(update);
  };
  return [
    ['scan (bounds)', () => scanUpdate(update)],
    ['decode', () => (decoded = Y.decodeUpdate(update))],
    ['gap check', () => updateHasGap(doc, decoded)],
    ['index new items (UpdateView)', () => (view = new UpdateView(doc, decoded))],
    ['readRecordWrites', () => (writes = readRecordWrites(doc, view))],
    ['content bounds', () => checkContentBounds(writes, NOTE_TEXT_LIMITS)],
    ['board (AI) guard', () => checkClientBoardUpdate(doc, update, view)],
    ['reaction guard', () => checkReactionUpdate(doc, view, author.id)],
    ['authorship', () => checkAuthorship(writes, BOARD_AUTHORSHIP, author, deletedAuthors.authorOf)],
    ['apply (+ observers, fan-out frame)', apply],
  ];
}

function measure(label: string, update: Uint8Array, before: Uint8Array[], live = true): void {
  const times = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    const doc = new Y.Doc();
    for (const u of before) Y.applyUpdate(doc, u);
    for (const [name, run] of acceptStages(doc, update, live)) {
      const t0 = performance.now();
      const out = run();
      const ms = performance.now() - t0;
      if (typeof out === 'string') throw new Error(`${label}: ${name} refused a valid update: ${out}`);
      times.set(name, [...(times.get(name) ?? []), ms]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  let total = 0;
  console.log(`\n${label}: ${update.length.toLocaleString()} bytes; median (min) ms of ${rounds} rounds`);
  for (const [name, xs] of times) {
    total += median(xs);
    console.log(`  ${name.padEnd(36)} ${median(xs).toFixed(2).padStart(9)} (${Math.min(...xs).toFixed(2)})`);
  }
  console.log(`  ${'total'.padEnd(36)} ${total.toFixed(2).padStart(9)}`);
}

console.log(`Accept path: ${notes} notes × ${textLength} chars into a board of ${existing} notes`);
measure('insert batch', insert, [baseState]);
measure('delete batch', remove, [baseState, insert]);
measure('step 2 after 5 batches', resend, taken, false);
