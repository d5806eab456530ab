/** How long an item that stopped changing stays drawn live before the next bake takes it in. */
export const LIVE_MS = 1000;
/** Past this many live items, drawing them one by one costs more than baking: bake them all. */
export const MAX_LIVE = 200;

/**
 * Which items of a large, mostly still set are baked into a cached bitmap
 * and which are drawn live on top of it, every frame. Items are immutable
 * snapshots (the board store keeps an unchanged note's object), so "changed"
 * is "a different object with the same id".
 *
 * A remote peer dragging one note among 10,000 makes that note live: the
 * bitmap is baked once without it, and each later frame is one blit plus one
 * note. A live item that has been still for `LIVE_MS` is baked in at the
 * next bake. A baked item that changes or leaves forces a bake (its old
 * image is in the bitmap); a new item is simply drawn live.
 */
export class BakedSet<T extends { id: string }> {
  /** What the bitmap shows, by id. */
  readonly baked = new Map<string, T>();
  /** Items drawn over the bitmap, with when each last changed. */
  readonly live = new Map<string, { item: T; changedAt: number }>();

  /**
   * Takes this frame's items. Returns true when the bitmap no longer matches
   * `baked` and must be baked again (call `bake`); otherwise draw the bitmap
   * and then `live`.
   */
  update(items: readonly T[], now: number): boolean {
    let bakedPresent = 0;
    const seen = new Set<string>();
    for (const item of items) {
      const b = this.baked.get(item.id);
      if (b === item) {
        bakedPresent++;
        continue;
      }
      seen.add(item.id);
      const l = this.live.get(item.id);
      if (l) {
        if (l.item !== item) {
          l.item = item;
          l.changedAt = now;
        }
      } else this.live.set(item.id, { item, changedAt: now });
    }
    for (const id of this.live.keys()) if (!seen.has(id)) this.live.delete(id);
    // A baked item changed or left the set (either way it is not present as baked): its old image is in the bitmap.
    return bakedPresent < this.baked.size || this.live.size > MAX_LIVE;
  }

  /** Decides the new bitmap's content: everything except items that changed within `LIVE_MS` (all, past `MAX_LIVE`). */
  bake(items: readonly T[], now: number): void {
    this.baked.clear();
    const keepLive = this.live.size <= MAX_LIVE;
    for (const item of items) {
      const l = this.live.get(item.id);
      if (keepLive && l && now - l.changedAt < LIVE_MS) continue;
      this.live.delete(item.id);
      this.baked.set(item.id, item);
    }
  }
}
