import type { Camera } from '@throughline/shared';
import { clampScale, type Size, screenToBoard, type Viewport } from './viewport.ts';

/**
 * A shareable camera: the board point at the centre of the screen and the
 * zoom. Sharing the centre, not the screen offset, keeps two windows of
 * different sizes looking at the same place when one follows the other.
 */
export function cameraOf(vp: Viewport, size: Size): Camera {
  const c = screenToBoard(vp, { x: size.width / 2, y: size.height / 2 });
  return { x: Math.round(c.x), y: Math.round(c.y), zoom: Math.round(vp.scale * 1000) / 1000 };
}

/** The viewport that shows `camera` on a screen of `size`. */
export function viewportFor(camera: Camera, size: Size): Viewport {
  const scale = clampScale(camera.zoom);
  return { scale, x: size.width / 2 - camera.x * scale, y: size.height / 2 - camera.y * scale };
}

/** Cameras that differ by less than a pixel of pan and a rounding step of zoom show the same view. */
export const sameCamera = (a: Camera | null, b: Camera | null) =>
  a === b || (!!a && !!b && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.001);
