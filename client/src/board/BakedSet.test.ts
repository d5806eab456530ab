import { describe, expect, it } from 'vitest';
import { BakedSet, LIVE_MS, MAX_LIVE } from './BakedSet.ts';

type Item = { id: string; x: number };
const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, x: i }));

/** Runs one frame the way the canvas does: update, and bake when told to. Returns whether it baked. */
function frame(set: BakedSet<Item>, list: readonly Item[], now: number): boolean {
  const stale = set.update(list, now);
  if (stale) set.bake(list, now);
  return stale;
}

describe('BakedSet', () => {
  it('bakes a large set once, then a remote drag of one item bakes once more and draws only that item live', () => {
    const set = new BakedSet<Item>();
    let list = items(1000);
    expect(frame(set, list, 0)).toBe(true);
    expect(set.baked.size).toBe(1000);
    expect(set.live.size).toBe(0);
    expect(frame(set, list, 16)).toBe(false);

    // The first move takes the note out of the bitmap (one bake); later moves do not bake.
    let bakes = 0;
    for (let t = 1; t <= 30; t++) {
      list = list.map((n) => (n.id === 'n7' ? { ...n, x: n.x + 1 } : n));
      if (frame(set, list, 16 * (t + 1))) bakes++;
    }
    expect(bakes).toBe(1);
    expect(set.baked.has('n7')).toBe(false);
    expect([...set.live.values()].map((l) => l.item)).toEqual([list[7]]);
  });

  it('bakes a still item back in at the next bake after it has been still for a while', () => {
    const set = new BakedSet<Item>();
    let list = items(500);
    frame(set, list, 0);
    list = list.map((n) => (n.id === 'n1' ? { ...n, x: 99 } : n));
    frame(set, list, 10);
    expect(set.live.has('n1')).toBe(true);
    // Later another note moves: that bake takes n1 (still since t=10) in.
    list = list.map((n) => (n.id === 'n2' ? { ...n, x: 99 } : n));
    expect(frame(set, list, 10 + LIVE_MS + 1)).toBe(true);
    expect(set.baked.get('n1')).toBe(list[1]);
    expect(set.live.has('n2')).toBe(true);
  });

  it('a new item is drawn live without a bake; a deleted baked item forces one', () => {
    const set = new BakedSet<Item>();
    const list = items(300);
    frame(set, list, 0);
    const added = [...list, { id: 'new', x: 0 }];
    expect(frame(set, added, 16)).toBe(false);
    expect(set.live.has('new')).toBe(true);
    expect(frame(set, added.slice(1), 32)).toBe(true);
    expect(set.baked.has('n0')).toBe(false);
  });

  it('bakes everything when too many items change at once', () => {
    const set = new BakedSet<Item>();
    let list = items(1000);
    frame(set, list, 0);
    list = list.map((n, i) => (i <= MAX_LIVE ? { ...n, x: -1 } : n));
    expect(frame(set, list, 16)).toBe(true);
    expect(set.live.size).toBe(0);
    expect(set.baked.size).toBe(1000);
  });
});
