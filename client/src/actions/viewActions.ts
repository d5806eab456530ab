import { clusterRect, noteRect } from '../board/geometry.ts';
import { boundsOf, centerOn, DEFAULT_VIEWPORT, fitRect, type Insets, nextZoomStep, zoomAt } from '../board/viewport.ts';
import { patchStore } from '../state/createStore.ts';
import { type ActionContext, defineAction, isMod, type KeyLike } from './types.ts';

/**
 * Where floating controls cover the canvas (.toolbar and .zoom-controls in
 * styles.css and styles/phone.css): on wide screens the toolbar down the
 * left edge and the zoom controls along the bottom; on phones the toolbar
 * and the sheet bar along the bottom (64 + 76 px) and the zoom controls at
 * the top. Fit and new notes keep clear of them.
 */
export const toolbarInsets = (size: { width: number }): Insets =>
  size.width > PHONE_MAX_WIDTH ? { left: 72, bottom: 64 } : { top: 56, bottom: 148 };
/** Canvas widths up to this get the phone layout (matches the media query in styles.css). */
export const PHONE_MAX_WIDTH = 600;

const screenCenter = (ctx: ActionContext) => {
  const s = ctx.viewSize();
  return { x: s.width / 2, y: s.height / 2 };
};

// Ctrl+= / Ctrl+- zoom the board rather than the page, as in Miro and Figma.
const zoomKey = (keys: string[]) => (e: KeyLike) => !e.altKey && keys.includes(e.key);

export const zoomIn = defineAction({
  name: 'zoomIn',
  label: 'Zoom in',
  shortcut: '+ / Ctrl+=',
  writes: false,
  keyTest: zoomKey(['+', '=']),
  perform(ctx) {
    const vp = ctx.viewport.get();
    ctx.viewport.set(zoomAt(vp, screenCenter(ctx), nextZoomStep(vp.scale, 1)));
  },
});

export const zoomOut = defineAction({
  name: 'zoomOut',
  label: 'Zoom out',
  shortcut: '- / Ctrl+-',
  writes: false,
  keyTest: zoomKey(['-', '_']),
  perform(ctx) {
    const vp = ctx.viewport.get();
    ctx.viewport.set(zoomAt(vp, screenCenter(ctx), nextZoomStep(vp.scale, -1)));
  },
});

/** Fits every note and cluster on screen (at most 100%), as Shift+1 does in Miro and Figma. */
export const zoomToFit = defineAction({
  name: 'zoomToFit',
  label: 'Zoom to fit',
  shortcut: 'Shift+1',
  writes: false,
  keyTest: (e) => !isMod(e) && e.shiftKey && (e.code === 'Digit1' || e.key === '!'),
  perform(ctx) {
    const bounds = boundsOf([...ctx.store.canvasIdeas.map(noteRect), ...ctx.store.orderedClusters.map(clusterRect)]);
    if (!bounds) {
      ctx.viewport.set(centerOn(DEFAULT_VIEWPORT, { x: 0, y: 0 }, ctx.viewSize()));
      return;
    }
    ctx.viewport.set(fitRect(bounds, ctx.viewSize(), 48, 1, toolbarInsets(ctx.viewSize())));
  },
});

export const zoomReset = defineAction({
  name: 'zoomReset',
  label: 'Zoom to 100%',
  shortcut: 'Shift+0',
  writes: false,
  keyTest: (e) => !isMod(e) && e.shiftKey && (e.code === 'Digit0' || e.key === ')'),
  perform(ctx) {
    ctx.viewport.set(zoomAt(ctx.viewport.get(), screenCenter(ctx), 1));
  },
});

/** Centres a note on screen (at 100% if zoomed far out) and selects it: "show on canvas" from the list. */
export const focusNote = defineAction<{ id: string }>({
  name: 'focusNote',
  label: 'Show on canvas',
  writes: false,
  perform(ctx, { id }) {
    const n = ctx.store.ideas.get(id);
    if (!n) return;
    const r = noteRect(n);
    const vp = ctx.viewport.get();
    const scale = Math.max(vp.scale, 0.75);
    ctx.viewport.set(centerOn({ ...vp, scale }, { x: r.x + r.width / 2, y: r.y + r.height / 2 }, ctx.viewSize()));
    patchStore(ctx.ui, { selection: new Set([id]), view: 'canvas' });
  },
});
