import { NOTE_SIZE } from '@throughline/shared';
import { intersects, type Point, type Rect, type Size } from './viewport.ts';

/** Board units kept clear between a placed note and its neighbours. */
export const PLACEMENT_GAP = 20;
/** How far (in grid steps) the search walks out from the preferred spot before giving up. */
const MAX_RINGS = 40;

/**
 * Top-left corners for `count` new notes laid out as a block (rows of up to
 * ⌈√count⌉, reading order) at the free spot nearest to `center`: no new
 * note overlaps any rect in `taken` or comes closer than PLACEMENT_GAP to
 * it. Candidates are tried ring by ring on a half-note grid around the
 * centre, nearest first, so a board with room near the middle fills there.
 * If nothing within MAX_RINGS is free (an enormous crowded board), the block
 * goes just below everything it was compared with.
 */
export function placeBlock(taken: readonly Rect[], center: Point, count: number, size: Size = NOTE_SIZE): Point[] {
  if (count <= 0) return [];
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const cellW = size.width + PLACEMENT_GAP;
  const cellH = size.height + PLACEMENT_GAP;
  const blockW = cols * cellW - PLACEMENT_GAP;
  const blockH = rows * cellH - PLACEMENT_GAP;
  const origin = { x: Math.round(center.x - blockW / 2), y: Math.round(center.y - blockH / 2) };
  // Compare against the neighbours grown by the gap, so "touching" counts as taken.
  const grown = taken.map((r) => ({
    x: r.x - PLACEMENT_GAP,
    y: r.y - PLACEMENT_GAP,
    width: r.width + PLACEMENT_GAP * 2,
    height: r.height + PLACEMENT_GAP * 2,
  }));
  const stepX = Math.round(cellW / 2);
  const stepY = Math.round(cellH / 2);
  const fits = (x: number, y: number) => {
    const block = { x, y, width: blockW, height: blockH };
    return !grown.some((r) => intersects(r, block));
  };
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    for (const [i, j] of ringOffsets(ring)) {
      const x = origin.x + i * stepX;
      const y = origin.y + j * stepY;
      if (fits(x, y)) return cells(x, y, count, cols, cellW, cellH);
    }
  }
  const bottom = taken.reduce((b, r) => Math.max(b, r.y + r.height), origin.y);
  return cells(origin.x, bottom + PLACEMENT_GAP * 2, count, cols, cellW, cellH);
}

/** One free top-left corner for a single note nearest to `center`. */
export const placeNote = (taken: readonly Rect[], center: Point): Point => placeBlock(taken, center, 1)[0] as Point;

function cells(x: number, y: number, count: number, cols: number, cellW: number, cellH: number): Point[] {
  return Array.from({ length: count }, (_, k) => ({ x: x + (k % cols) * cellW, y: y + Math.floor(k / cols) * cellH }));
}

/** Grid offsets on the square ring at `ring` steps from the origin, nearest (Euclidean) first. */
function ringOffsets(ring: number): [number, number][] {
  if (ring === 0) return [[0, 0]];
  const out: [number, number][] = [];
  for (let i = -ring; i <= ring; i++) {
    out.push([i, -ring], [i, ring]);
    if (i !== -ring && i !== ring) out.push([-ring, i], [ring, i]);
  }
  return out.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2));
}
