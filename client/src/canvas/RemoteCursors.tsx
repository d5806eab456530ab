import type { Viewport } from '../board/viewport.ts';
import type { Store } from '../state/createStore.ts';
import { useStoreValue, useVersion } from '../state/useStore.ts';
import type { PresenceStore } from '../sync/PresenceStore.ts';
import { RemoteCursor } from './RemoteCursor.tsx';

/** Everyone else's cursor; re-renders on presence frames and zoom changes, not on pans. */
export function RemoteCursors({ presence, viewport }: { presence: PresenceStore; viewport: Store<Viewport> }) {
  useVersion(presence);
  const scale = useStoreValue(viewport, (v) => v.scale);
  return (
    <>
      {presence.peers.map((p) =>
        p.cursor ? <RemoteCursor key={p.clientId} x={p.cursor.x} y={p.cursor.y} name={p.name} color={p.color} scale={scale} /> : null,
      )}
    </>
  );
}
