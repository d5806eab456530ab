import { type Brief, createIdeaId, type Idea, insertIdea } from '@throughline/shared';
import { command, createSession, join as joinSession, sampleBrief } from '../helpers/api.ts';
import { connectDoc, isSaved, waitFor, waitSynced } from '../helpers/connectDoc.ts';
import { sampleIdea } from '../helpers/fixtures.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';

/**
 * A real server on loopback (`buildApp` registers the export routes). Its
 * webhook receivers are on loopback too, which only an operator's opt-in allows.
 */
export const startExportServer = (): Promise<TestServer> => startServer({ webhookAllowPrivate: true });

/** Text no export may execute, render or break on. */
export const HOSTILE_IDEA = 'Webinar "Audit-ready", in 30 days\n<script>alert(1)</script> **now**';
export const HOSTILE_STEP = '=HYPERLINK("http://evil.example","Run dry-run")';

/**
 * A session driven through the real API to the plan phase: a hostile idea
 * written on the board over y-websocket, a vote, reveal, a keep decision
 * filed under the brief's initiative, and one complete step owned by a
 * participant plus one intention.
 */
export async function plannedSession(s: TestServer, opts: { title?: string } = {}) {
  const created = await createSession(s.url, { ...sampleBrief(), ...(opts.title ? { title: opts.title } : {}) });
  const { sessionId, facilitatorToken: fac } = created;
  const pat = await joinSession(s.url, sessionId, created.invites.participant, 'Pat Ortega');
  const vic = await joinSession(s.url, sessionId, created.invites.viewer, 'Vic');

  const board = connectDoc(s.wsUrl, sessionId, 'board', fac, { ack: true });
  await waitSynced(board);
  const ideaId = createIdeaId();
  const idea: Idea = sampleIdea({
    id: ideaId,
    text: HOSTILE_IDEA,
    x: 10,
    y: 10,
    authorId: created.participantId,
    authorName: 'Facilitator',
    createdAt: Date.now(),
  });
  board.doc.transact(() => insertIdea(board.doc, idea));
  await waitFor(() => isSaved(board), 'the idea to be saved');
  board.destroy();

  const ok = async (cmd: object, token = fac) => {
    const r = await command(s.url, sessionId, token, cmd);
    if (r.status !== 200) throw new Error(`${JSON.stringify(cmd)} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const summary = (await (await fetch(`${s.url}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${fac}` } })).json()) as {
    brief: Brief;
  };
  const initiativeId = summary.brief.initiatives[0]?.id ?? null;

  await ok({ type: 'setPhase', phase: 'select' });
  await ok({ type: 'castVote', ideaId, count: 2 }, pat.token);
  await ok({ type: 'reveal' });
  await ok({ type: 'decide', ideaId, verdict: 'keep', rationale: 'Buyers asked for *proof*, not "promises"', initiativeId });
  await ok({ type: 'setPhase', phase: 'plan' });
  await ok(
    {
      type: 'upsertNextStep',
      step: {
        ideaId,
        title: 'Draft the webinar outline, v1',
        ownerId: pat.participantId,
        due: '2027-01-15',
        outputs: [{ kind: 'asset', description: 'Outline, 2 pages' }],
        successCheck: { measure: 'Registrations', target: '200', reviewDate: '2027-02-01' },
        workType: 'tactical',
      },
    },
    pat.token,
  );
  await ok({ type: 'upsertNextStep', step: { ideaId, title: HOSTILE_STEP, ownerName: '-Bob', workType: 'operational' } });
  return { ...created, fac, pat, vic, ideaId, initiativeId, ok };
}
