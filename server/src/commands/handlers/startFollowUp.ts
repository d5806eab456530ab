import {
  buildPlan,
  createStrategyCheckId,
  ErrorCode,
  type FollowUpValue,
  followUpSeed,
  insertIdea,
  Origins,
  readBrief,
  readBriefHistory,
  readDecisions,
  readFollowUps,
  readIdeas,
  readSettings,
  readSteps,
  readTallies,
  type StrategyCheck,
  summariseEvidence,
  writeDecision,
  writeFollowUp,
  writeStep,
  writeStrategyCheck,
} from '@throughline/shared';
import type { FastifyInstance } from 'fastify';
import { createSession, tokenFor } from '../../sessions/sessionService.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';

const linksFor = (id: string, token: string, invites: { participantInvite: string; viewerInvite: string }) => ({
  facilitator: `/s/${id}#token=${token}`,
  participant: `/join/${id}#invite=${invites.participantInvite}`,
  viewer: `/join/${id}#invite=${invites.viewerInvite}`,
});

/** The follow-up started earlier, with a fresh token for its facilitator; null when its session is gone. */
async function existingFollowUp(app: FastifyInstance, sessionId: string, check: StrategyCheck | null): Promise<FollowUpValue | null> {
  const session = await app.store.getSession(sessionId);
  if (!session) return null;
  const facilitator = (await app.store.listParticipants(sessionId)).find((p) => p.id === session.facilitatorId);
  if (!facilitator) return null;
  const token = tokenFor(app, facilitator);
  return {
    sessionId,
    facilitatorToken: token,
    links: linksFor(sessionId, token, session),
    carriedSteps: 0,
    existing: true,
    strategyCheck: check,
  };
}

/**
 * The facilitator starts a follow-up session from this one, after a
 * strategy check: keep, adjust or replace the strategy, and why, beside
 * what the reviews said (frozen into the check). The check goes into the
 * brief's history of both sessions. The new session gets the same brief
 * and voting settings, and every kept idea with open steps carried over
 * with its decision and steps; the caller becomes its facilitator.
 *
 * One follow-up per session: asked again (a second click, a reload), it
 * answers with the follow-up already started. `another: true` starts a
 * further one. Links are relative (`/s/…`, `/join/…`): a command has no
 * request origin, and the client resolves them against its own.
 */
export const startFollowUp: CommandHandler<'startFollowUp'> = async (cmd, ctx) => {
  const brief = readBrief(ctx.control);
  if (!brief) return refuse(409, ErrorCode.conflict, 'This session has no brief to carry over.');
  const history = readBriefHistory(ctx.control);
  const previous = readFollowUps(ctx.control).at(-1);
  if (previous && cmd.another !== true) {
    const check = history.find((c) => c.id === previous.strategyCheckId) ?? null;
    const found = await existingFollowUp(ctx.app, previous.sessionId, check);
    if (found) return { ok: true, value: { ...found } };
  }
  if (!cmd.strategyCheck) {
    return refuse(
      400,
      ErrorCode.invalidCommand,
      'A follow-up opens with a strategy check: does the evidence support the strategy? Keep, adjust or replace it, and say why.',
    );
  }
  const now = ctx.now().toISOString();
  const ideas = readIdeas(ctx.board);
  const decisions = readDecisions(ctx.control);
  const steps = readSteps(ctx.control);
  const evidence = summariseEvidence(buildPlan(brief, ideas, readTallies(ctx.control), decisions, steps));
  const seed = followUpSeed(brief, ideas, decisions, steps, { now, carriedBy: ctx.identity.name });
  const { voteBudget, perIdeaCap, blindOrigin } = readSettings(ctx.control);
  const created = await createSession(ctx.app, seed.brief, ctx.identity.name, { settings: { voteBudget, perIdeaCap, blindOrigin } });
  const id = created.session.id;
  const check: StrategyCheck = {
    id: createStrategyCheckId(),
    verdict: cmd.strategyCheck.verdict,
    reason: cmd.strategyCheck.reason,
    evidence: evidence.lines,
    suggested: evidence.suggested,
    fromSessionId: ctx.session.id,
    toSessionId: id,
    checkedAt: now,
    checkedBy: ctx.identity.name,
  };
  await ctx.app.rooms.with(id, ['board', 'control'], (board, control) => {
    board.doc.transact(() => {
      for (const idea of seed.ideas) insertIdea(board.doc, idea);
    }, Origins.command);
    control.doc.transact(() => {
      // The brief's history travels with it: earlier checks, then this one.
      for (const c of [...history, check]) writeStrategyCheck(control.doc, c);
      for (const d of seed.decisions) writeDecision(control.doc, d);
      for (const s of seed.steps) writeStep(control.doc, s);
    }, Origins.command);
  });
  await ctx.app.store.whenDurable();
  ctx.transact(ctx.control, () => {
    writeStrategyCheck(ctx.control, check);
    writeFollowUp(ctx.control, { sessionId: id, startedAt: now, startedBy: ctx.identity.name, strategyCheckId: check.id });
  });
  ctx.log.info({ from: ctx.session.id, to: id, steps: seed.steps.length, verdict: check.verdict }, 'follow-up session started');
  const value: FollowUpValue = {
    sessionId: id,
    facilitatorToken: created.facilitatorToken,
    links: linksFor(id, created.facilitatorToken, created.session),
    carriedSteps: seed.steps.length,
    existing: false,
    strategyCheck: check,
  };
  return { ok: true, value: { ...value } };
};
