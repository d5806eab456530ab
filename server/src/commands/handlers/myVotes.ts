import { myVotesValue, readMyScores, readMyVotes, readPhase, readSettings, votableOn } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/**
 * The caller's own votes, scores and remaining budget: the one way to read
 * them, since they live only in the server's private doc until reveal. A
 * command rather than a GET so that it is authorised and audited like the
 * writes it mirrors. Read-only: it writes nothing.
 */
export const myVotes: CommandHandler<'myVotes'> = (_cmd, ctx) => {
  const phase = readPhase(ctx.control);
  const me = ctx.identity.participantId;
  const value = myVotesValue(readMyVotes(ctx.privateDoc, me), readMyScores(ctx.privateDoc, me), readSettings(ctx.control), {
    revealed: phase.revealed,
    canVote: ctx.identity.role !== 'viewer' && phase.current === 'select',
    counts: votableOn(ctx.board),
  });
  return { ok: true, value: { ...value } };
};
