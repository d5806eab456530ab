import type { BriefWarning, CommandInput, CommandReply, Participant, Role } from '@throughline/shared';
import type * as Y from 'yjs';
import type { BoardEditor } from '../state/BoardEditor.ts';
import type { BoardStore } from '../state/BoardStore.ts';
import type { CameraLink } from '../state/CameraLink.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import type { CommentsConnection } from '../sync/CommentsConnection.ts';
import type { WhatsNewStore } from './whatsNew.ts';

/** Who is looking: from the session summary (which the server took from the token). */
export interface You {
  participantId: string;
  role: Role;
  name: string;
  color: string;
}

/** Sends one command with this person's token; resolves with its typed answer or rejects with an `ApiError`. */
export type SendCommand = <C extends CommandInput>(command: C) => Promise<CommandReply<C['type']>>;

/**
 * Everything a panel needs to know about the session it is in, from
 * `useSession()`. The control doc's contents are not in here (read them
 * with `useControl()`), nor the board's (`useBoardSlice()`), so a panel
 * re-renders only for what it reads.
 */
export interface Session {
  sessionId: string;
  /** The title from the summary; the live one is `useControl().brief?.title`. */
  title: string;
  you: You;
  participants: readonly Participant[];
  /** What the server's brief check said when the session was created. */
  warnings: readonly BriefWarning[];
  /** The bearer token, for download links that cannot send a header. Commands go through `useCommand()`. */
  token: string;
  /** The server-written control doc (phase, brief, settings, decisions, steps, webhook log). */
  controlDoc: Y.Doc;
  /** The board doc: read its notes through `useBoardSlice`, only small roots (`aiRequests`) with `useDocSlice`. */
  boardDoc: Y.Doc;
  /** The frame-batched read model of the board's notes and clusters. */
  store: BoardStore;
  /** This person's editor: actions, selection, camera, presence. In private brainwriting it edits their drafts. */
  editor: BoardEditor;
  /** The editor of the shared board, whatever `editor` is editing. */
  boardEditor: BoardEditor;
  /** Private brainwriting is on for this person: new notes go to their drafts, seen by nobody else until revealed. */
  privateDrafts: boolean;
  /** This person's camera in the room: sent to others, follow, summon. */
  camera: CameraLink;
  /** Docs, awareness and sync status. */
  connection: BoardConnection;
  /** This person may edit the board right now (role, phase, schema). */
  canWrite: boolean;
  /** Re-fetches the summary (someone new joined). Cheap to call often: at most one request per 2 s. */
  refresh(): void;
  /** Today's date (YYYY-MM-DD) in the viewer's time zone, for "review due". */
  today: string;
  send: SendCommand;
  /** The session's comment threads (`comments` doc) over their own socket. */
  comments: CommentsConnection;
  /** "Since you were here": the report and the notes still highlighted. */
  whatsNew: WhatsNewStore;
  /** The server sends notification mail (SMTP is configured). */
  mailEnabled: boolean;
}
