import type { CommandType } from '@throughline/shared';
import type { CommandHandler } from './CommandContext.ts';
import { acceptClusterSuggestion } from './handlers/acceptClusterSuggestion.ts';
import { addTime } from './handlers/addTime.ts';
import { adoptAiIdea } from './handlers/adoptAiIdea.ts';
import { cancelGeneration } from './handlers/cancelGeneration.ts';
import { castVote } from './handlers/castVote.ts';
import { decide } from './handlers/decide.ts';
import { deleteNextStep } from './handlers/deleteNextStep.ts';
import { draftCounts } from './handlers/draftCounts.ts';
import { finalisePlan } from './handlers/finalisePlan.ts';
import { generateIdeas } from './handlers/generateIdeas.ts';
import { myVotes } from './handlers/myVotes.ts';
import { pauseTimer } from './handlers/pauseTimer.ts';
import { publishDrafts } from './handlers/publishDrafts.ts';
import { recordReview } from './handlers/recordReview.ts';
import { resumeTimer } from './handlers/resumeTimer.ts';
import { retractVote } from './handlers/retractVote.ts';
import { reveal } from './handlers/reveal.ts';
import { rotateWebhookSecret } from './handlers/rotateWebhookSecret.ts';
import { score } from './handlers/score.ts';
import { setAgenda } from './handlers/setAgenda.ts';
import { setChatWebhook } from './handlers/setChatWebhook.ts';
import { setPhase } from './handlers/setPhase.ts';
import { setReady } from './handlers/setReady.ts';
import { setSchedule } from './handlers/setSchedule.ts';
import { setVoting } from './handlers/setVoting.ts';
import { setWebhook } from './handlers/setWebhook.ts';
import { spotlight } from './handlers/spotlight.ts';
import { startFollowUp } from './handlers/startFollowUp.ts';
import { startTimer } from './handlers/startTimer.ts';
import { stopTimer } from './handlers/stopTimer.ts';
import { suggestClusters } from './handlers/suggestClusters.ts';
import { summon } from './handlers/summon.ts';
import { testWebhook } from './handlers/testWebhook.ts';
import { updateBrief } from './handlers/updateBrief.ts';
import { updateSettings } from './handlers/updateSettings.ts';
import { upsertNextStep } from './handlers/upsertNextStep.ts';

/**
 * One handler per command type; the type system insists every command in
 * the union has one. Who may send it and when is not the handler's job:
 * `runCommand` checks the command's entry in `COMMAND_RULES` first.
 */
export const handlers: { [T in CommandType]: CommandHandler<T> } = {
  updateBrief,
  setPhase,
  updateSettings,
  publishDrafts,
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
  setWebhook,
  rotateWebhookSecret,
  finalisePlan,
  testWebhook,
  generateIdeas,
  cancelGeneration,
  adoptAiIdea,
  suggestClusters,
  acceptClusterSuggestion,
  setSchedule,
  setChatWebhook,
  startTimer,
  pauseTimer,
  resumeTimer,
  addTime,
  stopTimer,
  setAgenda,
  setReady,
  summon,
  spotlight,
  draftCounts,
};
