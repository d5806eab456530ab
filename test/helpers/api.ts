import type { BriefInput } from '@throughline/shared';

/** A strong brief for tests: passes the brief check without warnings. */
export const sampleBrief = (): BriefInput => ({
  title: 'Enterprise consideration',
  objective: 'Win consideration among enterprise buyers who need governance',
  audience: 'IT leads at 500+ person companies',
  constraints: ['No paid media before Q3', 'Ship inside the current release train'],
  decisionRule: {
    rule: 'Prefer ideas that move enterprise consideration this quarter at low cost',
    criteria: [
      { name: 'Strategic fit', description: 'Moves enterprise consideration', weight: 3 },
      { name: 'Cost to test', description: 'Cheap to try', weight: 1 },
    ],
  },
  successMetrics: [{ name: 'Share of enterprise shortlists', target: '30%' }],
  horizon: 'H1 2027',
  initiatives: [{ title: 'Governance story', description: 'Make governance visible' }],
});

export interface CreatedSession {
  sessionId: string;
  facilitatorToken: string;
  participantId: string;
  invites: { participant: string; viewer: string };
  links: { facilitator: string; participant: string; viewer: string };
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`), { status: res.status, body });
  return body;
}

export async function createSession(url: string, brief: BriefInput = sampleBrief()): Promise<CreatedSession> {
  return json(
    await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ brief }),
    }),
  );
}

export async function join(
  url: string,
  sessionId: string,
  invite: string,
  name: string,
): Promise<{ token: string; participantId: string; role: string }> {
  return json(
    await fetch(`${url}/api/sessions/${sessionId}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite, name }),
    }),
  );
}

/** Sends a command; returns status and body without throwing, so tests can assert refusals. */
export async function command(
  url: string,
  sessionId: string,
  token: string,
  cmd: object,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/sessions/${sessionId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(cmd),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A session with a facilitator, one participant and one viewer, ready for tests. */
export async function sessionWithPeople(url: string) {
  const s = await createSession(url);
  const participant = await join(url, s.sessionId, s.invites.participant, 'Pat');
  const viewer = await join(url, s.sessionId, s.invites.viewer, 'Vic');
  return { ...s, participant, viewer };
}
