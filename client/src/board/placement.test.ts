import { NOTE_SIZE } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP, placeBlock, placeNote } from './placement.ts';
import { intersects, type Rect } from './viewport.ts';

const rectAt = (p: { x: number; y: number }): Rect => ({ ...p, ...NOTE_SIZE });
const overlapsAny = (r: Rect, all: Rect[]) => all.some((o) => o !== r && intersects(o, r));

describe('placement', () => {
  it('puts the first note on the centre of an empty board', () => {
    const p = placeNote([], { x: 500, y: 300 });
    expect(p).toEqual({ x: 500 - NOTE_SIZE.width / 2, y: 300 - NOTE_SIZE.height / 2 });
  });

  it('twenty notes added one after another at the same centre never overlap and stay near it', () => {
    const taken: Rect[] = [];
    for (let i = 0; i < 20; i++) taken.push(rectAt(placeNote(taken, { x: 0, y: 0 })));
    for (const r of taken) expect(overlapsAny(r, taken)).toBe(false);
    const far = Math.max(...taken.map((r) => Math.hypot(r.x + r.width / 2, r.y + r.height / 2)));
    // Twenty notes fit in a 5×4 block around the centre: nobody is sent far away.
    expect(far).toBeLessThan(3 * (NOTE_SIZE.width + PLACEMENT_GAP));
  });

  it('keeps clear of existing notes by the gap, and lays a block of pasted lines out in rows', () => {
    const existing = [rectAt({ x: -90, y: -60 })];
    const block = placeBlock(existing, { x: 0, y: 0 }, 5);
    expect(block).toHaveLength(5);
    const rects = block.map(rectAt);
    for (const r of rects) {
      expect(overlapsAny(r, [...existing, ...rects])).toBe(false);
      const grown = {
        x: r.x - PLACEMENT_GAP + 1,
        y: r.y - PLACEMENT_GAP + 1,
        width: r.width + 2 * PLACEMENT_GAP - 2,
        height: r.height + 2 * PLACEMENT_GAP - 2,
      };
      expect(intersects(grown, existing[0] as Rect)).toBe(false);
    }
    // Rows of three (⌈√5⌉): the first three share a y, the next two sit one row below.
    expect(new Set(block.slice(0, 3).map((p) => p.y)).size).toBe(1);
    expect((block[3] as { y: number }).y).toBeGreaterThan((block[0] as { y: number }).y);
  });

  it('avoids frames and anything else passed as taken', () => {
    const frame = { x: -300, y: -300, width: 600, height: 600 };
    const p = placeNote([frame], { x: 0, y: 0 });
    expect(intersects(rectAt(p), frame)).toBe(false);
  });
});
