import { checkRecordReview, readBrief, readSteps, writeStep } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/** The step's owner (or the facilitator) records continue / revise / stop and what was learned, at any time (the review date is a reminder). */
export const recordReview: CommandHandler<'recordReview'> = (cmd, ctx) => {
  const step = readSteps(ctx.control).find((s) => s.id === cmd.stepId) ?? null;
  const checked = checkRecordReview(cmd, {
    step,
    brief: readBrief(ctx.control) ?? { successMetrics: [] },
    actor: { participantId: ctx.identity.participantId, role: ctx.identity.role, name: ctx.identity.name },
    nowMs: ctx.now().getTime(),
  });
  if (!checked.ok) return checked;
  if (!step) throw new Error('checkRecordReview accepted a missing step');
  // updatedAt is left alone: it orders steps in the plan, and a review is not an edit of the step.
  ctx.transact(ctx.control, () => writeStep(ctx.control, { ...step, review: checked.value }));
  return { ok: true, value: { stepId: step.id, review: checked.value } };
};
