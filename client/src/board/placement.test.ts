import { NOTE_SIZE } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { PLACEMENT_GAP, placeBlock, placeNote } from './placement.ts';
import { intersects, type Rect } from './viewport.ts';

const rectAt = (p: { x: number; y: number }): Rect => ({ ...p, ...NOTE_SIZE });
const overlapsAny = (r: Rect, all: Rect[]) => all.some((o) => o !== r && intersects(o, r));

describe('placement', () => {
  it('puts the first note on the lattice cell nearest the centre of an empty board', () => {
    const cell = { x: NOTE_SIZE.width + PLACEMENT_GAP, y: NOTE_SIZE.height + PLACEMENT_GAP };
    const p = placeNote([], { x: 500, y: 300 });
    expect(p).toEqual({ x: 400, y: 280 });
    expect(Math.abs(p.x + NOTE_SIZE.width / 2 - 500)).toBeLessThanOrEqual(cell.x / 2);
    expect(Math.abs(p.y + NOTE_SIZE.height / 2 - 300)).toBeLessThanOrEqual(cell.y / 2);
  });

  it('notes added around different centres still line up on one lattice', () => {
    const taken: Rect[] = [];
    for (const c of [
      { x: 0, y: 0 },
      { x: 37, y: 11 },
      { x: 333, y: -91 },
    ])
      for (let i = 0; i < 4; i++) taken.push(rectAt(placeNote(taken, c)));
    // Half cells at worst (when only a half step is free), never an arbitrary offset.
    for (const r of taken) {
      expect(Math.abs(r.x % ((NOTE_SIZE.width + PLACEMENT_GAP) / 2))).toBe(0);
      expect(Math.abs(r.y % ((NOTE_SIZE.height + PLACEMENT_GAP) / 2))).toBe(0);
    }
    for (const r of taken) expect(overlapsAny(r, taken)).toBe(false);
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

  it('prefers a free spot wholly on screen to a nearer one off it', () => {
    // The screen shows x 0..800; its left part is full. The nearest free spot is off the left edge.
    const screen = { x: 0, y: 0, width: 800, height: 500 };
    const taken = [{ x: 0, y: 0, width: 500, height: 500 }];
    const nearest = placeBlock(taken, { x: 150, y: 250 }, 1)[0] as { x: number; y: number };
    expect(nearest.x).toBeLessThan(0);
    const inView = placeBlock(taken, { x: 150, y: 250 }, 1, NOTE_SIZE, screen)[0] as { x: number; y: number };
    expect(inView.x).toBeGreaterThanOrEqual(500 + PLACEMENT_GAP);
    expect(inView.x + NOTE_SIZE.width).toBeLessThanOrEqual(800);
  });
});
