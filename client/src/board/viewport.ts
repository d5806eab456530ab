/**
 * Camera math. A viewport maps board coordinates to screen pixels:
 * `screen = board * scale + (x, y)`. Everything here is pure so pan, zoom and
 * culling can be tested without a browser.
 */
export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Point, Size {}
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

/** 2 %: "Fit" shows a whole 10,000-note board (about 20,000 × 14,000 board units) on a laptop screen (decision 1822). */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;
export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, scale: 1 };

export const clampScale = (s: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, s));

export const screenToBoard = (vp: Viewport, p: Point): Point => ({
  x: (p.x - vp.x) / vp.scale,
  y: (p.y - vp.y) / vp.scale,
});

export const boardToScreen = (vp: Viewport, p: Point): Point => ({
  x: p.x * vp.scale + vp.x,
  y: p.y * vp.scale + vp.y,
});

export const panBy = (vp: Viewport, dx: number, dy: number): Viewport => ({ ...vp, x: vp.x + dx, y: vp.y + dy });

/** Zooms to `scale` (clamped) keeping the board point under `anchor` (screen px) where it is. */
export function zoomAt(vp: Viewport, anchor: Point, scale: number): Viewport {
  const next = clampScale(scale);
  const b = screenToBoard(vp, anchor);
  return { scale: next, x: anchor.x - b.x * next, y: anchor.y - b.y * next };
}

/** The board area under a rect of the screen (screen px). */
export const screenRectToBoard = (vp: Viewport, r: Rect): Rect => ({
  ...screenToBoard(vp, r),
  width: r.width / vp.scale,
  height: r.height / vp.scale,
});

/** The board area the screen shows. */
export const visibleRect = (vp: Viewport, size: Size): Rect => screenRectToBoard(vp, { x: 0, y: 0, ...size });

/** A viewport that puts `boardPoint` at the centre of the screen at the current scale. */
export const centerOn = (vp: Viewport, boardPoint: Point, size: Size): Viewport => ({
  scale: vp.scale,
  x: size.width / 2 - boardPoint.x * vp.scale,
  y: size.height / 2 - boardPoint.y * vp.scale,
});

/** Screen pixels along each edge that something floats over (toolbars), kept clear when fitting. */
export interface Insets {
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
}

/**
 * The camera that shows `rect` whole (at most `maxScale`), centred in the
 * part of the screen not covered by `insets`, with `padding` around it.
 */
export function fitRect(rect: Rect, size: Size, padding = 48, maxScale = 1, insets: Insets = {}): Viewport {
  const { left = 0, right = 0, top = 0, bottom = 0 } = insets;
  const area = { width: Math.max(1, size.width - left - right), height: Math.max(1, size.height - top - bottom) };
  const w = Math.max(1, area.width - padding * 2);
  const h = Math.max(1, area.height - padding * 2);
  const scale = clampScale(Math.min(maxScale, w / Math.max(1, rect.width), h / Math.max(1, rect.height)));
  const vp = centerOn({ x: 0, y: 0, scale }, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, area);
  return { ...vp, x: vp.x + left, y: vp.y + top };
}

/** The part of a `size` screen that `insets` leave uncovered, in screen pixels. */
export function uncoveredRect(size: Size, insets: Insets = {}): Rect {
  const { left = 0, right = 0, top = 0, bottom = 0 } = insets;
  return { x: left, y: top, width: Math.max(1, size.width - left - right), height: Math.max(1, size.height - top - bottom) };
}

/**
 * The smallest pan (same scale) that brings board `rect` into the uncovered
 * part of the screen, `margin` pixels inside its edges; along an axis where
 * it cannot fit, it is centred. Returns `vp` itself when nothing needs to move.
 */
export function revealRect(vp: Viewport, rect: Rect, size: Size, insets: Insets = {}, margin = 24): Viewport {
  const area = uncoveredRect(size, insets);
  const at = boardToScreen(vp, rect);
  const shift = (start: number, length: number, areaStart: number, areaLength: number) => {
    const room = areaLength - margin * 2;
    if (length > room) return areaStart + (areaLength - length) / 2 - start;
    if (start < areaStart + margin) return areaStart + margin - start;
    if (start + length > areaStart + areaLength - margin) return areaStart + areaLength - margin - (start + length);
    return 0;
  };
  const dx = shift(at.x, rect.width * vp.scale, area.x, area.width);
  const dy = shift(at.y, rect.height * vp.scale, area.y, area.height);
  return dx === 0 && dy === 0 ? vp : panBy(vp, dx, dy);
}

/** The smallest rect holding every rect given, or null for none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export const containsRect = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

export const containsPoint = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** Grows a rect by `fraction` of its size on every side. */
export const expandRect = (r: Rect, fraction: number): Rect => ({
  x: r.x - r.width * fraction,
  y: r.y - r.height * fraction,
  width: r.width * (1 + 2 * fraction),
  height: r.height * (1 + 2 * fraction),
});

/** A rect from two corner points in any order (a marquee). */
export const rectFromPoints = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(a.x - b.x),
  height: Math.abs(a.y - b.y),
});

/** Zoom steps for the +/- buttons and keys: the next "round" level up or down. */
export const ZOOM_STEPS = [0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

export function nextZoomStep(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > scale + 1e-6) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 1e-6) ?? MIN_ZOOM;
}

/** How a wheel event should move the camera. */
export type WheelIntent = { kind: 'zoom'; factor: number } | { kind: 'pan'; dx: number; dy: number };

/** The parts of a WheelEvent the classifier needs. */
export interface WheelLike {
  deltaX: number;
  deltaY: number;
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const LINE_PX = 16;

/**
 * Mouse wheel zooms, trackpad scrolling pans, pinch zooms — the split Miro
 * users expect. Browsers report a trackpad pinch as a wheel event with
 * `ctrlKey`; a trackpad two-finger scroll has a horizontal component or
 * small fractional steps, where a mouse wheel moves in whole notches along
 * one axis.
 */
export function classifyWheel(e: WheelLike): WheelIntent {
  const scale = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? 400 : 1;
  const dx = e.deltaX * scale;
  const dy = e.deltaY * scale;
  if (e.ctrlKey || e.metaKey) return { kind: 'zoom', factor: Math.exp(-dy * 0.01) };
  if (e.shiftKey) return { kind: 'pan', dx: -(dx || dy), dy: 0 };
  const looksLikeTrackpad = dx !== 0 || (e.deltaMode === 0 && (Math.abs(dy) < 40 || !Number.isInteger(dy)));
  if (looksLikeTrackpad) return { kind: 'pan', dx: -dx, dy: -dy };
  return { kind: 'zoom', factor: Math.exp(-Math.sign(dy) * Math.min(Math.abs(dy), 200) * 0.0015) };
}
