import type { Viewport } from '../board/viewport.ts';

/** The camera per session in this browser, so a reload returns to the same place (Miro does the same). */
const key = (sessionId: string) => `throughline:viewport:${sessionId}`;

export function loadViewport(sessionId: string): Viewport | null {
  try {
    const v = JSON.parse(localStorage.getItem(key(sessionId)) ?? 'null') as Viewport | null;
    return v && [v.x, v.y, v.scale].every(Number.isFinite) && v.scale > 0 ? v : null;
  } catch {
    return null;
  }
}

export function saveViewport(sessionId: string, v: Viewport): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify({ x: Math.round(v.x), y: Math.round(v.y), scale: v.scale }));
  } catch {}
}
