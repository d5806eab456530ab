import { PHASE_PURPOSE } from '@throughline/shared';
import { useSyncExternalStore } from 'react';
import { toggleHelp } from '../actions/uiActions.ts';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue } from '../state/useStore.ts';
import { DeadlineChip } from './DeadlineChip.tsx';
import { readableInk } from './readableInk.ts';
import { saveLabel } from './saveLabel.ts';
import { ReadyChip } from './workshop/ReadyChip.tsx';
import { TimerChip } from './workshop/TimerChip.tsx';

const ROLE_LABEL: Record<string, string> = { facilitator: 'Facilitator', participant: 'Participant', viewer: 'Viewer' };

/** Session title, phase, connection and save state, who is here, and the view switches. */
export function Header() {
  const { connection, editor, you, title, camera } = useSession();
  const following = useStoreValue(camera.following);
  const control = useControl();
  const status = useStoreValue(connection.status);
  const view = useStoreValue(editor.ui, (s) => s.view);
  const peers = useSyncExternalStore(editor.presence.subscribe, () => editor.presence.peers);
  const { state, label } = saveLabel(status, you.role === 'viewer');
  const seen = new Set<string>();
  const others = peers.filter((p) => !seen.has(p.participantId) && seen.add(p.participantId) && p.participantId !== you.participantId);
  return (
    <header className="header">
      <div className="brand" title="Throughline">
        <span className="brand-mark" aria-hidden="true" />
      </div>
      <h1 className="header-title" title={control.brief?.title ?? title}>
        {control.brief?.title || title}
      </h1>
      <span className="phase-chip" title={PHASE_PURPOSE[control.phase.current]}>
        {control.phase.current}
      </span>
      <DeadlineChip />
      <TimerChip />
      <ReadyChip />
      <span className="save-status" data-state={state} data-testid="save-status" role="status" aria-live="polite">
        {label}
      </span>
      {status.relayDegraded ? (
        <span
          className="relay-notice"
          data-testid="relay-notice"
          role="status"
          title="Your changes are saved. People connected to another server see them when the link between servers is back."
        >
          Live updates from other servers are delayed
        </span>
      ) : null}
      {status.refused ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            await connection.discardLocalCopy();
            location.reload();
          }}
        >
          Discard my unsaved changes and reload
        </button>
      ) : null}
      <span className="header-spacer" />
      <div className="avatars">
        <span className="sr-only">{`${others.length} other${others.length === 1 ? '' : 's'} here`}</span>
        {others.slice(0, 6).map((p) => (
          <button
            type="button"
            key={p.participantId}
            className="avatar"
            data-following={following === p.participantId || undefined}
            style={{ background: p.color, color: readableInk(p.color) }}
            title={`${p.name} (${ROLE_LABEL[p.role] ?? p.role}) — click to follow their view`}
            aria-pressed={following === p.participantId}
            onClick={() => camera.follow(following === p.participantId ? null : p.participantId)}
          >
            {/* Named by the hidden text, not aria-label: a label that leaves out the visible initials fails WCAG 2.5.3. */}
            <span aria-hidden="true">{initials(p.name)}</span>
            <span className="sr-only">{`Follow ${p.name}`}</span>
          </button>
        ))}
        {others.length > 6 ? <span className="avatar avatar-more">+{others.length - 6}</span> : null}
      </div>
      <span className="role-badge" title="Your role in this session">
        {you.name} · {ROLE_LABEL[you.role] ?? you.role}
      </span>
      <div className="header-views">
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={view === 'canvas'}
          onClick={() => patchStore(editor.ui, { view: 'canvas' })}
        >
          Canvas
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={view === 'list'}
          onClick={() => patchStore(editor.ui, { view: 'list' })}
        >
          List
        </button>
      </div>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label="Keyboard shortcuts"
        onClick={() => editor.run(toggleHelp, undefined)}
      >
        ?
      </button>
    </header>
  );
}

/** First letters of the first two words, ignoring punctuation: "Sam Ortiz (VP)" → "SO", "(VP) Sam" → "VS". */
export const initials = (name: string) =>
  (name.match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('') || '?';
