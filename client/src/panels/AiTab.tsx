import type { Command } from '@throughline/shared';
import { useCallback } from 'react';
import { api } from '../api.ts';
import { useStoreValue } from '../state/useStore.ts';
import { AiPanel } from './AiPanel.tsx';
import type { PanelProps } from './PanelProps.ts';

/** The AI lane as a sidebar tab: wires the panel to this board's docs, identity and command API. */
export function AiTab({ session, connection, token, editor }: PanelProps) {
  const { sessionId, you, participants } = session;
  // A single selected note or cluster becomes the default thing to riff on.
  const selected = useStoreValue(editor.ui, (s) => (s.selection.size === 1 ? ([...s.selection][0] ?? null) : null));
  const send = useCallback((cmd: Command) => api.command(sessionId, token, cmd) as Promise<Record<string, unknown>>, [sessionId, token]);
  const nameOf = useCallback(
    (id: string) => (id === you.participantId ? 'you' : (participants.find((p) => p.id === id)?.name ?? 'someone who left')),
    [participants, you.participantId],
  );
  return (
    <div className="panel-body">
      <AiPanel
        board={connection.board}
        store={editor.store}
        control={connection.control}
        you={you}
        send={send}
        nameOf={nameOf}
        selectedId={selected}
      />
    </div>
  );
}
