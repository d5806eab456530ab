import {
  castVote as addDots,
  checkSelectable,
  myVotesValue,
  readIdea,
  readMyScores,
  readMyVotes,
  readPhase,
  readSettings,
  votableOn,
  writeMyVotes,
} from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/**
 * Spends the caller's dots on an idea. The vote goes only to the private
 * doc, which no client syncs; the answer carries the caller's own remaining
 * budget and votes, never anyone else's.
 */
export const castVote: CommandHandler<'castVote'> = (cmd, ctx) => {
  const phase = readPhase(ctx.control);
  const notSelectable = checkSelectable(readIdea(ctx.board, cmd.ideaId));
  if (notSelectable) return notSelectable;
  const me = ctx.identity.participantId;
  const settings = readSettings(ctx.control);
  const counts = votableOn(ctx.board);
  const next = addDots(readMyVotes(ctx.privateDoc, me), cmd.ideaId, cmd.count, settings, { revealed: phase.revealed, counts });
  if (!next.ok) return next;
  ctx.transact(ctx.privateDoc, () => writeMyVotes(ctx.privateDoc, me, next.value));
  return {
    ok: true,
    value: { ...myVotesValue(next.value, readMyScores(ctx.privateDoc, me), settings, { revealed: false, canVote: true, counts }) },
  };
};
