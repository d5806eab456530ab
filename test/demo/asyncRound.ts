/**
 * One async round, live: the compiled server (`node server/dist/server.js`,
 * SQLite) mailing a local SMTP sink in real time. A participant mentions the
 * facilitator, the explore deadline passes and the phase moves by itself.
 * Run: `pnpm build && node --import tsx test/demo/asyncRound.ts` (about a minute).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as pjoin } from 'node:path';
import { addComment } from '@throughline/shared';
import { command } from '../helpers/api.ts';
import { connectDoc, waitSynced } from '../helpers/connectDoc.ts';
import { sessionWithEmails, to } from '../helpers/mailSession.ts';
import { startSmtpSink } from '../helpers/smtpSink.ts';

const t0 = Date.now();
const log = (m: string) => console.log(`[+${((Date.now() - t0) / 1000).toFixed(1)} s] ${m}`);
const sink = await startSmtpSink();
const port = 3917;
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['server/dist/server.js'], {
  cwd: new URL('../..', import.meta.url).pathname,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    THROUGHLINE_DATA_DIR: mkdtempSync(pjoin(tmpdir(), 'tl-demo-')),
    THROUGHLINE_SMTP_URL: sink.url,
    THROUGHLINE_PUBLIC_URL: 'https://throughline.example.test',
    THROUGHLINE_SMTP_FROM: 'Throughline <noreply@example.test>',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (;;) {
  try {
    if ((await fetch(`${url}/api/health/ready`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
log('server up (compiled, SQLite)');
const s = await sessionWithEmails(url);
log(`session ${s.sessionId}: Fay (facilitator, fay@example.test), Pat (participant, pat@example.test), Vic (viewer, no address)`);
const deadline = new Date(Date.now() + 40_000).toISOString();
const r = await command(url, s.sessionId, s.facilitatorToken, { type: 'setSchedule', deadlines: { explore: deadline }, autoAdvance: true });
log(`setSchedule explore closes ${deadline}, autoAdvance → ${r.status}`);
const peer = connectDoc(url.replace('http', 'ws'), s.sessionId, 'comments', s.pat.token);
await waitSynced(peer);
peer.doc.transact(() =>
  addComment(peer.doc, 'idea:x', {
    authorId: s.pat.participantId,
    authorName: 'Pat',
    text: '@Fay can we test this with two customers?',
    mentions: [s.participantId],
    now: new Date(),
  }),
);
log('Pat comments "@Fay can we test this with two customers?"');
let seen = 0;
let phase = 'explore';
while (Date.now() - t0 < 120_000) {
  for (const m of sink.mails.slice(seen)) {
    seen++;
    log(
      `mail to ${to(m).join(', ')}: "${m.subject}" (text ${m.text?.length} chars, html ${String(m.html).length} chars, List-Unsubscribe ${m.headerLines.some((h) => h.key === 'list-unsubscribe') ? 'yes' : 'no'})`,
    );
  }
  const st = await (await fetch(`${url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.pat.token}` } })).json();
  if (st.phase.current !== phase) {
    log(`phase is now ${st.phase.current} (nobody pressed a button)`);
    phase = st.phase.current;
  }
  if (phase === 'select' && sink.mails.some((m) => /Select is open/.test(m.subject ?? '')) && seen === sink.mails.length) break;
  await new Promise((r) => setTimeout(r, 500));
}
peer.destroy();
child.kill('SIGTERM');
await sink.close();
