import {
  clustersMap,
  ideasMap,
  insertIdea,
  NOTE_COLORS,
  Origins,
  personIdea,
  readClusters,
  readIdea,
  readIdeas,
} from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCluster, resizeCluster } from './clusterActions.ts';
import { createTestContext } from './createTestContext.ts';
import { beginGesture, endGesture, redo, undo } from './historyActions.ts';
import { createNote, editNoteText, moveSelection, settleSelection } from './noteActions.ts';
import { KEYED_ACTIONS } from './registry.ts';
import { runAction, runKey } from './runAction.ts';
import type { KeyLike } from './types.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('note actions', () => {
  it('N creates a note at the centre of the screen clear of the toolbar, authored by me, selected and open for editing', () => {
    const { ctx } = createTestContext();
    ctx.viewport.set({ x: -500, y: -200, scale: 2 });
    expect(runKey(KEYED_ACTIONS, key('n'), ctx)).toBe(true);
    const [note] = readIdeas(ctx.doc);
    expect(note).toBeDefined();
    // The 1000×800 screen less the toolbar (left 72) and zoom controls (bottom 64) centres on (536, 368),
    // board ((536+500)/2, (368+200)/2) = (518, 284); the note takes the lattice cell nearest that (cells are 200×140).
    expect(note?.x).toBe(400);
    expect(note?.y).toBe(280);
    expect(note?.authorId).toBe('p_alice');
    expect(note?.origin).toBe('person');
    expect(ctx.ui.get().selection).toEqual(new Set([note?.id]));
    expect(ctx.ui.get().editingId).toBe(note?.id);
  });

  it('pressing N repeatedly fans new notes out instead of stacking them', () => {
    const { ctx } = createTestContext();
    runKey(KEYED_ACTIONS, key('n'), ctx);
    runKey(KEYED_ACTIONS, key('n'), ctx);
    const [a, b] = readIdeas(ctx.doc);
    expect(a && b && (a.x !== b.x || a.y !== b.y)).toBe(true);
  });

  it('forty N presses: each new note is on screen clear of the toolbar when made; the camera pans once the screen is full', () => {
    const { ctx } = createTestContext();
    const start = ctx.viewport.get();
    for (let i = 0; i < 40; i++) {
      runKey(KEYED_ACTIONS, key('n'), ctx);
      const id = ctx.ui.get().editingId as string;
      const n = readIdea(ctx.doc, id);
      if (!n) throw new Error('no note');
      const vp = ctx.viewport.get();
      const at = { x: n.x * vp.scale + vp.x, y: n.y * vp.scale + vp.y };
      expect(at.x, `note ${i}`).toBeGreaterThanOrEqual(72);
      expect(at.y).toBeGreaterThanOrEqual(0);
      expect(at.x + 180 * vp.scale).toBeLessThanOrEqual(1000);
      expect(at.y + 120 * vp.scale).toBeLessThanOrEqual(800 - 64);
    }
    expect(ctx.viewport.get()).not.toEqual(start);
  });

  it('refuses to write on a read-only board and says so', () => {
    const { ctx } = createTestContext({ canWrite: false });
    expect(runAction(ctx, createNote, { at: { x: 0, y: 0 } })).toBe(false);
    expect(readIdeas(ctx.doc)).toHaveLength(0);
    expect(ctx.ui.get().announcement).toMatch(/read-only/);
  });

  it('every write is tagged as this user', () => {
    const { ctx } = createTestContext();
    const origins: unknown[] = [];
    ctx.doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin));
    runAction(ctx, createNote, { at: { x: 0, y: 0 } });
    const id = [...ctx.ui.get().selection][0] as string;
    runAction(ctx, editNoteText, { id, text: 'hello' });
    runAction(ctx, moveSelection, { dx: 5, dy: 5 });
    expect(origins.length).toBeGreaterThan(0);
    expect(origins.every((o) => o === Origins.user)).toBe(true);
  });

  it('edits text, clamps it to the maximum length, and records who edited', () => {
    const { ctx } = createTestContext({ participantId: 'p_bob' });
    runAction(ctx, createNote, { at: { x: 0, y: 0 } });
    const id = [...ctx.ui.get().selection][0] as string;
    runAction(ctx, editNoteText, { id, text: 'x'.repeat(5000) });
    const n = readIdea(ctx.doc, id);
    expect(n?.text.length).toBe(2000);
    expect(n?.editedBy).toBe('p_bob');
  });

  it('colour keys recolour the selection and become the colour for new notes', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 0, y: 0 }, edit: false });
    runKey(KEYED_ACTIONS, key('3'), ctx);
    const [n] = readIdeas(ctx.doc);
    expect(n?.color).toBe(NOTE_COLORS[2]);
    runAction(ctx, createNote, { at: { x: 400, y: 0 } });
    expect(readIdeas(ctx.doc).every((i) => i.color === NOTE_COLORS[2])).toBe(true);
  });

  it('moves several selected notes together and arrow keys nudge them', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 100, y: 100 }, edit: false });
    const a = [...ctx.ui.get().selection][0] as string;
    runAction(ctx, createNote, { at: { x: 400, y: 100 }, edit: false });
    const b = [...ctx.ui.get().selection][0] as string;
    ctx.ui.set({ ...ctx.ui.get(), selection: new Set([a, b]) });
    runAction(ctx, moveSelection, { dx: 30, dy: -20 });
    runKey(KEYED_ACTIONS, key('ArrowRight', { shiftKey: true }), ctx);
    expect(readIdea(ctx.doc, a)).toMatchObject({ x: 10 + 40, y: 40 - 20 });
    expect(readIdea(ctx.doc, b)).toMatchObject({ x: 310 + 40, y: 40 - 20 });
  });

  it('deletes the selection; Backspace does nothing with nothing selected', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 0, y: 0 }, edit: false });
    runAction(ctx, createNote, { at: { x: 400, y: 0 }, edit: false });
    expect(runKey(KEYED_ACTIONS, key('Backspace'), ctx)).toBe(true);
    expect(readIdeas(ctx.doc)).toHaveLength(1);
    expect(ctx.ui.get().selection.size).toBe(0);
    expect(runKey(KEYED_ACTIONS, key('Backspace'), ctx)).toBe(false);
    expect(readIdeas(ctx.doc)).toHaveLength(1);
  });

  it('Ctrl+D duplicates with an offset, selects the copies, and keeps an AI copy labelled AI', () => {
    const { ctx } = createTestContext();
    ctx.doc.transact(() =>
      insertIdea(ctx.doc, {
        id: 'idea:ai1' as never,
        text: 'From the AI',
        x: 0,
        y: 0,
        color: NOTE_COLORS[0],
        authorId: 'ai',
        authorName: 'AI',
        origin: 'ai',
        lane: 'canvas',
        clusterId: null,
        createdAt: 1,
        provenance: null,
        adoptedBy: 'p_alice',
        editedBy: null,
      }),
    );
    ctx.ui.set({ ...ctx.ui.get(), selection: new Set(['idea:ai1']) });
    runKey(KEYED_ACTIONS, key('d', { ctrlKey: true }), ctx);
    const copy = readIdeas(ctx.doc).find((i) => i.id !== 'idea:ai1');
    expect(copy).toMatchObject({ text: 'From the AI', x: 24, y: 24, origin: 'ai' });
    expect(ctx.ui.get().selection).toEqual(new Set([copy?.id]));
  });
});

describe('clusters', () => {
  it('F wraps the selected notes in a frame they now belong to, and opens its title', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 100, y: 100 }, edit: false });
    const a = [...ctx.ui.get().selection][0] as string;
    runAction(ctx, createNote, { at: { x: 400, y: 300 }, edit: false });
    const b = [...ctx.ui.get().selection][0] as string;
    ctx.ui.set({ ...ctx.ui.get(), selection: new Set([a, b]) });
    runKey(KEYED_ACTIONS, key('f'), ctx);
    const [c] = readClusters(ctx.doc);
    expect(c).toBeDefined();
    expect(readIdea(ctx.doc, a)?.clusterId).toBe(c?.id);
    expect(readIdea(ctx.doc, b)?.clusterId).toBe(c?.id);
    // The frame encloses both notes.
    expect(c && c.x <= 10 && c.y <= 40 && c.x + c.width >= 490 && c.y + c.height >= 360).toBe(true);
    expect(ctx.ui.get().renamingId).toBe(c?.id);
  });

  it('a note dropped inside a frame joins it, dropped outside leaves it', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createCluster, undefined); // 520x380 centred on (500, 400)
    const [c] = readClusters(ctx.doc);
    runAction(ctx, createNote, { at: { x: 1500, y: 1500 }, edit: false });
    const id = [...ctx.ui.get().selection][0] as string;
    runAction(ctx, moveSelection, { dx: -1000, dy: -1100 });
    runAction(ctx, settleSelection, undefined);
    expect(readIdea(ctx.doc, id)?.clusterId).toBe(c?.id);
    runAction(ctx, moveSelection, { dx: 2000, dy: 0 });
    runAction(ctx, settleSelection, undefined);
    expect(readIdea(ctx.doc, id)?.clusterId).toBeNull();
  });

  it('a note created inside a frame belongs to it', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createCluster, undefined);
    const [c] = readClusters(ctx.doc);
    runAction(ctx, createNote, { at: { x: 500, y: 420 } });
    expect(readIdeas(ctx.doc)[0]?.clusterId).toBe(c?.id);
  });

  it('moving a cluster carries its notes; deleting it keeps them', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 100, y: 100 }, edit: false });
    const a = [...ctx.ui.get().selection][0] as string;
    runKey(KEYED_ACTIONS, key('f'), ctx);
    const [c] = readClusters(ctx.doc);
    runAction(ctx, moveSelection, { dx: 200, dy: 50 });
    expect(readIdea(ctx.doc, a)).toMatchObject({ x: 210, y: 90 });
    expect(readClusters(ctx.doc)[0]?.x).toBe((c?.x ?? 0) + 200);
    runKey(KEYED_ACTIONS, key('Delete'), ctx);
    expect(readClusters(ctx.doc)).toHaveLength(0);
    expect(readIdea(ctx.doc, a)?.clusterId).toBeNull();
  });

  it('shrinking a frame lets go of notes now outside it', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createCluster, undefined);
    const [c] = readClusters(ctx.doc);
    if (!c) throw new Error('no cluster');
    runAction(ctx, createNote, { at: { x: c.x + c.width - 100, y: c.y + c.height - 70 }, edit: false });
    const id = [...ctx.ui.get().selection][0] as string;
    expect(readIdea(ctx.doc, id)?.clusterId).toBe(c.id);
    runAction(ctx, resizeCluster, { id: c.id, width: 200, height: 150 });
    expect(readIdea(ctx.doc, id)?.clusterId).toBeNull();
  });
});

describe('undo and redo', () => {
  it('undo reverts only my changes, never a teammate’s', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 0, y: 0 }, edit: false });
    const mine = [...ctx.ui.get().selection][0] as string;
    // A teammate's note arrives over the network.
    const remote = new Y.Doc();
    remote.transact(() =>
      insertIdea(
        remote,
        personIdea({
          id: 'idea:theirs' as never,
          text: 'theirs',
          x: 500,
          y: 0,
          color: NOTE_COLORS[1],
          author: { id: 'p_bob', name: 'Bob' },
          createdAt: 2,
        }),
      ),
    );
    Y.applyUpdate(ctx.doc, Y.encodeStateAsUpdate(remote), Origins.remote);
    runKey(KEYED_ACTIONS, key('z', { ctrlKey: true }), ctx);
    expect(readIdea(ctx.doc, mine)).toBeNull();
    expect(readIdea(ctx.doc, 'idea:theirs')?.text).toBe('theirs');
    runKey(KEYED_ACTIONS, key('z', { metaKey: true, shiftKey: true }), ctx);
    expect(readIdea(ctx.doc, mine)).not.toBeNull();
  });

  it('a whole drag is one undo step even with pauses', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 90, y: 60 }, edit: false });
    const id = [...ctx.ui.get().selection][0] as string;
    ctx.undoManager.stopCapturing();
    beginGesture(ctx);
    for (let i = 0; i < 5; i++) {
      runAction(ctx, moveSelection, { dx: 10, dy: 0 });
      // Simulate a pause longer than the capture timeout between frames.
      (ctx.undoManager as unknown as { lastChange: number }).lastChange -= 10_000;
    }
    runAction(ctx, settleSelection, undefined);
    endGesture(ctx);
    expect(readIdea(ctx.doc, id)?.x).toBe(50);
    runAction(ctx, undo, undefined);
    expect(readIdea(ctx.doc, id)?.x).toBe(0);
    runAction(ctx, redo, undefined);
    expect(readIdea(ctx.doc, id)?.x).toBe(50);
  });

  it('undo of a created note drops it from the selection', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 0, y: 0 }, edit: false });
    runAction(ctx, undo, undefined);
    expect(ctx.ui.get().selection.size).toBe(0);
  });
});

describe('keys', () => {
  it('bare-letter shortcuts do not fire with Ctrl held, and modifier ones win', () => {
    const { ctx } = createTestContext();
    expect(runKey(KEYED_ACTIONS, key('n', { ctrlKey: true }), ctx)).toBe(false);
    expect(readIdeas(ctx.doc)).toHaveLength(0);
  });

  it('Escape closes the editor first, then clears the selection', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 0, y: 0 } });
    runKey(KEYED_ACTIONS, key('Escape'), ctx);
    expect(ctx.ui.get().editingId).toBeNull();
    expect(ctx.ui.get().selection.size).toBe(1);
    runKey(KEYED_ACTIONS, key('Escape'), ctx);
    expect(ctx.ui.get().selection.size).toBe(0);
  });

  it('nudge is refused while read-only, but zoom still works', () => {
    const { ctx, setWritable } = createTestContext();
    runAction(ctx, createNote, { at: { x: 90, y: 60 }, edit: false });
    setWritable(false);
    runKey(KEYED_ACTIONS, key('ArrowLeft'), ctx);
    expect(readIdeas(ctx.doc)[0]?.x).toBe(0);
    runKey(KEYED_ACTIONS, key('+'), ctx);
    expect(ctx.viewport.get().scale).toBe(1.25);
  });

  it('the store sees changes made through actions', () => {
    const { ctx } = createTestContext();
    runAction(ctx, createNote, { at: { x: 0, y: 0 }, text: 'hi', edit: false });
    expect(ctx.store.canvasIdeas.map((i) => i.text)).toEqual(['hi']);
    expect(ideasMap(ctx.doc).size + clustersMap(ctx.doc).size).toBe(1);
  });
});
