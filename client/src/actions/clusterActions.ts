import {
  type Cluster,
  type ClusterId,
  createClusterId,
  insertCluster,
  patchCluster,
  patchIdea,
  readClusters,
  readIdea,
} from '@throughline/shared';
import { CLUSTER_PADDING, CLUSTER_TITLE_HEIGHT, clusterAt, clusterRect, noteCenter, noteRect } from '../board/geometry.ts';
import { boundsOf, containsPoint } from '../board/viewport.ts';
import { patchStore } from '../state/createStore.ts';
import { selectedIdeaIds, viewCenter } from './noteActions.ts';
import { type ActionContext, defineAction, keyIs, noMods, write } from './types.ts';

export const DEFAULT_CLUSTER_SIZE = { width: 520, height: 380 } as const;
export const CLUSTER_COLOR = '#f1f3f5';

/** A frame narrower than this cuts its title short: frames around one note are widened to it. */
export const MIN_CLUSTER_WIDTH = 320;

/**
 * `F` makes a frame: around the selected notes, or a default-sized one in
 * the middle of the screen. Either way every note inside its bounds then
 * belongs to it (as in Miro: a frame drawn over notes owns them). Its title
 * opens for editing at once.
 */
export const createCluster = defineAction<{ title?: string } | undefined>({
  name: 'createCluster',
  label: 'New cluster',
  shortcut: 'F',
  writes: true,
  keyTest: (e) => noMods(e) && !e.shiftKey && keyIs(e, 'f'),
  perform(ctx, arg = {}) {
    const notes = selectedIdeaIds(ctx)
      .map((id) => readIdea(ctx.doc, id))
      .filter((n) => n !== null);
    const around = boundsOf(notes.map(noteRect));
    const center = viewCenter(ctx);
    const widen = around ? Math.max(0, MIN_CLUSTER_WIDTH - (around.width + CLUSTER_PADDING * 2)) : 0;
    const rect = around
      ? {
          x: Math.round(around.x - CLUSTER_PADDING - widen / 2),
          y: around.y - CLUSTER_PADDING - CLUSTER_TITLE_HEIGHT,
          width: around.width + CLUSTER_PADDING * 2 + widen,
          height: around.height + CLUSTER_PADDING * 2 + CLUSTER_TITLE_HEIGHT,
        }
      : {
          x: Math.round(center.x - DEFAULT_CLUSTER_SIZE.width / 2),
          y: Math.round(center.y - DEFAULT_CLUSTER_SIZE.height / 2),
          ...DEFAULT_CLUSTER_SIZE,
        };
    const cluster: Cluster = {
      id: createClusterId(),
      title: arg.title ?? '',
      ...rect,
      color: CLUSTER_COLOR,
      createdBy: ctx.me.participantId,
    };
    ctx.store.flush();
    write(ctx, () => {
      insertCluster(ctx.doc, cluster);
      for (const n of notes) patchIdea(ctx.doc, n.id, { clusterId: cluster.id });
      settleMembership(ctx, cluster.id);
    });
    patchStore(ctx.ui, { selection: new Set([cluster.id]), renamingId: cluster.id, editingId: null, announcement: 'Cluster added' });
  },
});

export const renameCluster = defineAction<{ id: string; title: string }>({
  name: 'renameCluster',
  label: 'Rename cluster',
  writes: true,
  perform(ctx, { id, title }) {
    write(ctx, () => patchCluster(ctx.doc, id, { title: title.slice(0, 120) }));
  },
});

/**
 * Resizes a frame, then re-decides membership for notes the change could
 * affect: notes now inside join, members now outside leave.
 */
export const resizeCluster = defineAction<{ id: string; width: number; height: number }>({
  name: 'resizeCluster',
  label: 'Resize cluster',
  writes: true,
  perform(ctx, { id, width, height }) {
    write(ctx, () => {
      patchCluster(ctx.doc, id, { width: Math.max(120, Math.round(width)), height: Math.max(100, Math.round(height)) });
      settleMembership(ctx, id);
    });
  },
});

function settleMembership(ctx: ActionContext, clusterId: string) {
  const clusters = readClusters(ctx.doc);
  const c = clusters.find((k) => k.id === clusterId);
  if (!c) return;
  const r = clusterRect(c);
  for (const n of ctx.store.canvasIdeas) {
    const center = noteCenter(n);
    if (n.clusterId !== clusterId && !containsPoint(r, center)) continue;
    const target = (clusterAt(clusters, center)?.id ?? null) as ClusterId | null;
    if (target !== n.clusterId) patchIdea(ctx.doc, n.id, { clusterId: target });
  }
}
