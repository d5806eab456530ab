import { type Cluster, type Decision, type Idea, NOTE_SIZE } from '@throughline/shared';
import { NOTE_FONT, NOTE_FOOTER, NOTE_PADDING, noteFontSize } from '../board/noteText.ts';
import { BADGE_SIZE, VERDICT_BADGE } from '../board/verdictBadge.ts';
import { type Rect, type Size, type Viewport, visibleRect } from '../board/viewport.ts';
import * as Konva from '../konva/konvaCore.ts';

/** What to export: every note and cluster, or exactly what this person's screen shows. */
export type PngArea = { kind: 'board' } | { kind: 'view'; viewport: Viewport; size: Size };

export interface BoardPngInput {
  ideas: readonly Idea[];
  clusters: readonly Cluster[];
  /** Label AI notes, unless the session blinds origin. */
  showOrigin: boolean;
  /** After selection: each decided note wears its kept / parked / dropped tab, as on the board. */
  decisions?: ReadonlyMap<string, Decision>;
}

/** Margin around the whole board, in board units, so edge notes do not touch the image border. */
export const BOARD_MARGIN = 40;
/** Browsers refuse canvases much past 16k px a side or ~268M px; stay well inside for every one. */
export const MAX_SIDE_PX = 8192;
export const MAX_PIXELS = 40_000_000;

/** The smallest rectangle holding every note and cluster, plus a margin; null for an empty board. */
export function boardBounds(ideas: readonly Idea[], clusters: readonly Cluster[], margin = BOARD_MARGIN): Rect | null {
  const rects = [
    ...ideas.map((i) => ({ x: i.x, y: i.y, width: NOTE_SIZE.width, height: NOTE_SIZE.height })),
    ...clusters.map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height })),
  ];
  if (rects.length === 0) return null;
  const x0 = Math.min(...rects.map((r) => r.x)) - margin;
  const y0 = Math.min(...rects.map((r) => r.y)) - margin;
  const x1 = Math.max(...rects.map((r) => r.x + r.width)) + margin;
  const y1 = Math.max(...rects.map((r) => r.y + r.height)) + margin;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The board rectangle an export covers, or null when there is nothing to draw. */
export function exportRect(input: BoardPngInput, area: PngArea): Rect | null {
  if (area.kind === 'view') return area.size.width > 0 && area.size.height > 0 ? visibleRect(area.viewport, area.size) : null;
  return boardBounds(input.ideas, input.clusters);
}

/**
 * Image pixels per board unit: `wanted` (2 for a crisp whole board; the
 * screen's zoom × device ratio for the current view) unless that would make
 * a canvas the browser refuses, in which case the largest that fits.
 */
export function pixelRatioFor(rect: Size, wanted: number): number {
  const fit = Math.min(MAX_SIDE_PX / rect.width, MAX_SIDE_PX / rect.height, Math.sqrt(MAX_PIXELS / (rect.width * rect.height)));
  return Math.max(0.01, Math.min(wanted, fit));
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Draws notes and clusters the way the board does (no cursors, selection or editing marks: an export shows content). */
function drawBoard(layer: Konva.Layer, input: BoardPngInput, rect: Rect): void {
  const g = new Konva.Group({ x: -rect.x, y: -rect.y });
  layer.add(new Konva.Rect({ x: 0, y: 0, width: rect.width, height: rect.height, fill: '#ffffff' }));
  layer.add(g);
  for (const c of input.clusters) {
    if (!intersects(rect, c)) continue;
    g.add(new Konva.Rect({ x: c.x, y: c.y, width: c.width, height: c.height, fill: c.color, stroke: '#ced4da', cornerRadius: 8 }));
    g.add(
      new Konva.Text({
        x: c.x + 12,
        y: c.y + 10,
        width: c.width - 24,
        text: c.title || 'Untitled cluster',
        fontSize: 16,
        fontStyle: 'bold',
        fontFamily: NOTE_FONT,
        fill: '#343a40',
        wrap: 'none',
        ellipsis: true,
      }),
    );
  }
  const W = NOTE_SIZE.width;
  const H = NOTE_SIZE.height;
  for (const i of input.ideas) {
    if (!intersects(rect, { x: i.x, y: i.y, width: W, height: H })) continue;
    g.add(new Konva.Rect({ x: i.x + 1, y: i.y + 3, width: W, height: H, fill: 'rgba(0,0,0,0.08)', cornerRadius: 3 }));
    g.add(new Konva.Rect({ x: i.x, y: i.y, width: W, height: H, fill: i.color, cornerRadius: 3 }));
    g.add(
      new Konva.Text({
        x: i.x + NOTE_PADDING,
        y: i.y + NOTE_PADDING,
        width: W - NOTE_PADDING * 2,
        height: H - NOTE_PADDING - NOTE_FOOTER - 4,
        text: i.text || 'Empty note',
        fontSize: noteFontSize(i.text),
        fontFamily: NOTE_FONT,
        lineHeight: 1.25,
        fill: i.text ? '#212529' : '#adb5bd',
        wrap: 'word',
        ellipsis: true,
      }),
    );
    g.add(
      new Konva.Text({
        x: i.x + NOTE_PADDING,
        y: i.y + H - NOTE_FOOTER,
        width: W - NOTE_PADDING * 2,
        text: `${i.authorName || 'Someone'}${input.showOrigin && i.origin === 'ai' ? ' · AI' : ''}`,
        fontSize: 11,
        fontFamily: NOTE_FONT,
        fill: i.origin === 'ai' && input.showOrigin ? '#5f3dc4' : '#868e96',
        wrap: 'none',
        ellipsis: true,
      }),
    );
    const verdict = input.decisions?.get(i.id)?.verdict;
    if (verdict) {
      const b = VERDICT_BADGE[verdict];
      const x = i.x + W - BADGE_SIZE.width - 4;
      const y = i.y - BADGE_SIZE.height / 2;
      g.add(new Konva.Rect({ x, y, ...BADGE_SIZE, fill: b.fill, cornerRadius: 9 }));
      g.add(
        new Konva.Text({
          x,
          y: y + 3,
          width: BADGE_SIZE.width,
          text: b.label,
          fontSize: 11,
          fontStyle: 'bold',
          fontFamily: NOTE_FONT,
          fill: '#ffffff',
          align: 'center',
        }),
      );
    }
  }
}

export interface BoardPng {
  dataUrl: string;
  /** Image size in pixels. */
  width: number;
  height: number;
}

/**
 * Renders the board (or the current view) to a PNG data URL with Konva's
 * `stage.toDataURL`, on a detached stage: the live canvas only holds the
 * notes near the screen (culling) plus cursors, so it cannot be the source
 * of a whole-board image. Returns null for an empty board or view.
 */
export function boardPng(input: BoardPngInput, area: PngArea, devicePixelRatio = 1): BoardPng | null {
  const rect = exportRect(input, area);
  if (!rect) return null;
  const wanted = area.kind === 'view' ? area.viewport.scale * Math.max(1, devicePixelRatio) : 2;
  const ratio = pixelRatioFor(rect, wanted);
  const container = document.createElement('div');
  const stage = new Konva.Stage({ container, width: Math.ceil(rect.width), height: Math.ceil(rect.height) });
  try {
    const layer = new Konva.Layer({ listening: false });
    stage.add(layer);
    drawBoard(layer, input, rect);
    const dataUrl = stage.toDataURL({ mimeType: 'image/png', pixelRatio: ratio });
    return { dataUrl, width: Math.round(Math.ceil(rect.width) * ratio), height: Math.round(Math.ceil(rect.height) * ratio) };
  } finally {
    stage.destroy();
  }
}

/** Saves a data URL as a file through a temporary download link (works in every current browser, no popup). */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
