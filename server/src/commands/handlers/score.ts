import {
  checkSelectable,
  myVotesValue,
  readBrief,
  readIdea,
  readMyScores,
  readMyVotes,
  readPhase,
  readSettings,
  scoreIdea,
  votableOn,
  writeMyScores,
} from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/** Scores an idea 1–5 against one criterion of the decision rule (or withdraws the score). Private until reveal. */
export const score: CommandHandler<'score'> = (cmd, ctx) => {
  const phase = readPhase(ctx.control);
  // Withdrawing a score is allowed on an idea that is gone, like retracting a vote.
  if (cmd.value !== null) {
    const notSelectable = checkSelectable(readIdea(ctx.board, cmd.ideaId));
    if (notSelectable) return notSelectable;
  }
  const me = ctx.identity.participantId;
  const criteria = readBrief(ctx.control)?.decisionRule.criteria ?? [];
  const next = scoreIdea(readMyScores(ctx.privateDoc, me), cmd.ideaId, cmd.criterionId, cmd.value, criteria, {
    revealed: phase.revealed,
  });
  if (!next.ok) return next;
  ctx.transact(ctx.privateDoc, () => writeMyScores(ctx.privateDoc, me, next.value));
  const value = myVotesValue(readMyVotes(ctx.privateDoc, me), next.value, readSettings(ctx.control), {
    revealed: false,
    canVote: true,
    counts: votableOn(ctx.board),
  });
  return { ok: true, value: { ...value } };
};
