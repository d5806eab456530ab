import type { Decision, Reactions, Spotlight } from '@throughline/shared';
import type Konva from 'konva';
import { type PointerEvent as ReactPointerEvent, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type CullWindow, cullNotes, cullRects, cullWindowFor, needsRecull } from '../board/culling.ts';
import { topmostNoteAt } from '../board/geometry.ts';
import { clusterLit, noteLit } from '../board/spotlight.ts';
import { verdictTitle } from '../board/verdictBadge.ts';
import { type Size, screenToBoard } from '../board/viewport.ts';
import { Layer, Stage } from '../konva/reactKonva.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import type { BoardStore } from '../state/BoardStore.ts';
import { useStoreValue, useVersion } from '../state/useStore.ts';
import { CanvasGestures } from './CanvasGestures.ts';
import { ClusterFrame } from './ClusterFrame.tsx';
import { ClusterTitleEditor } from './ClusterTitleEditor.tsx';
import { MarqueeBox } from './MarqueeBox.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NoteNode } from './NoteNode.tsx';
import { OverviewNotes } from './OverviewNotes.tsx';
import { RemoteCursors } from './RemoteCursors.tsx';

/** Board units between the background dots. */
const GRID = 24;

export interface BoardCanvasProps {
  editor: BoardEditor;
  showOrigin: boolean;
  /** Called after the notes layer draws (benchmarks measure time to first draw with it). */
  onNotesDrawn?: (noteCount: number) => void;
  /** Comments per note id (the badge on a note). */
  commentCounts?: ReadonlyMap<string, number>;
  /** Notes new or changed since this person was last here, glowing until they look. */
  highlighted?: ReadonlySet<string>;
  /**
   * Private brainwriting: `editor` edits this person's drafts, drawn in the
   * private style on top of the shared board, which shows underneath read-only.
   */
  sharedBoard?: BoardStore;
  /** Every note's reactions (note id → emoji → who). */
  reactions?: ReadonlyMap<string, Reactions>;
  /** The facilitator's spotlight: the rest of the board dims. */
  spotlight?: Spotlight | null;
  /** Decisions by idea id: after selection each decided note wears its verdict. */
  decisions?: ReadonlyMap<string, Decision>;
}

const NO_REACTIONS: ReadonlyMap<string, Reactions> = new Map();

/** Sets the canvas tooltip to the verdict and rationale of the decided note under the pointer, if any. */
function showDecisionTitle(e: ReactPointerEvent<HTMLDivElement>, editor: BoardEditor, decisions: ReadonlyMap<string, Decision>) {
  const box = e.currentTarget.getBoundingClientRect();
  const at = screenToBoard(editor.viewport.get(), { x: e.clientX - box.left, y: e.clientY - box.top });
  const note = topmostNoteAt(editor.store.canvasIdeas, at);
  const d = note ? decisions.get(note.id) : undefined;
  const title = d ? verdictTitle(d) : '';
  if (e.currentTarget.title !== title) e.currentTarget.title = title;
}

/**
 * The Konva board. The camera is applied to the stage imperatively, so a
 * pan redraws the canvas without a React render; React renders again only
 * when the cull window must move (see culling.ts), the board changes (at
 * most once per frame), or the selection does.
 */
export function BoardCanvas({
  editor,
  showOrigin,
  onNotesDrawn,
  sharedBoard,
  reactions = NO_REACTIONS,
  spotlight = null,
  commentCounts,
  highlighted,
  decisions,
}: BoardCanvasProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const notesLayerRef = useRef<Konva.Layer>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [gestures, setGestures] = useState<CanvasGestures | null>(null);
  const [win, setWin] = useState<CullWindow>(() => cullWindowFor(editor.viewport.get(), editor.viewSize));
  const storeVersion = useVersion(editor.store);
  const board = sharedBoard ?? editor.store;
  const boardVersion = useVersion(board);
  const selection = useStoreValue(editor.ui, (s) => s.selection);
  const editingId = useStoreValue(editor.ui, (s) => s.editingId);
  const renamingId = useStoreValue(editor.ui, (s) => s.renamingId);
  const editors = useSyncExternalStore(editor.presence.subscribe, () => editor.presence.editors);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => {
      const next = { width: el.clientWidth, height: el.clientHeight };
      editor.setViewSize(next);
      setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [editor]);

  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const g = new CanvasGestures(el, editor);
    setGestures(g);
    return () => g.destroy();
  }, [editor]);

  // Camera → stage, imperatively; recull only when the view leaves the window.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new size changes what is visible, so re-apply
  useLayoutEffect(() => {
    const apply = () => {
      const stage = stageRef.current;
      const vp = editor.viewport.get();
      if (stage) {
        stage.position({ x: vp.x, y: vp.y });
        stage.scale({ x: vp.scale, y: vp.scale });
        stage.batchDraw();
      }
      // The dot grid moves and scales with the board; zoomed far out it would be noise, so it goes.
      const bg = canvasRef.current?.style;
      if (bg) {
        const step = GRID * vp.scale;
        bg.backgroundSize = `${step}px ${step}px`;
        bg.backgroundPosition = `${vp.x}px ${vp.y}px`;
        bg.backgroundImage = vp.scale < 0.4 ? 'none' : '';
      }
      setWin((prev) => (needsRecull(prev, vp, editor.viewSize) ? cullWindowFor(vp, editor.viewSize) : prev));
    };
    apply();
    return editor.viewport.subscribe(apply);
  }, [editor, size]);

  // The stage (and so the layer) exists only once the container has a size.
  const hasStage = size.width > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: hasStage is when the layer ref is set
  useEffect(() => {
    const layer = notesLayerRef.current;
    if (!layer || !onNotesDrawn) return;
    const handler = () => onNotesDrawn(editor.store.canvasIdeas.length);
    layer.on('draw', handler);
    return () => {
      layer.off('draw', handler);
    };
  }, [editor, onNotesDrawn, hasStage]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: storeVersion is how the mutable store signals change
  const visibleNotes = useMemo(() => cullNotes(editor.store.canvasIdeas, win.rect), [editor, storeVersion, win]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const sharedNotes = useMemo(() => (sharedBoard ? cullNotes(sharedBoard.canvasIdeas, win.rect) : []), [sharedBoard, boardVersion, win]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const visibleClusters = useMemo(() => cullRects(board.orderedClusters, win.rect), [board, boardVersion, win]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const memberCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of board.canvasIdeas) if (n.clusterId) counts.set(n.clusterId, (counts.get(n.clusterId) ?? 0) + 1);
    return counts;
  }, [board, boardVersion]);
  const isPrivate = sharedBoard !== undefined;

  const isEmpty = editor.store.canvasIdeas.length === 0 && board.canvasIdeas.length === 0 && board.orderedClusters.length === 0;

  return (
    <div
      className="canvas-wrap"
      ref={wrapRef}
      style={{ position: 'absolute', inset: 0 }}
      // A decided note's verdict and rationale show as the pointer's tooltip.
      onPointerMove={decisions && decisions.size > 0 ? (e) => showDecisionTitle(e, editor, decisions) : undefined}
    >
      <div
        className="canvas"
        ref={canvasRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes keyboard shortcuts; the list view is the accessible alternative
        tabIndex={0}
        role="application"
        aria-roledescription="whiteboard"
        aria-label={`Board canvas with ${editor.store.canvasIdeas.length} notes. Press L for the list view, ? for shortcuts.`}
        data-testid="board-canvas"
      >
        {size.width > 0 ? (
          <Stage ref={stageRef} width={size.width} height={size.height} listening={false}>
            <Layer listening={false}>
              {visibleClusters.map((c) => (
                <ClusterFrame
                  key={c.id}
                  cluster={c}
                  selected={selection.has(c.id)}
                  memberCount={memberCounts.get(c.id) ?? 0}
                  hideTitle={renamingId === c.id}
                  scale={win.scale}
                  dimmed={!clusterLit(spotlight, c.id)}
                  spotlit={spotlight?.target === c.id}
                />
              ))}
            </Layer>
            <Layer ref={notesLayerRef} listening={false}>
              {sharedNotes.map((n) => (
                <NoteNode
                  key={n.id}
                  idea={n}
                  selected={false}
                  editor={null}
                  hideText={false}
                  showOrigin={showOrigin}
                  reactions={reactions.get(n.id)}
                  dimmed={!noteLit(spotlight, n)}
                  spotlit={spotlight?.target === n.id}
                  verdict={decisions?.get(n.id)?.verdict}
                />
              ))}
              {win.detail === 'overview' ? (
                <OverviewNotes notes={visibleNotes} selection={selection} scale={win.scale} area={win.rect} />
              ) : (
                visibleNotes.map((n) => {
                  const peer = editors.get(n.id);
                  return (
                    <NoteNode
                      key={n.id}
                      idea={n}
                      selected={selection.has(n.id)}
                      editor={peer ? peerTag(peer.name, peer.color) : null}
                      hideText={editingId === n.id}
                      showOrigin={showOrigin}
                      comments={commentCounts?.get(n.id) ?? 0}
                      isNew={highlighted?.has(n.id) ?? false}
                      reactions={reactions.get(n.id)}
                      dimmed={!noteLit(spotlight, n)}
                      spotlit={spotlight?.target === n.id}
                      isPrivate={isPrivate}
                      verdict={decisions?.get(n.id)?.verdict}
                    />
                  );
                })
              )}
            </Layer>
            <Layer listening={false}>
              {gestures ? <MarqueeBox marquee={gestures.marquee} /> : null}
              <RemoteCursors presence={editor.presence} viewport={editor.viewport} />
            </Layer>
          </Stage>
        ) : null}
      </div>
      {isEmpty ? (
        <div className="canvas-empty">
          <p>
            <strong>The board is empty.</strong>
          </p>
          <p>Double-click anywhere or press N to add a note.</p>
        </div>
      ) : null}
      {editingId && editor.canWrite ? <NoteEditor key={editingId} editor={editor} id={editingId} /> : null}
      {renamingId && editor.canWrite ? <ClusterTitleEditor key={renamingId} editor={editor} id={renamingId} /> : null}
    </div>
  );
}

// One object per (name, colour) so NoteNode's memo holds while the same person keeps editing.
const tags = new Map<string, { name: string; color: string }>();
function peerTag(name: string, color: string) {
  const k = `${name}\u0000${color}`;
  let t = tags.get(k);
  if (!t) {
    t = { name, color };
    tags.set(k, t);
  }
  return t;
}
