import { describe, expect, it } from 'vitest';
import { cullNotes, cullWindowFor, detailLevel, needsRecull } from './culling.ts';

const size = { width: 1000, height: 800 };

describe('culling', () => {
  it('keeps notes on or near the screen and drops the rest', () => {
    const notes = [
      { id: 'on', x: 100, y: 100 },
      { id: 'edge', x: -150, y: 10 }, // 180 wide: its right part is on screen
      { id: 'far', x: 5000, y: 5000 },
      { id: 'left', x: -400, y: 10 },
    ];
    const win = cullWindowFor({ x: 0, y: 0, scale: 1 }, size, 0);
    expect(cullNotes(notes, win.rect).map((n) => n.id)).toEqual(['on', 'edge']);
  });

  it('a small pan inside the margin needs no recull; leaving it does', () => {
    const win = cullWindowFor({ x: 0, y: 0, scale: 1 }, size);
    expect(needsRecull(win, { x: -200, y: 150, scale: 1 }, size)).toBe(false);
    expect(needsRecull(win, { x: -600, y: 0, scale: 1 }, size)).toBe(true);
  });

  it('zooming out far or crossing into overview recomputes', () => {
    const win = cullWindowFor({ x: 0, y: 0, scale: 1 }, size);
    expect(needsRecull(win, { x: 0, y: 0, scale: 0.45 }, size)).toBe(true);
    const near = cullWindowFor({ x: 0, y: 0, scale: 0.4 }, size);
    expect(needsRecull(near, { x: 0, y: 0, scale: 0.3 }, size)).toBe(true);
    expect(detailLevel(0.3)).toBe('overview');
    expect(detailLevel(1)).toBe('detail');
  });

  it('culls 10,000 notes to the handful on screen', () => {
    const notes = Array.from({ length: 10_000 }, (_, i) => ({ x: (i % 100) * 200, y: Math.floor(i / 100) * 140 }));
    const visible = cullNotes(notes, cullWindowFor({ x: 0, y: 0, scale: 1 }, size, 0).rect);
    // 1000/200 → columns 0..5, 800/140 → rows 0..5 (a partially visible row/column counts).
    expect(visible.length).toBe(36);
  });
});
