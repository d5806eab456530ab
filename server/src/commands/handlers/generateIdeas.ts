import {
  AI_LIMITS,
  draftIdeasMap,
  draftsDocName,
  ErrorCode,
  type Idea,
  readBrief,
  readClusters,
  readIdea,
  readIdeas,
  readSettings,
  restoreIdea,
} from '@throughline/shared';
import * as Y from 'yjs';
import { type CommandContext, type CommandHandler, type CommandResult, refuse } from '../CommandContext.ts';

/**
 * Asks the AI for ideas. Facilitator and participants, while exploring
 * only; held back by `aiMinOwnIdeas` until people have written their own.
 * Answers at once with the request id; ideas stream into the AI lane.
 */
export const generateIdeas: CommandHandler<'generateIdeas'> = async (cmd, ctx) => {
  const brief = readBrief(ctx.control);
  if (!brief) return refuse(409, ErrorCode.conflict, 'the session has no brief yet');
  const held = await holdBackForOwnIdeas(ctx);
  if (held) return held;

  const ideas = readIdeas(ctx.board);
  let riff: { kind: 'idea' | 'cluster'; title: string; texts: string[] } | null = null;
  if (cmd.riff && 'ideaId' in cmd.riff) {
    const idea = readIdea(ctx.board, cmd.riff.ideaId);
    if (!idea) return refuse(404, ErrorCode.notFound, 'the idea to riff on no longer exists');
    riff = { kind: 'idea', title: idea.text, texts: [idea.text] };
  } else if (cmd.riff && 'clusterId' in cmd.riff) {
    const clusterId = cmd.riff.clusterId;
    const cluster = readClusters(ctx.board).find((c) => c.id === clusterId);
    if (!cluster) return refuse(404, ErrorCode.notFound, 'the cluster to riff on no longer exists');
    riff = { kind: 'cluster', title: cluster.title, texts: ideas.filter((i) => i.clusterId === cluster.id).map((i) => i.text) };
  }
  const avoid = [...ideas]
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, AI_LIMITS.maxAvoidIdeas)
    .map((i) => i.text);

  const started = ctx.app.ai.start({
    sessionId: ctx.session.id,
    board: ctx.board,
    identity: ctx.identity,
    request: {
      brief,
      count: cmd.count,
      lens: cmd.lens ?? null,
      riff,
      avoid,
      seed: cmd.seed ?? Math.floor(Math.random() * 0xffffffff),
    },
  });
  if (!started.ok) return refuse(429, ErrorCode.rateLimited, started.message);
  return { ok: true, value: { requestId: started.requestId, generator: started.generator, model: started.model, label: started.label } };
};

/**
 * With `aiMinOwnIdeas = N`, generation waits until every participant has
 * written N ideas of their own (drafts count in private mode). The
 * facilitator counts only when there are no participants, so a facilitator
 * who only runs the room never blocks the AI.
 */
async function holdBackForOwnIdeas(ctx: CommandContext): Promise<CommandResult | null> {
  const settings = readSettings(ctx.control);
  const n = settings.aiMinOwnIdeas;
  if (n <= 0) return null;
  const people = await ctx.participants();
  const participants = people.filter((p) => p.role === 'participant');
  const counted = participants.length > 0 ? participants : people.filter((p) => p.role === 'facilitator');
  const own = new Map<string, number>();
  const count = (i: Idea) => {
    if (i.origin === 'person') own.set(i.authorId, (own.get(i.authorId) ?? 0) + 1);
  };
  for (const i of readIdeas(ctx.board)) count(i);
  if (settings.privateMode) {
    const names = counted.map((p) => draftsDocName(p.id));
    await ctx.withDocs(names, (...docs) => {
      for (const doc of docs) {
        draftIdeasMap(doc).forEach((m, id) => {
          if (m instanceof Y.Map) count(restoreIdea(id, m));
        });
      }
    });
  }
  const behind = counted.filter((p) => (own.get(p.id) ?? 0) < n);
  if (behind.length === 0) return null;
  const names = behind.map((p) => p.name).join(', ');
  return refuse(
    409,
    ErrorCode.conflict,
    `AI ideas unlock once everyone has added ${n} idea${n === 1 ? '' : 's'} of their own. Still waiting for: ${names}.`,
  );
}
