import type { CommandType } from '@throughline/shared';
import type { CommandHandler } from './CommandContext.ts';
import { setPhase } from './handlers/setPhase.ts';
import { setVoting } from './handlers/setVoting.ts';
import { castVote } from './handlers/castVote.ts';
import { retractVote } from './handlers/retractVote.ts';
import { myVotes } from './handlers/myVotes.ts';
import { score } from './handlers/score.ts';
import { reveal } from './handlers/reveal.ts';
import { decide } from './handlers/decide.ts';
import { upsertNextStep } from './handlers/upsertNextStep.ts';
import { deleteNextStep } from './handlers/deleteNextStep.ts';
import { recordReview } from './handlers/recordReview.ts';
import { startFollowUp } from './handlers/startFollowUp.ts';
import { updateBrief } from './handlers/updateBrief.ts';

/** One handler per command type; the type system insists every command in the union has one. */
export const handlers: { [T in CommandType]: CommandHandler<T> } = {
  updateBrief,
  setPhase,
  setVoting,
  castVote,
  retractVote,
  myVotes,
  score,
  reveal,
  decide,
  upsertNextStep,
  deleteNextStep,
  recordReview,
  startFollowUp,
};
