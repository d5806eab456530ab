import { NOTE_SIZE } from '@throughline/shared';
import { containsRect, expandRect, type Rect, type Size, type Viewport, visibleRect } from './viewport.ts';

/**
 * Off-screen culling with hysteresis. The canvas renders only notes inside a
 * *cull window* — the visible area grown by a margin — and recomputes the
 * window only when the camera leaves it or the zoom changes a lot, so a pan
 * moves the Konva stage without re-rendering React on every frame.
 */
export interface CullWindow {
  rect: Rect;
  scale: number;
  detail: DetailLevel;
}

/** Below this zoom, note text is unreadable: draw notes as coloured tiles in one shape. */
export const OVERVIEW_SCALE = 0.35;
export type DetailLevel = 'detail' | 'overview';
export const detailLevel = (scale: number): DetailLevel => (scale < OVERVIEW_SCALE ? 'overview' : 'detail');

export const CULL_MARGIN = 0.5;

export const cullWindowFor = (vp: Viewport, size: Size, margin = CULL_MARGIN): CullWindow => ({
  rect: expandRect(visibleRect(vp, size), margin),
  scale: vp.scale,
  detail: detailLevel(vp.scale),
});

/** True when the screen shows board outside the window, the zoom halved or doubled, or the detail level flipped. */
export function needsRecull(win: CullWindow | null, vp: Viewport, size: Size): boolean {
  if (!win) return true;
  const ratio = vp.scale / win.scale;
  if (ratio < 0.5 || ratio > 2) return true;
  if (detailLevel(vp.scale) !== win.detail) return true;
  return !containsRect(win.rect, visibleRect(vp, size));
}

/** Items whose box touches `rect`. Items are positioned by top-left corner. */
export function cullNotes<T extends { x: number; y: number }>(items: readonly T[], rect: Rect): T[] {
  const minX = rect.x - NOTE_SIZE.width;
  const minY = rect.y - NOTE_SIZE.height;
  const maxX = rect.x + rect.width;
  const maxY = rect.y + rect.height;
  const out: T[] = [];
  for (const n of items) if (n.x >= minX && n.x <= maxX && n.y >= minY && n.y <= maxY) out.push(n);
  return out;
}

export function cullRects<T extends Rect>(items: readonly T[], rect: Rect): T[] {
  return items.filter((c) => c.x < rect.x + rect.width && rect.x < c.x + c.width && c.y < rect.y + rect.height && rect.y < c.y + c.height);
}
