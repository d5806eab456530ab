import { type ActivityReport, hasActivity } from '@throughline/shared';
import { api } from '../api.ts';
import { createStore, patchStore, type Store } from '../state/createStore.ts';

/** "Since you were here": the report, and the notes still highlighted on the canvas until this person looks at them. */
export interface WhatsNewState {
  report: ActivityReport | null;
  unseen: ReadonlySet<string>;
}

export type WhatsNewStore = Store<WhatsNewState>;

export const createWhatsNew = (): WhatsNewStore => createStore<WhatsNewState>({ report: null, unseen: new Set() });

/**
 * Asks the server what changed since this person last looked. Resolves true
 * when there is something to show (so the page opens the panel); a first
 * visit shows nothing: everything would be "new".
 */
export async function loadWhatsNew(store: WhatsNewStore, sessionId: string, token: string): Promise<boolean> {
  const report = await api.activity(sessionId, token);
  if (report.first) return false;
  patchStore(store, { report, unseen: new Set([...report.ideas.created, ...report.ideas.changed].map((i) => i.id)) });
  return hasActivity(report) || report.mentions.length > 0;
}

/** This person looked at one note: it stops glowing. */
export function markNoteSeen(store: WhatsNewStore, ideaId: string): void {
  const { unseen } = store.get();
  if (!unseen.has(ideaId)) return;
  const next = new Set(unseen);
  next.delete(ideaId);
  patchStore(store, { unseen: next });
}

/** Caught up: clear the highlights and tell the server, so the next report starts now. */
export async function markAllSeen(store: WhatsNewStore, sessionId: string, token: string): Promise<void> {
  patchStore(store, { unseen: new Set() });
  await api.markSeen(sessionId, token);
}
