import type { SessionSummary } from '../api.ts';
import type { BoardEditor } from '../state/BoardEditor.ts';
import type { ControlState } from '../state/useControlState.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';

/**
 * What every board panel receives. Panels added by other workstreams (AI
 * lane, selection, plan, export) get the same props: the session summary,
 * the live control state, the connection (docs, awareness), this person's
 * editor (actions, selection, camera) and the token for API commands.
 */
export interface PanelProps {
  session: SessionSummary;
  control: ControlState;
  connection: BoardConnection;
  editor: BoardEditor;
  token: string;
  /** This person may edit the board right now (role and phase). */
  canWrite: boolean;
  /** Re-fetches the session summary (e.g. after someone new joins). */
  refreshSession: () => void;
}
