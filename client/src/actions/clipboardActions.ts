import {
  type ClusterId,
  createIdeaId,
  type Idea,
  insertIdea,
  MAX_IDEA_TEXT,
  NOTE_SIZE,
  personIdea,
  readClusters,
  readIdea,
} from '@throughline/shared';
import { clusterAt, noteCenter, noteRect } from '../board/geometry.ts';
import { boundsOf } from '../board/viewport.ts';
import { patchStore } from '../state/createStore.ts';
import { placeInView, selectedClusterIds, selectedIdeaIds } from './noteActions.ts';
import { type ActionContext, defineAction, write } from './types.ts';

/** The clipboard type our copied notes travel under (beside plain text, for other apps). */
export const NOTES_MIME = 'application/x-throughline-notes';
/** At most this many notes from one paste: a pasted novel should not bury the board. */
export const MAX_PASTED_NOTES = 100;

/** A copied note: where it sat relative to the copied group, and what it said. */
export interface ClipNote {
  id: string;
  text: string;
  color: string;
  dx: number;
  dy: number;
}

/** The selected notes (and the notes of selected clusters) as clipboard data, or null when nothing is selected. */
export function copySelection(ctx: ActionContext): { text: string; notes: ClipNote[] } | null {
  const ids = new Set<string>(selectedIdeaIds(ctx));
  const clusters = new Set<string>(selectedClusterIds(ctx));
  for (const n of ctx.store.canvasIdeas) if (n.clusterId && clusters.has(n.clusterId)) ids.add(n.id);
  const notes = [...ids].map((id) => ctx.store.ideas.get(id)).filter((n): n is Idea => !!n && n.lane === 'canvas');
  const bounds = boundsOf(notes.map(noteRect));
  if (!bounds) return null;
  notes.sort((a, b) => a.y - b.y || a.x - b.x);
  return {
    text: notes.map((n) => n.text).join('\n'),
    notes: notes.map((n) => ({ id: n.id, text: n.text, color: n.color, dx: n.x - bounds.x, dy: n.y - bounds.y })),
  };
}

/** Reads our clipboard payload back, dropping anything malformed (it may come from another tab or version). */
export function parseClipNotes(raw: string): ClipNote[] | null {
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return null;
    const notes = data.filter(
      (n): n is ClipNote =>
        !!n &&
        typeof n === 'object' &&
        typeof n.id === 'string' &&
        typeof n.text === 'string' &&
        typeof n.color === 'string' &&
        Number.isFinite(n.dx) &&
        Number.isFinite(n.dy),
    );
    return notes.length > 0 ? notes.slice(0, MAX_PASTED_NOTES) : null;
  } catch {
    return null;
  }
}

/**
 * Pasted copies of notes, keeping their layout, in the free space nearest
 * the middle of the screen. A note still on this board is duplicated
 * (colour, and an AI idea's provenance, as Ctrl+D does); one from another
 * board becomes this person's note with the same text and colour.
 */
export const pasteNotes = defineAction<{ notes: ClipNote[] }>({
  name: 'pasteNotes',
  label: 'Paste notes',
  shortcut: 'Ctrl+V',
  writes: true,
  perform(ctx, { notes }) {
    if (notes.length === 0) return;
    ctx.store.flush();
    const width = Math.max(...notes.map((n) => n.dx)) + NOTE_SIZE.width;
    const height = Math.max(...notes.map((n) => n.dy)) + NOTE_SIZE.height;
    const [at] = placeInView(ctx, 1, { width, height });
    if (!at) return;
    const now = ctx.now();
    const created: string[] = [];
    write(ctx, () => {
      const clusters = readClusters(ctx.doc);
      notes.forEach((c, i) => {
        const x = Math.round(at.x + c.dx);
        const y = Math.round(at.y + c.dy);
        const clusterId = (clusterAt(clusters, noteCenter({ x, y }))?.id ?? null) as ClusterId | null;
        const source = readIdea(ctx.doc, c.id);
        const fields = { id: createIdeaId(), x, y, createdAt: now + i / 1000, clusterId };
        const idea: Idea =
          source && source.lane === 'canvas'
            ? { ...source, ...fields, authorId: ctx.me.participantId, authorName: ctx.me.name, editedBy: null }
            : personIdea({
                ...fields,
                text: c.text.slice(0, MAX_IDEA_TEXT),
                color: c.color,
                author: { id: ctx.me.participantId, name: ctx.me.name },
              });
        insertIdea(ctx.doc, idea);
        created.push(idea.id);
      });
    });
    patchStore(ctx.ui, { selection: new Set(created), announcement: `${created.length} pasted` });
  },
});

/**
 * Pasted text: one note per non-empty line (as Miro and FigJam do), laid
 * out in rows in the free space nearest the middle of the screen.
 */
export const pasteText = defineAction<{ text: string }>({
  name: 'pasteText',
  label: 'Paste text as notes',
  shortcut: 'Ctrl+V',
  writes: true,
  perform(ctx, { text }) {
    const lines = text
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) return;
    const kept = lines.slice(0, MAX_PASTED_NOTES);
    ctx.store.flush();
    const spots = placeInView(ctx, kept.length);
    const now = ctx.now();
    const color = ctx.ui.get().noteColor;
    const ideas = kept.map((line, i) =>
      personIdea({
        id: createIdeaId(),
        text: line.slice(0, MAX_IDEA_TEXT),
        x: (spots[i] as { x: number }).x,
        y: (spots[i] as { y: number }).y,
        color,
        author: { id: ctx.me.participantId, name: ctx.me.name },
        createdAt: now + i / 1000,
      }),
    );
    write(ctx, () => {
      const clusters = readClusters(ctx.doc);
      for (const idea of ideas)
        insertIdea(ctx.doc, { ...idea, clusterId: (clusterAt(clusters, noteCenter(idea))?.id ?? null) as ClusterId | null });
    });
    const dropped = lines.length - kept.length;
    patchStore(ctx.ui, {
      selection: new Set(ideas.map((i) => i.id)),
      announcement: `${ideas.length} note${ideas.length === 1 ? '' : 's'} pasted${dropped > 0 ? ` (the first ${MAX_PASTED_NOTES} lines; ${dropped} left out)` : ''}`,
    });
  },
});
