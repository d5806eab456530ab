import type { Phase } from '@throughline/shared';

/** Things that happened in a session that notifications (mail, chat) tell people about. */
export interface SessionEventMap {
  phaseChanged: { sessionId: string; from: Phase; to: Phase; at: string; by: string; auto: boolean };
  planFinalised: { sessionId: string; revision: number; at: string };
  /** A comment was posted, or edited with (possibly new) mentions. */
  commentPosted: {
    sessionId: string;
    edited: boolean;
    threadKey: string;
    commentId: string;
    authorId: string;
    authorName: string;
    text: string;
    mentions: string[];
  };
}
export type SessionEventName = keyof SessionEventMap;
type Listener<K extends SessionEventName> = (e: SessionEventMap[K]) => Promise<void> | void;

/**
 * A small typed event bus on the app (`app.sessionEvents`). Emitted by the
 * instance that made the change, once, and awaited: a listener that queues
 * a mail has queued it durably before the command answers. A failing
 * listener is reported and never fails the change itself.
 */
export class SessionEvents {
  private readonly listeners = new Map<SessionEventName, Listener<never>[]>();

  constructor(private readonly onError: (err: unknown, event: string) => void) {}

  on<K extends SessionEventName>(name: K, fn: Listener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(fn as Listener<never>);
    this.listeners.set(name, list);
  }

  async emit<K extends SessionEventName>(name: K, event: SessionEventMap[K]): Promise<void> {
    for (const fn of this.listeners.get(name) ?? []) {
      try {
        await (fn as Listener<K>)(event);
      } catch (err) {
        this.onError(err, name);
      }
    }
  }
}
