import { describe, expect, it } from 'vitest';
import { cameraOf, sameCamera, viewportFor } from './camera.ts';

describe('shared cameras', () => {
  it('round-trips through a viewport on a screen of any size', () => {
    const cam = { x: 420, y: -180, zoom: 1.5 };
    for (const size of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      expect(sameCamera(cameraOf(viewportFor(cam, size), size), cam)).toBe(true);
    }
  });

  it('centres the same board point on different screens', () => {
    const cam = { x: 100, y: 100, zoom: 2 };
    const wide = viewportFor(cam, { width: 1280, height: 800 });
    const narrow = viewportFor(cam, { width: 390, height: 844 });
    expect((640 - wide.x) / wide.scale).toBe(100);
    expect((195 - narrow.x) / narrow.scale).toBe(100);
  });

  it('clamps a zoom the board cannot show', () => {
    expect(viewportFor({ x: 0, y: 0, zoom: 50 }, { width: 100, height: 100 }).scale).toBe(4);
  });
});
