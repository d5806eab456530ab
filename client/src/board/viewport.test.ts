import { describe, expect, it } from 'vitest';
import {
  boardToScreen,
  classifyWheel,
  fitRect,
  MAX_ZOOM,
  MIN_ZOOM,
  nextZoomStep,
  revealRect,
  screenToBoard,
  visibleRect,
  zoomAt,
} from './viewport.ts';

const wheel = (over: Partial<Parameters<typeof classifyWheel>[0]>) =>
  classifyWheel({ deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false, ...over });

describe('viewport', () => {
  it('screen and board coordinates round-trip', () => {
    const vp = { x: 120, y: -40, scale: 0.5 };
    const p = { x: 333, y: 77 };
    const back = boardToScreen(vp, screenToBoard(vp, p));
    expect(back.x).toBeCloseTo(p.x);
    expect(back.y).toBeCloseTo(p.y);
  });

  it('zooming keeps the board point under the cursor still', () => {
    const vp = { x: 10, y: 20, scale: 1 };
    const cursor = { x: 400, y: 300 };
    const before = screenToBoard(vp, cursor);
    const after = screenToBoard(zoomAt(vp, cursor, 2.5), cursor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('zoom is clamped to its limits', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 100).scale).toBe(MAX_ZOOM);
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 0).scale).toBe(MIN_ZOOM);
  });

  it('visible rect is what the screen shows in board units', () => {
    expect(visibleRect({ x: -200, y: -100, scale: 2 }, { width: 800, height: 600 })).toEqual({
      x: 100,
      y: 50,
      width: 400,
      height: 300,
    });
  });

  it('fit shows the whole content, centred, never above 100%', () => {
    const size = { width: 1000, height: 800 };
    const big = { x: 1000, y: 1000, width: 4000, height: 1000 };
    const vp = fitRect(big, size, 50);
    const shown = visibleRect(vp, size);
    expect(shown.x).toBeLessThanOrEqual(big.x);
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(big.x + big.width);
    expect(shown.y + shown.height / 2).toBeCloseTo(big.y + big.height / 2);
    expect(fitRect({ x: 0, y: 0, width: 10, height: 10 }, size).scale).toBe(1);
  });

  it('zoom steps go to the next round level', () => {
    expect(nextZoomStep(1, 1)).toBe(1.25);
    expect(nextZoomStep(1, -1)).toBe(0.75);
    expect(nextZoomStep(0.8, -1)).toBe(0.75);
    expect(nextZoomStep(4, 1)).toBe(4);
    expect(nextZoomStep(0.05, -1)).toBe(0.02);
    expect(nextZoomStep(0.02, -1)).toBe(MIN_ZOOM);
  });
});

describe('wheel', () => {
  it('a mouse wheel notch zooms, in for up and out for down', () => {
    const up = wheel({ deltaY: -100 });
    const down = wheel({ deltaY: 100 });
    expect(up.kind).toBe('zoom');
    expect(down.kind).toBe('zoom');
    if (up.kind === 'zoom' && down.kind === 'zoom') {
      expect(up.factor).toBeGreaterThan(1);
      expect(down.factor).toBeLessThan(1);
    }
  });

  it('a trackpad scroll pans the board with the fingers', () => {
    expect(wheel({ deltaX: 12, deltaY: 4.5 })).toEqual({ kind: 'pan', dx: -12, dy: -4.5 });
  });

  it('a pinch (ctrl+wheel) zooms', () => {
    expect(wheel({ deltaY: 3.2, ctrlKey: true }).kind).toBe('zoom');
  });

  it('shift+wheel pans sideways', () => {
    expect(wheel({ deltaY: 100, shiftKey: true })).toEqual({ kind: 'pan', dx: -100, dy: 0 });
  });

  it('revealRect pans just enough to bring a rect clear of the insets, and leaves a visible one alone', () => {
    const vp = { x: 0, y: 0, scale: 1 };
    const size = { width: 800, height: 600 };
    const insets = { left: 72, bottom: 64 };
    expect(revealRect(vp, { x: 200, y: 200, width: 180, height: 120 }, size, insets)).toBe(vp);
    // Under the toolbar: moves right until 24 px clear of it.
    expect(revealRect(vp, { x: 10, y: 200, width: 180, height: 120 }, size, insets)).toEqual({ x: 86, y: 0, scale: 1 });
    // Below the screen at 50%: moves up until its bottom is 24 px above the covered strip.
    expect(revealRect({ x: 0, y: 0, scale: 0.5 }, { x: 400, y: 1200, width: 180, height: 120 }, size, insets)).toEqual({
      x: 0,
      y: 600 - 64 - 24 - 660,
      scale: 0.5,
    });
  });
});
