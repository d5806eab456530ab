import type { Cluster, Idea } from '@throughline/shared';
import { describe, expect, it } from 'vitest';
import { clusterAt, clusterPartAt, clustersInRect, notesInRect, topmostNoteAt } from './geometry.ts';

const note = (id: string, x: number, y: number) => ({ id, x, y }) as Idea;
const cluster = (id: string, x: number, y: number, width: number, height: number) =>
  ({ id, x, y, width, height, title: '', color: '', createdBy: '' }) as Cluster;

describe('hit testing', () => {
  it('picks the topmost of overlapping notes', () => {
    const ordered = [note('below', 0, 0), note('above', 50, 50)];
    expect(topmostNoteAt(ordered, { x: 60, y: 60 })?.id).toBe('above');
    expect(topmostNoteAt(ordered, { x: 10, y: 10 })?.id).toBe('below');
    expect(topmostNoteAt(ordered, { x: 500, y: 500 })).toBeNull();
  });

  it('tells a cluster title from its body and its resize grip', () => {
    const c = [cluster('c', 0, 0, 400, 300)];
    expect(clusterPartAt(c, { x: 100, y: 10 }, 1)?.part).toBe('title');
    expect(clusterPartAt(c, { x: 100, y: 200 }, 1)?.part).toBe('body');
    expect(clusterPartAt(c, { x: 398, y: 298 }, 1)?.part).toBe('resize');
    expect(clusterPartAt(c, { x: 500, y: 10 }, 1)).toBeNull();
  });

  it('a marquee takes notes it touches but only clusters it encloses', () => {
    const rect = { x: 0, y: 0, width: 300, height: 300 };
    expect(notesInRect([note('in', 250, 250), note('out', 400, 0)], rect).map((n) => n.id)).toEqual(['in']);
    expect(clustersInRect([cluster('inside', 10, 10, 100, 100), cluster('big', 0, 0, 800, 800)], rect).map((c) => c.id)).toEqual([
      'inside',
    ]);
  });

  it('a point belongs to the smallest frame around it', () => {
    const frames = [cluster('outer', 0, 0, 1000, 1000), cluster('inner', 100, 100, 300, 300)];
    expect(clusterAt(frames, { x: 200, y: 200 })?.id).toBe('inner');
    expect(clusterAt(frames, { x: 800, y: 800 })?.id).toBe('outer');
    expect(clusterAt(frames, { x: 2000, y: 0 })).toBeNull();
  });
});
