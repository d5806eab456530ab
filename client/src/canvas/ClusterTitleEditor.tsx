import { clustersMap, readClusters } from '@throughline/shared';
import { useEffect, useRef, useState } from 'react';
import { renameCluster } from '../actions/clusterActions.ts';
import { NOTE_FONT } from '../board/noteText.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue, useVersion } from '../state/useStore.ts';

/** Renames a cluster in place: an input over its title strip. Enter or Escape finishes. */
export function ClusterTitleEditor({ editor, id }: { editor: BoardEditor; id: string }) {
  const version = useVersion(editor.store);
  // A cluster created this instant is in the doc but reaches the store only at the next frame.
  const cluster = editor.store.clusters.get(id) ?? readClusters(editor.ctx.doc).find((c) => c.id === id);
  const vp = useStoreValue(editor.viewport);
  const [title, setTitle] = useState(() => cluster?.title ?? '');
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-check whenever the board changed
  useEffect(() => {
    if (!clustersMap(editor.ctx.doc).has(id)) patchStore(editor.ui, { renamingId: null });
  }, [version, editor, id]);
  if (!cluster) return null;

  const close = () => {
    if (editor.ui.get().renamingId === id) patchStore(editor.ui, { renamingId: null });
  };

  return (
    <input
      ref={ref}
      className="title-editor"
      aria-label="Cluster title"
      data-testid="cluster-title-editor"
      value={title}
      maxLength={120}
      placeholder="Name this cluster"
      style={{
        left: (cluster.x + 8) * vp.scale + vp.x,
        top: (cluster.y + 6) * vp.scale + vp.y,
        width: Math.max(160, cluster.width - 24),
        height: 32,
        fontSize: 20,
        fontFamily: NOTE_FONT,
        transform: `scale(${vp.scale})`,
      }}
      onChange={(e) => {
        setTitle(e.target.value);
        editor.run(renameCluster, { id, title: e.target.value });
      }}
      onBlur={close}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    />
  );
}
