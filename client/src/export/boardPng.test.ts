import type { Cluster, Idea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { boardBounds, exportRect, MAX_PIXELS, MAX_SIDE_PX, pixelRatioFor } from './boardPng.ts';

const note = (x: number, y: number) => ({ x, y }) as Idea;
const cluster = (x: number, y: number, width: number, height: number) => ({ x, y, width, height }) as Cluster;

describe('boardBounds', () => {
  it('covers every note and cluster with a margin', () => {
    expect(boardBounds([note(0, 0), note(500, 300)], [cluster(-200, -100, 100, 100)], 10)).toEqual({
      x: -210,
      y: -110,
      width: 500 + 180 + 200 + 20,
      height: 300 + 120 + 100 + 20,
    });
  });

  it('is null for an empty board, so there is no blank image to download', () => {
    expect(boardBounds([], [])).toBeNull();
  });
});

describe('exportRect', () => {
  it('is what the screen shows for the current view', () => {
    const r = exportRect(
      { ideas: [], clusters: [], showOrigin: true },
      { kind: 'view', viewport: { x: -100, y: 50, scale: 2 }, size: { width: 800, height: 600 } },
    );
    expect(r).toEqual({ x: 50, y: -25, width: 400, height: 300 });
  });
});

describe('pixelRatioFor', () => {
  it('keeps the wanted sharpness for boards of ordinary size', () => {
    expect(pixelRatioFor({ width: 2000, height: 1000 }, 2)).toBe(2);
  });

  it('shrinks a huge board to a canvas every browser accepts', () => {
    const size = { width: 60_000, height: 30_000 };
    const r = pixelRatioFor(size, 2);
    expect(size.width * r).toBeLessThanOrEqual(MAX_SIDE_PX);
    expect(size.width * r * size.height * r).toBeLessThanOrEqual(MAX_PIXELS + 1);
    expect(r).toBeGreaterThan(0);
  });
});
