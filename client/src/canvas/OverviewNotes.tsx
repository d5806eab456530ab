import { type Idea, NOTE_SIZE } from '@throughline/shared';
import type Konva from 'konva';
import { memo, useCallback, useState } from 'react';
import { BakedSet } from '../board/BakedSet.ts';
import type { Rect } from '../board/viewport.ts';
import { Shape } from '../konva/reactKonva.ts';

/** Device pixels in the cached bitmap at most (a 4K screen at the cull window's 2× margin, about 32 MB). */
const MAX_BITMAP_PIXELS = 8_000_000;
/** Re-bake when the zoom has drifted this far from the bitmap's resolution, before it looks soft. */
const MAX_ZOOM_DRIFT = 1.25;

/**
 * Zoomed far out, text is unreadable and thousands of notes may be on
 * screen: draw them as coloured tiles in one shape instead of thousands of
 * Konva nodes. The still tiles are baked into a bitmap covering the cull
 * window, so a frame (a pan, a remote peer dragging a note) is one blit plus
 * the few notes that are moving (see BakedSet). Selection stays visible as
 * an outline.
 */
export const OverviewNotes = memo(function OverviewNotes({
  notes,
  selection,
  scale,
  area,
}: {
  notes: readonly Idea[];
  selection: ReadonlySet<string>;
  scale: number;
  /** The cull window (board units): every note in `notes` touches it, and the bitmap covers it. */
  area: Rect;
}) {
  const [tiles] = useState(() => new TileBitmap());
  const draw = useCallback(
    (context: Konva.Context) => {
      const c = context._context;
      const line = 1 / scale;
      tiles.draw(c, notes, area, line);
      if (selection.size > 0) {
        c.lineWidth = 2 * line;
        c.strokeStyle = '#1c7ed6';
        for (const n of notes) {
          if (selection.has(n.id)) c.strokeRect(n.x - 3 * line, n.y - 3 * line, NOTE_SIZE.width + 6 * line, NOTE_SIZE.height + 6 * line);
        }
      }
    },
    [tiles, notes, selection, scale, area],
  );
  return <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />;
});

/** The baked bitmap of still tiles and the bookkeeping of which notes it holds. */
class TileBitmap {
  private readonly set = new BakedSet<Idea>();
  private canvas: HTMLCanvasElement | null = null;
  /** Board area and device pixels per board unit the bitmap was drawn for. */
  private drawnFor: { area: Rect; unit: number } | null = null;

  /** Draws every note in `notes`: the bitmap (re-baked when stale), then the live notes over it. */
  draw(c: CanvasRenderingContext2D, notes: readonly Idea[], area: Rect, line: number): void {
    const now = performance.now();
    // Device pixels per board unit under the stage's current transform (scale × pixel ratio).
    const unit = Math.hypot(c.getTransform().a, c.getTransform().b);
    const stale = this.set.update(notes, now);
    const d = this.drawnFor;
    const drift = d ? unit / d.unit : 0;
    if (stale || !d || d.area !== area || drift > MAX_ZOOM_DRIFT || drift < 1 / MAX_ZOOM_DRIFT) {
      this.set.bake(notes, now);
      this.bake(area, unit, line);
    }
    if (this.canvas && this.drawnFor) {
      const a = this.drawnFor.area;
      c.drawImage(this.canvas, a.x, a.y, a.width, a.height);
    }
    if (this.set.live.size > 0)
      drawTiles(
        c,
        Array.from(this.set.live.values(), (l) => l.item),
        line,
      );
  }

  private bake(area: Rect, unit: number, line: number): void {
    const k = Math.min(unit, Math.sqrt(MAX_BITMAP_PIXELS / Math.max(1, area.width * area.height)));
    const width = Math.max(1, Math.ceil(area.width * k));
    const height = Math.max(1, Math.ceil(area.height * k));
    this.canvas ??= document.createElement('canvas');
    // Setting the size clears the bitmap (and its transform).
    this.canvas.width = width;
    this.canvas.height = height;
    const b = this.canvas.getContext('2d');
    if (!b) return;
    b.setTransform(k, 0, 0, k, -area.x * k, -area.y * k);
    drawTiles(b, this.set.baked.values(), line);
    this.drawnFor = { area, unit };
  }
}

/** Tiles with a hairline border, in paint order (bottom to top). */
function drawTiles(c: CanvasRenderingContext2D, notes: Iterable<Idea>, line: number): void {
  c.lineWidth = line;
  c.strokeStyle = 'rgba(0,0,0,0.18)';
  for (const n of notes) {
    c.fillStyle = n.color;
    c.fillRect(n.x, n.y, NOTE_SIZE.width, NOTE_SIZE.height);
    c.strokeRect(n.x, n.y, NOTE_SIZE.width, NOTE_SIZE.height);
  }
}
