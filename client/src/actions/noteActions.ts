import {
  type Cluster,
  type ClusterId,
  createClusterId,
  createIdeaId,
  deleteCluster,
  deleteIdea,
  type Idea,
  insertCluster,
  insertIdea,
  isClusterId,
  isIdeaId,
  MAX_IDEA_TEXT,
  NOTE_COLORS,
  NOTE_SIZE,
  patchCluster,
  patchIdea,
  personIdea,
  readClusters,
  readIdea,
} from '@throughline/shared';
import { clusterAt, clusterRect, noteCenter, noteRect } from '../board/geometry.ts';
import { placeBlock } from '../board/placement.ts';
import { boundsOf, type Point, type Rect, revealRect, type Size, screenRectToBoard, uncoveredRect } from '../board/viewport.ts';
import { patchStore } from '../state/createStore.ts';
import { type ActionContext, defineAction, isMod, keyIs, noMods, write } from './types.ts';
import { toolbarInsets } from './viewActions.ts';

/** The board area on screen that no floating control covers. */
export const clearView = (ctx: ActionContext): Rect => {
  const size = ctx.viewSize();
  return screenRectToBoard(ctx.viewport.get(), uncoveredRect(size, toolbarInsets(size)));
};

/** The board point at the centre of the uncovered screen. */
export const viewCenter = (ctx: ActionContext): Point => {
  const r = clearView(ctx);
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
};

/**
 * Top-left corners for `count` new notes (or one block of `size`) in free
 * space: on screen while there is room there, else the nearest free spot,
 * and then the camera pans just enough to show them, as Miro does, so the
 * note being typed into is never off screen or under the toolbar.
 */
export function placeInView(ctx: ActionContext, count: number, size: Size = NOTE_SIZE): Point[] {
  const spots = placeBlock(takenRects(ctx), viewCenter(ctx), count, size, clearView(ctx));
  const bounds = boundsOf(spots.map((p) => ({ ...p, ...size })));
  if (bounds) {
    const viewSize = ctx.viewSize();
    ctx.viewport.set(revealRect(ctx.viewport.get(), bounds, viewSize, toolbarInsets(viewSize)));
  }
  return spots;
}

export const selectedIdeaIds = (ctx: ActionContext) => [...ctx.ui.get().selection].filter(isIdeaId);
export const selectedClusterIds = (ctx: ActionContext) => [...ctx.ui.get().selection].filter(isClusterId);

/** Rects of the notes on the canvas, for placing new ones clear of them. */
export const takenRects = (ctx: ActionContext) => ctx.store.canvasIdeas.map(noteRect);

export interface CreateNoteArg {
  /** Board point for the note's centre; when absent, the free spot nearest the middle of the screen. */
  at?: Point;
  text?: string;
  color?: string;
  /** Open the text editor on the new note (default true). */
  edit?: boolean;
}

export const createNote = defineAction<CreateNoteArg | undefined>({
  name: 'createNote',
  label: 'New note',
  shortcut: 'N',
  writes: true,
  keyTest: (e) => noMods(e) && !e.shiftKey && keyIs(e, 'n'),
  perform(ctx, arg = {}) {
    // The store may lag the doc by a frame: a note added a moment ago must count as taken.
    ctx.store.flush();
    const { x, y } = arg.at
      ? { x: Math.round(arg.at.x - NOTE_SIZE.width / 2), y: Math.round(arg.at.y - NOTE_SIZE.height / 2) }
      : (placeInView(ctx, 1)[0] as Point);
    const cluster = clusterAt(readClusters(ctx.doc), noteCenter({ x, y }));
    const idea = personIdea({
      id: createIdeaId(),
      text: (arg.text ?? '').slice(0, MAX_IDEA_TEXT),
      x,
      y,
      color: arg.color ?? ctx.ui.get().noteColor,
      author: { id: ctx.me.participantId, name: ctx.me.name },
      clusterId: cluster?.id ?? null,
      createdAt: ctx.now(),
    });
    write(ctx, () => insertIdea(ctx.doc, idea));
    patchStore(ctx.ui, {
      selection: new Set([idea.id]),
      editingId: arg.edit === false ? null : idea.id,
      announcement: 'Note added',
    });
  },
});

export const editNoteText = defineAction<{ id: string; text: string }>({
  name: 'editNoteText',
  label: 'Edit note text',
  writes: true,
  perform(ctx, { id, text }) {
    write(ctx, () => {
      patchIdea(ctx.doc, id, { text: text.slice(0, MAX_IDEA_TEXT), editedBy: ctx.me.participantId });
    });
  },
});

/** Enter opens the editor on the one selected note. */
export const editSelected = defineAction({
  name: 'editSelected',
  label: 'Edit selected note',
  shortcut: 'Enter',
  writes: true,
  keyTest: (e, ctx) => noMods(e) && e.key === 'Enter' && selectedIdeaIds(ctx).length === 1,
  perform(ctx) {
    const [id] = selectedIdeaIds(ctx);
    if (id) patchStore(ctx.ui, { editingId: id });
  },
});

export const setNoteColor = defineAction<{ color: string }>({
  name: 'setNoteColor',
  label: 'Colour',
  shortcut: '1–6',
  writes: true,
  keyTest: (e, ctx) => noMods(e) && /^[1-6]$/.test(e.key) && selectedIdeaIds(ctx).length > 0,
  argFromKey: (e) => ({ color: NOTE_COLORS[Number(e.key) - 1] ?? NOTE_COLORS[0] }),
  perform(ctx, { color }) {
    const ids = selectedIdeaIds(ctx);
    if (ids.length > 0) {
      write(ctx, () => {
        for (const id of ids) patchIdea(ctx.doc, id, { color });
      });
    }
    patchStore(ctx.ui, { noteColor: color });
  },
});

/**
 * Moves the selected notes and clusters by a board delta; a moved cluster
 * carries its member notes. Called once per frame while dragging.
 */
export const moveSelection = defineAction<{ dx: number; dy: number }>({
  name: 'moveSelection',
  label: 'Move',
  writes: true,
  perform(ctx, { dx, dy }) {
    if (dx === 0 && dy === 0) return;
    const clusterIds = new Set<string>(selectedClusterIds(ctx));
    const noteIds = new Set<string>(selectedIdeaIds(ctx));
    if (clusterIds.size > 0) {
      for (const n of ctx.store.canvasIdeas) if (n.clusterId && clusterIds.has(n.clusterId)) noteIds.add(n.id);
    }
    write(ctx, () => {
      for (const id of noteIds) {
        const n = readIdea(ctx.doc, id);
        if (n) patchIdea(ctx.doc, id, { x: n.x + dx, y: n.y + dy });
      }
      if (clusterIds.size > 0) {
        for (const c of readClusters(ctx.doc)) {
          if (clusterIds.has(c.id)) patchCluster(ctx.doc, c.id, { x: c.x + dx, y: c.y + dy });
        }
      }
    });
  },
});

/**
 * After a drop, each moved note belongs to the cluster under its centre (or
 * none). Notes carried by a moved cluster stay members of it.
 */
export const settleSelection = defineAction({
  name: 'settleSelection',
  label: 'Drop',
  writes: true,
  perform(ctx) {
    const movedClusters = new Set<string>(selectedClusterIds(ctx));
    const clusters = readClusters(ctx.doc);
    write(ctx, () => {
      for (const id of selectedIdeaIds(ctx)) {
        const n = readIdea(ctx.doc, id);
        if (!n || (n.clusterId && movedClusters.has(n.clusterId))) continue;
        const target = clusterAt(clusters, noteCenter(n));
        patchIdea(ctx.doc, id, { clusterId: (target?.id ?? null) as ClusterId | null });
      }
    });
  },
});

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Arrow keys nudge the selection by 1 board unit, 10 with Shift. */
export const nudgeSelection = defineAction<{ dx: number; dy: number }>({
  name: 'nudgeSelection',
  label: 'Nudge selection',
  shortcut: 'Arrows (Shift ×10)',
  writes: true,
  keyTest: (e, ctx) => !isMod(e) && !e.altKey && e.key in ARROWS && ctx.ui.get().selection.size > 0,
  argFromKey: (e) => {
    const [x, y] = ARROWS[e.key] ?? [0, 0];
    const step = e.shiftKey ? 10 : 1;
    return { dx: x * step, dy: y * step };
  },
  perform(ctx, delta) {
    moveSelection.perform(ctx, delta);
    settleSelection.perform(ctx, undefined);
  },
});

export const deleteSelection = defineAction({
  name: 'deleteSelection',
  label: 'Delete',
  shortcut: 'Delete / Backspace',
  writes: true,
  keyTest: (e, ctx) => noMods(e) && (e.key === 'Delete' || e.key === 'Backspace') && ctx.ui.get().selection.size > 0,
  perform(ctx) {
    const notes = selectedIdeaIds(ctx);
    const clusters = new Set<string>(selectedClusterIds(ctx));
    if (notes.length === 0 && clusters.size === 0) return;
    write(ctx, () => {
      for (const id of notes) deleteIdea(ctx.doc, id);
      // Deleting a frame keeps its notes, as in Miro: they just stop belonging to it.
      for (const n of ctx.store.canvasIdeas) {
        if (n.clusterId && clusters.has(n.clusterId) && !notes.includes(n.id)) {
          patchIdea(ctx.doc, n.id, { clusterId: null });
        }
      }
      for (const id of clusters) deleteCluster(ctx.doc, id);
    });
    const count = notes.length + clusters.size;
    patchStore(ctx.ui, {
      selection: new Set(),
      editingId: null,
      announcement: `${count} item${count === 1 ? '' : 's'} deleted`,
    });
  },
});

/**
 * Copies the selection. Notes alone are offset a little, as a pasted copy
 * would be; a selection with clusters is copied to the right of itself so
 * frames do not stack. Copied clusters bring copies of their notes.
 */
export const duplicateSelection = defineAction({
  name: 'duplicateSelection',
  label: 'Duplicate',
  shortcut: 'Ctrl+D',
  writes: true,
  keyTest: (e, ctx) => isMod(e) && !e.shiftKey && keyIs(e, 'd') && ctx.ui.get().selection.size > 0,
  perform(ctx) {
    const clusterIds = new Set<string>(selectedClusterIds(ctx));
    const clusters = readClusters(ctx.doc).filter((c) => clusterIds.has(c.id));
    const noteIds = new Set<string>(selectedIdeaIds(ctx));
    for (const n of ctx.store.canvasIdeas) if (n.clusterId && clusterIds.has(n.clusterId)) noteIds.add(n.id);
    const notes = [...noteIds].map((id) => readIdea(ctx.doc, id)).filter((n): n is Idea => n !== null);
    if (notes.length === 0 && clusters.length === 0) return;
    const bounds = boundsOf([...notes.map(noteRect), ...clusters.map(clusterRect)]);
    const [dx, dy] = clusters.length > 0 && bounds ? [bounds.width + 40, 0] : [24, 24];
    const clusterCopy = new Map<string, ClusterId>();
    const created: string[] = [];
    const now = ctx.now();
    write(ctx, () => {
      for (const c of clusters) {
        const copy: Cluster = { ...c, id: createClusterId(), x: c.x + dx, y: c.y + dy, createdBy: ctx.me.participantId };
        clusterCopy.set(c.id, copy.id);
        insertCluster(ctx.doc, copy);
        created.push(copy.id);
      }
      const allClusters = readClusters(ctx.doc);
      notes.forEach((n, i) => {
        const x = n.x + dx;
        const y = n.y + dy;
        const carried = n.clusterId ? clusterCopy.get(n.clusterId) : undefined;
        const copy: Idea = {
          ...n,
          id: createIdeaId(),
          x,
          y,
          // A copy of an AI idea stays labelled as one: duplicating must not launder provenance.
          authorId: ctx.me.participantId,
          authorName: ctx.me.name,
          lane: 'canvas',
          editedBy: null,
          createdAt: now + i / 1000,
          clusterId: carried ?? (clusterAt(allClusters, noteCenter({ x, y }))?.id as ClusterId | undefined) ?? null,
        };
        insertIdea(ctx.doc, copy);
        created.push(copy.id);
      });
    });
    patchStore(ctx.ui, { selection: new Set(created), announcement: `${created.length} duplicated` });
  },
});
