import { NOTE_SIZE } from '@throughline/shared';
import { containsRect, intersects, type Point, type Rect, type Size } from './viewport.ts';

/** Board units kept clear between a placed note and its neighbours. */
export const PLACEMENT_GAP = 20;
/** How far (in grid steps) the search walks out from the preferred spot before giving up. */
const MAX_RINGS = 40;

/**
 * Top-left corners for `count` new notes laid out as a block (rows of up to
 * ⌈√count⌉, reading order) at the free spot nearest to `center`: no new
 * note overlaps any rect in `taken` or comes closer than PLACEMENT_GAP to
 * it. Candidates sit on a board-wide lattice of note cells (note plus gap)
 * and are tried ring by ring around the centre, nearest first, so a board
 * with room near the middle fills there, in tidy rows.
 * With `prefer` (the board area on screen), a spot wholly inside it wins
 * over a nearer one that is not, so new notes stay in view while there is room.
 * If nothing within MAX_RINGS is free (an enormous crowded board), the block
 * goes just below everything it was compared with.
 */
export function placeBlock(taken: readonly Rect[], center: Point, count: number, size: Size = NOTE_SIZE, prefer?: Rect): Point[] {
  if (count <= 0) return [];
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const cellW = size.width + PLACEMENT_GAP;
  const cellH = size.height + PLACEMENT_GAP;
  const blockW = cols * cellW - PLACEMENT_GAP;
  const blockH = rows * cellH - PLACEMENT_GAP;
  // Snapped to a board-wide lattice of note cells, so notes added in different places and
  // after the camera moved still line up in rows and columns instead of staggering.
  const lattice = { x: NOTE_SIZE.width + PLACEMENT_GAP, y: NOTE_SIZE.height + PLACEMENT_GAP };
  const origin = {
    x: Math.round((center.x - blockW / 2) / lattice.x) * lattice.x,
    y: Math.round((center.y - blockH / 2) / lattice.y) * lattice.y,
  };
  // Compare against the neighbours grown by the gap, so "touching" counts as taken.
  const grown = taken.map((r) => ({
    x: r.x - PLACEMENT_GAP,
    y: r.y - PLACEMENT_GAP,
    width: r.width + PLACEMENT_GAP * 2,
    height: r.height + PLACEMENT_GAP * 2,
  }));
  const stepX = lattice.x / 2;
  const stepY = lattice.y / 2;
  const fits = (x: number, y: number) => {
    const block = { x, y, width: blockW, height: blockH };
    return !grown.some((r) => intersects(r, block));
  };
  // First the free whole-cell spots wholly on screen (`prefer`), nearest first; then anywhere, by half cells.
  if (prefer) {
    const reach = Math.min(MAX_RINGS, Math.ceil(Math.max(prefer.width / lattice.x, prefer.height / lattice.y)));
    for (let ring = 0; ring <= reach; ring++) {
      for (const [i, j] of ringOffsets(ring)) {
        const x = origin.x + i * lattice.x;
        const y = origin.y + j * lattice.y;
        if (containsRect(prefer, { x, y, width: blockW, height: blockH }) && fits(x, y)) return cells(x, y, count, cols, cellW, cellH);
      }
    }
  }
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
