import { ErrorCode, readBrief, readPhase, revealVotes, selectableIdeaIds } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * The facilitator reveals: anonymous tallies (dots, voters, mean and
 * weighted scores per idea) are published to `control.tallies` and voting
 * closes. Who voted for what never leaves the private doc.
 */
export const reveal: CommandHandler<'reveal'> = (_cmd, ctx) => {
  const phase = readPhase(ctx.control);
  if (phase.revealed) {
    return refuse(409, ErrorCode.conflict, 'Votes are already revealed; reset the votes (setVoting) to run another round.');
  }
  const criteria = readBrief(ctx.control)?.decisionRule.criteria ?? [];
  let count = 0;
  ctx.transact(ctx.control, () => {
    count = revealVotes(ctx.control, ctx.privateDoc, selectableIdeaIds(ctx.board), criteria).length;
  });
  return { ok: true, value: { revealed: true, ideas: count } };
};
