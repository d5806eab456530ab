import {
  myVotesValue,
  readMyScores,
  readMyVotes,
  readPhase,
  readSettings,
  retractVote as takeDotsBack,
  votableOn,
  writeMyVotes,
} from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/**
 * Takes the caller's dots back from an idea. Works even if the idea has
 * since been deleted or un-adopted, so nobody's dots get stuck.
 */
export const retractVote: CommandHandler<'retractVote'> = (cmd, ctx) => {
  const phase = readPhase(ctx.control);
  const me = ctx.identity.participantId;
  const next = takeDotsBack(readMyVotes(ctx.privateDoc, me), cmd.ideaId, cmd.count, { revealed: phase.revealed });
  if (!next.ok) return next;
  ctx.transact(ctx.privateDoc, () => writeMyVotes(ctx.privateDoc, me, next.value));
  const settings = readSettings(ctx.control);
  const value = myVotesValue(next.value, readMyScores(ctx.privateDoc, me), settings, {
    revealed: false,
    canVote: true,
    counts: votableOn(ctx.board),
  });
  return { ok: true, value: { ...value } };
};
