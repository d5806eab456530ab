import type { ParsedMail } from 'mailparser';
import { type CreatedSession, join, sampleBrief } from './api.ts';
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
