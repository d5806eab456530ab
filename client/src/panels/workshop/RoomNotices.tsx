import { SUMMON_FRESH_MS } from '@throughline/shared';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useControl, useSession } from '../../session/SessionProvider.tsx';
import { serverNow } from '../../session/serverClock.ts';
import { useStoreValue } from '../../state/useStore.ts';

/**
 * What the room is doing to this person's view, over the canvas: a summon
 * moves them (with a short notice), following shows whom and how to stop,
 * a spotlight says what is lit, private brainwriting says who sees what.
 */
export function RoomNotices() {
  const { camera, you, privateDrafts, editor } = useSession();
  const { attention } = useControl();
  const [notice, setNotice] = useState<string | null>(null);
  const handled = useRef<string | null>(null);
  const summon = attention.summon;

  useEffect(() => {
    if (!summon || handled.current === summon.id) return;
    handled.current = summon.id;
    // A summon from before this page opened is history, not a call to come.
    if (summon.by === you.participantId || serverNow() - summon.at > SUMMON_FRESH_MS) return;
    camera.follow(null);
    camera.goTo(summon.camera);
    setNotice(`${summon.byName} brought everyone here`);
    const t = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(t);
  }, [summon, camera, you.participantId]);

  const following = useStoreValue(camera.following);
  const peers = useSyncExternalStore(editor.presence.subscribe, () => editor.presence.peers);
  const followed = following ? peers.find((p) => p.participantId === following) : undefined;
  const spot = attention.spotlight;

  return (
    <div className="room-notices" aria-live="polite">
      {privateDrafts ? (
        <div className="room-notice notice-private" data-testid="private-banner">
          <strong>Private brainwriting.</strong> Your notes are visible only to you until the facilitator reveals them all.
        </div>
      ) : null}
      {notice ? (
        <div className="room-notice" data-testid="summon-notice">
          {notice}
        </div>
      ) : null}
      {following ? (
        <div className="room-notice" data-testid="following">
          Following {followed?.name ?? 'someone who left'} — pan to stop.{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => camera.follow(null)}>
            Stop
          </button>
        </div>
      ) : null}
      {spot ? (
        <div className="room-notice notice-spotlight" data-testid="spotlight-banner" data-target={spot.target}>
          Spotlight on {spot.kind === 'idea' ? 'one idea' : 'one cluster'}: the rest is dimmed for everyone.
        </div>
      ) : null}
    </div>
  );
}
