import { createIdeaId, insertIdea } from '@throughline/shared';
import type { ParsedMail } from 'mailparser';
import { type CreatedSession, command, join, sampleBrief } from './api.ts';
import { connectDoc, sleep, waitSynced } from './connectDoc.ts';
import { sampleIdea } from './fixtures.ts';
import type { SmtpSink } from './smtpSink.ts';

export const PUBLIC = 'https://throughline.example.test';

async function post<T>(url: string, body: object): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Joins with an address, as a person who wants mail does. */
export const joinWithEmail = (url: string, sessionId: string, invite: string, name: string, email: string) =>
  post<{ token: string; participantId: string }>(`${url}/api/sessions/${sessionId}/join`, { invite, name, email });

/** A session whose facilitator (Fay) and one participant (Pat) gave addresses; a viewer (Vic) did not. */
export async function sessionWithEmails(url: string) {
  const s = await post<CreatedSession>(`${url}/api/sessions`, {
    brief: sampleBrief(),
    facilitatorName: 'Fay',
    facilitatorEmail: 'fay@example.test',
  });
  const pat = await joinWithEmail(url, s.sessionId, s.invites.participant, 'Pat', 'pat@example.test');
  const vic = await join(url, s.sessionId, s.invites.viewer, 'Vic');
  return { ...s, pat, vic };
}

/** The addresses a parsed mail was sent to. */
export const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));

export const mailsTo = (sink: SmtpSink, addr: string, subject: RegExp) =>
  sink.mails.filter((m) => to(m).includes(addr) && subject.test(m.subject ?? ''));

/** A header of a parsed mail, unfolded, without its name. */
export const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';

/** The one-click unsubscribe link a mail carries (its List-Unsubscribe header). */
export const unsubscribeLink = (m: ParsedMail) => header(m, 'list-unsubscribe').replace(/^<|>$/g, '');

/**
 * `sessionWithEmails` taken to the plan phase: Pat's note "Governance
 * webinar" kept, ready for steps. `ok` sends a command and fails the test
 * on a refusal.
 */
export async function plannedWithEmails(url: string, wsUrl: string) {
  const s = await sessionWithEmails(url);
  const ok = async (cmd: object, token = s.facilitatorToken) => {
    const r = await command(url, s.sessionId, token, cmd);
    if (r.status !== 200) throw new Error(`${JSON.stringify(cmd)} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const ideaId = createIdeaId();
  const board = connectDoc(wsUrl, s.sessionId, 'board', s.pat.token);
  try {
    await waitSynced(board);
    board.doc.transact(() =>
      insertIdea(board.doc, sampleIdea({ ...board.author, id: ideaId, text: 'Governance webinar', createdAt: Date.now() })),
    );
    await sleep(150);
  } finally {
    board.destroy();
  }
  await ok({ type: 'setPhase', phase: 'select' });
  await ok({ type: 'castVote', ideaId, count: 1 }, s.pat.token);
  await ok({ type: 'reveal' });
  await ok({ type: 'decide', ideaId, verdict: 'keep', rationale: 'Buyers asked for proof' });
  await ok({ type: 'setPhase', phase: 'plan' });
  return { ...s, ideaId, ok };
}
