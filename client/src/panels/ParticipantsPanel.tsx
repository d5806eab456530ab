import type { Participant } from '@throughline/shared';
import { useMemo, useSyncExternalStore } from 'react';
import { useSession } from '../session/SessionProvider.tsx';

const ROLE_LABEL: Record<string, string> = { facilitator: 'Facilitator', participant: 'Participant', viewer: 'Viewer' };

/** Who joined (from the API) and who is here now (from awareness), with roles. */
export function ParticipantsPanel() {
  const { editor, participants, you } = useSession();
  const peers = useSyncExternalStore(editor.presence.subscribe, () => editor.presence.peers);
  const online = useMemo(() => new Set(peers.map((p) => p.participantId)), [peers]);

  const people: Participant[] = [...participants].sort(
    (a, b) => Number(online.has(b.id) || b.id === you.participantId) - Number(online.has(a.id) || a.id === you.participantId),
  );
  const here = people.filter((p) => online.has(p.id) || p.id === you.participantId).length;

  return (
    <div className="panel-body">
      <p className="fine-print people-summary" aria-live="polite">
        {here} here now · {people.length} joined
      </p>
      <ul className="people" data-testid="participants">
        {people.map((p) => {
          const isYou = p.id === you.participantId;
          const isHere = isYou || online.has(p.id);
          return (
            <li key={p.id} className={isHere ? '' : 'offline'}>
              <span className="dot" style={{ background: p.color }} aria-hidden="true" />
              <span>
                {p.name}
                {isYou ? ' (you)' : ''}
              </span>
              <span className="meta">
                {ROLE_LABEL[p.role] ?? p.role} · {isHere ? 'here' : 'away'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
