import {
  type AgendaItem,
  type Brief,
  colorFor,
  createParticipantId,
  createSessionId,
  DEFAULT_SETTINGS,
  type Identity,
  Origins,
  type ParticipantId,
  type Role,
  randomId,
  type SessionId,
  type Settings,
  type Template,
  writeAgenda,
  writeBrief,
  writePhase,
  writeSettings,
} from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import type { ParticipantRecord, SessionRecord } from '../store/Store.ts';

export interface CreatedSession {
  session: SessionRecord;
  facilitator: ParticipantRecord;
  facilitatorToken: string;
}

/**
 * Creates a session: its record and invites in the store, and its control
 * document seeded with the brief, the explore phase and default settings.
 */
export interface SessionSeed {
  settings?: Partial<Settings>;
  agenda?: AgendaItem[];
}

/** What a template gives a new session besides its brief: voting settings, private mode and the agenda. */
export const fromTemplate = (t: Template): SessionSeed => ({
  settings: { ...t.voting, privateMode: t.privateMode },
  agenda: t.agenda,
});

export async function createSession(
  app: FastifyInstance,
  brief: Brief,
  facilitatorName: string,
  seed: SessionSeed = {},
): Promise<CreatedSession> {
  // The server's clock (a test's fake one): the phase's opening time starts the digest's day.
  const now = new Date(app.scheduler.clock.now()).toISOString();
  const sessionId = createSessionId();
  const facilitator: ParticipantRecord = {
    id: createParticipantId(),
    sessionId,
    name: facilitatorName,
    role: 'facilitator',
    joinedAt: now,
  };
  const session: SessionRecord = {
    id: sessionId,
    createdAt: now,
    title: brief.title,
    facilitatorId: facilitator.id,
    participantInvite: randomId(24),
    viewerInvite: randomId(24),
  };
  await app.store.createSession(session, facilitator);
  // Resolves once this session's own write is on disk (and fails if it is not), whatever else the store is doing.
  await app.rooms.with(sessionId, ['control', 'board'], (control) =>
    control.appendOf(() =>
      control.doc.transact(() => {
        writeBrief(control.doc, brief);
        writePhase(control.doc, { current: 'explore', changedAt: now, changedBy: facilitator.id, revealed: false });
        writeSettings(control.doc, { ...DEFAULT_SETTINGS, ...seed.settings });
        if (seed.agenda) writeAgenda(control.doc, { items: seed.agenda, current: null });
      }, Origins.command),
    ),
  );
  return { session, facilitator, facilitatorToken: tokenFor(app, facilitator) };
}

export function tokenFor(app: FastifyInstance, p: ParticipantRecord): string {
  const identity: Identity = {
    sessionId: p.sessionId as SessionId,
    participantId: p.id as ParticipantId,
    role: p.role,
    name: p.name,
  };
  return app.tokens.sign(identity);
}

/** Which role an invite grants, comparing in constant time; null for a wrong invite. */
export function roleForInvite(session: SessionRecord, invite: string): Role | null {
  if (safeEqual(invite, session.participantInvite)) return 'participant';
  if (safeEqual(invite, session.viewerInvite)) return 'viewer';
  return null;
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export const participantView = (p: ParticipantRecord) => ({
  id: p.id,
  name: p.name,
  role: p.role,
  color: colorFor(p.id),
  joinedAt: p.joinedAt,
});
