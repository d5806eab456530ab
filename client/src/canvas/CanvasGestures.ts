import { isClusterId } from '@throughline/shared';
import { resizeCluster } from '../actions/clusterActions.ts';
import { beginGesture, endGesture } from '../actions/historyActions.ts';
import { createNote, moveSelection, settleSelection } from '../actions/noteActions.ts';
import { clusterPartAt, clustersInRect, notesInRect, topmostNoteAt } from '../board/geometry.ts';
import { classifyWheel, type Point, panBy, type Rect, rectFromPoints, screenToBoard, type Viewport, zoomAt } from '../board/viewport.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import { createStore, patchStore, type Store } from '../state/createStore.ts';
import { coalesce, frameScheduler } from '../state/frameScheduler.ts';

type Gesture =
  | { kind: 'none' }
  | { kind: 'pan'; start: Point; startVp: Viewport; moved: boolean; clickClears: boolean }
  | { kind: 'marquee'; start: Point; base: ReadonlySet<string> }
  | {
      kind: 'drag';
      startScreen: Point;
      last: Point;
      moved: boolean;
      id: string;
      shift: boolean;
      wasSelected: boolean;
      dx: number;
      dy: number;
    }
  | { kind: 'resize'; id: string; start: Point; startW: number; startH: number; moved: boolean; w: number; h: number }
  | { kind: 'pinch'; startDist: number; startMid: Point; startVp: Viewport };

/** Pixels a press may wander before it counts as a drag rather than a click. */
const DRAG_SLOP = 3;
/** A finger held still this long on empty canvas adds a note there (touch has no double-click to spare). */
export const LONG_PRESS_MS = 550;
/** A finger wobbles: it may drift this far during a long-press. */
const TOUCH_SLOP = 10;

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * Pointer, wheel and touch input on the canvas, turned into camera moves
 * and actions. Hit-testing is done here in board coordinates against the
 * store, so no Konva shape needs to listen for events (no hit canvas to
 * redraw) and the same code works in the one-shape overview mode.
 *
 * Plain drag on empty space pans (as the issue asks); Shift+drag draws a
 * selection box; Space+drag or the middle button pans from anywhere.
 */
export class CanvasGestures {
  /** The marquee in board coordinates while one is being drawn. */
  readonly marquee: Store<Rect | null> = createStore<Rect | null>(null);
  private gesture: Gesture = { kind: 'none' };
  private readonly pointers = new Map<number, Point>();
  private spaceHeld = false;
  private longPress: ReturnType<typeof setTimeout> | undefined;
  private readonly flushSoon = coalesce(frameScheduler(), () => this.flush(this.gesture));

  constructor(
    private readonly el: HTMLElement,
    private readonly editor: BoardEditor,
  ) {
    el.addEventListener('pointerdown', this.onDown);
    el.addEventListener('pointermove', this.onMove);
    el.addEventListener('pointerup', this.onUp);
    el.addEventListener('pointercancel', this.onUp);
    el.addEventListener('pointerleave', this.onLeave);
    el.addEventListener('dblclick', this.onDoubleClick);
    el.addEventListener('wheel', this.onWheel, { passive: false });
    el.addEventListener('contextmenu', this.onContextMenu);
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('keyup', this.onKeyUp);
    window.addEventListener('blur', this.onWindowBlur);
  }

  destroy(): void {
    this.flushSoon.cancel();
    this.cancelLongPress();
    const el = this.el;
    el.removeEventListener('pointerdown', this.onDown);
    el.removeEventListener('pointermove', this.onMove);
    el.removeEventListener('pointerup', this.onUp);
    el.removeEventListener('pointercancel', this.onUp);
    el.removeEventListener('pointerleave', this.onLeave);
    el.removeEventListener('dblclick', this.onDoubleClick);
    el.removeEventListener('wheel', this.onWheel);
    el.removeEventListener('contextmenu', this.onContextMenu);
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('keyup', this.onKeyUp);
    window.removeEventListener('blur', this.onWindowBlur);
  }

  private local(e: { clientX: number; clientY: number }): Point {
    const r = this.el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private board(p: Point): Point {
    return screenToBoard(this.editor.viewport.get(), p);
  }

  private get selection() {
    return this.editor.ui.get().selection;
  }

  private select(ids: Iterable<string>) {
    patchStore(this.editor.ui, { selection: new Set(ids) });
  }

  /** What is under a board point: a note first (they sit above frames), then a frame part. */
  private hit(p: Point) {
    const note = topmostNoteAt(this.editor.store.canvasIdeas, p);
    if (note) return { id: note.id, part: 'note' as const };
    const c = clusterPartAt(this.editor.store.orderedClusters, p, this.editor.viewport.get().scale);
    return c ? { id: c.cluster.id, part: c.part } : null;
  }

  private onDown = (e: PointerEvent) => {
    const screen = this.local(e);
    this.pointers.set(e.pointerId, screen);
    this.el.focus({ preventScroll: true });
    if (this.pointers.size === 2 && e.pointerType === 'touch') {
      this.cancelLongPress();
      this.finishGesture(false);
      const [a, b] = [...this.pointers.values()] as [Point, Point];
      this.gesture = { kind: 'pinch', startDist: Math.max(1, dist(a, b)), startMid: mid(a, b), startVp: this.editor.viewport.get() };
      return;
    }
    if (this.pointers.size > 1) return;
    this.el.setPointerCapture?.(e.pointerId);
    const vp = this.editor.viewport.get();
    if (e.button === 1 || e.button === 2 || this.spaceHeld) {
      e.preventDefault();
      this.gesture = { kind: 'pan', start: screen, startVp: vp, moved: false, clickClears: false };
      return;
    }
    if (e.button !== 0) return;
    const p = this.board(screen);
    const hit = this.hit(p);
    const canWrite = this.editor.canWrite;
    if (hit && (hit.part === 'note' || hit.part === 'title')) {
      const wasSelected = this.selection.has(hit.id);
      if (e.shiftKey) {
        if (!wasSelected) this.select([...this.selection, hit.id]);
      } else if (!wasSelected) this.select([hit.id]);
      this.gesture = canWrite
        ? { kind: 'drag', startScreen: screen, last: p, moved: false, id: hit.id, shift: e.shiftKey, wasSelected, dx: 0, dy: 0 }
        : { kind: 'pan', start: screen, startVp: vp, moved: false, clickClears: false };
      return;
    }
    if (hit && hit.part === 'resize' && canWrite) {
      const c = this.editor.store.clusters.get(hit.id);
      if (c) {
        this.select([c.id]);
        this.gesture = { kind: 'resize', id: c.id, start: p, startW: c.width, startH: c.height, moved: false, w: c.width, h: c.height };
        return;
      }
    }
    if (e.shiftKey || e.metaKey || e.ctrlKey) {
      this.gesture = { kind: 'marquee', start: p, base: e.shiftKey ? this.selection : new Set() };
      this.marquee.set({ x: p.x, y: p.y, width: 0, height: 0 });
      return;
    }
    this.gesture = { kind: 'pan', start: screen, startVp: vp, moved: false, clickClears: true };
    if (e.pointerType === 'touch' && canWrite) {
      this.longPress = setTimeout(() => {
        this.longPress = undefined;
        this.gesture = { kind: 'none' };
        this.editor.run(createNote, { at: p });
      }, LONG_PRESS_MS);
    }
  };

  private cancelLongPress() {
    clearTimeout(this.longPress);
    this.longPress = undefined;
  }

  private onMove = (e: PointerEvent) => {
    const screen = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, screen);
    const p = this.board(screen);
    if (e.pointerType !== 'touch') this.editor.presence.setCursor(p);
    const g = this.gesture;
    switch (g.kind) {
      case 'none':
        this.updateHoverCursor(p);
        return;
      case 'pan':
        if (!g.moved && dist(screen, g.start) < (e.pointerType === 'touch' ? TOUCH_SLOP : DRAG_SLOP)) return;
        this.cancelLongPress();
        g.moved = true;
        this.editor.viewport.set(panBy(g.startVp, screen.x - g.start.x, screen.y - g.start.y));
        return;
      case 'marquee': {
        const rect = rectFromPoints(g.start, p);
        this.marquee.set(rect);
        const ids = new Set(g.base);
        for (const n of notesInRect(this.editor.store.canvasIdeas, rect)) ids.add(n.id);
        for (const c of clustersInRect(this.editor.store.orderedClusters, rect)) ids.add(c.id);
        this.select(ids);
        return;
      }
      case 'drag':
        if (!g.moved) {
          if (dist(screen, g.startScreen) < DRAG_SLOP) return;
          g.moved = true;
          beginGesture(this.editor.ctx);
        }
        g.dx += p.x - g.last.x;
        g.dy += p.y - g.last.y;
        g.last = p;
        this.flushSoon.request();
        return;
      case 'resize':
        if (!g.moved) beginGesture(this.editor.ctx);
        g.moved = true;
        g.w = g.startW + (p.x - g.start.x);
        g.h = g.startH + (p.y - g.start.y);
        this.flushSoon.request();
        return;
      case 'pinch': {
        const pts = [...this.pointers.values()];
        if (pts.length < 2) return;
        const [a, b] = pts as [Point, Point];
        const m = mid(a, b);
        const shifted = panBy(g.startVp, m.x - g.startMid.x, m.y - g.startMid.y);
        this.editor.viewport.set(zoomAt(shifted, m, (g.startVp.scale * dist(a, b)) / g.startDist));
        return;
      }
    }
  };

  /** Writes the movement gathered since the last frame: one transaction per frame, however fast the pointer. */
  private flush(g: Gesture) {
    if (g.kind === 'drag' && (g.dx !== 0 || g.dy !== 0)) {
      const { dx, dy } = g;
      g.dx = 0;
      g.dy = 0;
      this.editor.run(moveSelection, { dx, dy });
    } else if (g.kind === 'resize' && g.moved) {
      this.editor.run(resizeCluster, { id: g.id, width: g.w, height: g.h });
    }
  }

  private onUp = (e: PointerEvent) => {
    this.pointers.delete(e.pointerId);
    this.cancelLongPress();
    if (this.gesture.kind === 'pinch') {
      if (this.pointers.size < 2) this.gesture = { kind: 'none' };
      return;
    }
    this.finishGesture(true);
  };

  private finishGesture(asClick: boolean) {
    const g = this.gesture;
    this.gesture = { kind: 'none' };
    switch (g.kind) {
      case 'pan':
        if (!g.moved && g.clickClears && asClick && this.selection.size > 0) this.select([]);
        break;
      case 'marquee':
        this.marquee.set(null);
        break;
      case 'drag':
        if (g.moved) {
          this.flush(g);
          this.editor.run(settleSelection, undefined);
          endGesture(this.editor.ctx);
        } else if (asClick && g.wasSelected) {
          // A click (not a drag) on an already selected item: Shift toggles it off, a plain click narrows to it.
          if (g.shift) this.select([...this.selection].filter((id) => id !== g.id));
          else if (this.selection.size > 1) this.select([g.id]);
        }
        break;
      case 'resize':
        if (g.moved) {
          this.flush(g);
          endGesture(this.editor.ctx);
        }
        break;
    }
  }

  private onLeave = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' && this.gesture.kind === 'none') this.editor.presence.setCursor(null);
  };

  private onDoubleClick = (e: MouseEvent) => {
    const p = this.board(this.local(e));
    const hit = this.hit(p);
    const ui = this.editor.ui;
    if (!this.editor.canWrite) return;
    if (hit?.part === 'note') {
      patchStore(ui, { selection: new Set([hit.id]), editingId: hit.id });
    } else if (hit?.part === 'title' && isClusterId(hit.id)) {
      patchStore(ui, { selection: new Set([hit.id]), renamingId: hit.id });
    } else {
      this.editor.run(createNote, { at: p });
    }
  };

  private onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const intent = classifyWheel(e);
    const vp = this.editor.viewport.get();
    if (intent.kind === 'pan') this.editor.viewport.set(panBy(vp, intent.dx, intent.dy));
    else this.editor.viewport.set(zoomAt(vp, this.local(e), vp.scale * intent.factor));
  };

  // Right-drag pans, so the browser menu would only get in the way on the canvas.
  private onContextMenu = (e: MouseEvent) => e.preventDefault();

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== ' ' || isTyping(e.target)) return;
    e.preventDefault();
    if (!this.spaceHeld) {
      this.spaceHeld = true;
      this.el.style.cursor = 'grab';
    }
  };

  private onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ') {
      this.spaceHeld = false;
      this.el.style.cursor = '';
    }
  };

  private onWindowBlur = () => {
    this.spaceHeld = false;
  };

  private updateHoverCursor(p: Point) {
    if (this.spaceHeld) return;
    const hit = this.hit(p);
    const writable = this.editor.canWrite;
    const cursor =
      hit?.part === 'resize' && writable
        ? 'nwse-resize'
        : (hit?.part === 'note' || hit?.part === 'title') && writable
          ? 'move'
          : hit?.part === 'note'
            ? 'pointer'
            : 'grab';
    if (this.el.style.cursor !== cursor) this.el.style.cursor = cursor;
  }
}

/** True when a key event belongs to a text field, not to the board. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
