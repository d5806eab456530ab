import {
  ErrorCode,
  type FollowUpValue,
  followUpSeed,
  insertIdea,
  Origins,
  readBrief,
  readDecisions,
  readIdeas,
  readSettings,
  readSteps,
  writeDecision,
  writeStep,
} from '@throughline/shared';
import { createSession } from '../../sessions/sessionService.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * The facilitator starts a follow-up session from this one: same brief and
 * voting settings, and every kept idea with open steps carried over with its
 * decision and steps. The caller becomes the new session's facilitator.
 * Links are relative (`/s/…`, `/join/…`): a command has no request origin,
 * and the client resolves them against its own.
 */
export const startFollowUp: CommandHandler<'startFollowUp'> = async (_cmd, ctx) => {
  const brief = readBrief(ctx.control);
  if (!brief) return refuse(409, ErrorCode.conflict, 'This session has no brief to carry over.');
  const now = ctx.now().toISOString();
  const seed = followUpSeed(brief, readIdeas(ctx.board), readDecisions(ctx.control), readSteps(ctx.control), {
    now,
    carriedBy: ctx.identity.name,
  });
  const { voteBudget, perIdeaCap, blindOrigin } = readSettings(ctx.control);
  const created = await createSession(ctx.app, seed.brief, ctx.identity.name, { settings: { voteBudget, perIdeaCap, blindOrigin } });
  const id = created.session.id;
  await ctx.app.rooms.with(id, ['board', 'control'], (board, control) => {
    board.doc.transact(() => {
      for (const idea of seed.ideas) insertIdea(board.doc, idea);
    }, Origins.command);
    control.doc.transact(() => {
      for (const d of seed.decisions) writeDecision(control.doc, d);
      for (const s of seed.steps) writeStep(control.doc, s);
    }, Origins.command);
  });
  await ctx.app.store.whenDurable();
  ctx.log.info({ from: ctx.session.id, to: id, steps: seed.steps.length }, 'follow-up session started');
  const value: FollowUpValue = {
    sessionId: id,
    facilitatorToken: created.facilitatorToken,
    links: {
      facilitator: `/s/${id}#token=${created.facilitatorToken}`,
      participant: `/join/${id}#invite=${created.session.participantInvite}`,
      viewer: `/join/${id}#invite=${created.session.viewerInvite}`,
    },
    carriedSteps: seed.steps.length,
  };
  return { ok: true, value: { ...value } };
};
