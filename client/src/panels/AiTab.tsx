import type { Command } from '@throughline/shared';
import { useCallback } from 'react';
import { api } from '../api.ts';
import { AiPanel } from './AiPanel.tsx';
import type { PanelProps } from './PanelProps.ts';

/** The AI lane as a sidebar tab: wires the panel to this board's docs, identity and command API. */
export function AiTab({ session, connection, token }: PanelProps) {
  const { sessionId, you, participants } = session;
  const send = useCallback((cmd: Command) => api.command(sessionId, token, cmd) as Promise<Record<string, unknown>>, [sessionId, token]);
  const nameOf = useCallback(
    (id: string) => (id === you.participantId ? 'you' : (participants.find((p) => p.id === id)?.name ?? 'someone who left')),
    [participants, you.participantId],
  );
  return (
    <div className="panel-body">
      <AiPanel board={connection.board} control={connection.control} you={you} send={send} nameOf={nameOf} />
    </div>
  );
}
