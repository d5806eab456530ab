import { checkUpsertStep, createStepId, readBrief, readDecisions, readSteps, stepStatus, writeStep } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/** Creates or edits a next step of a kept idea. Owners edit their own steps; the facilitator any. */
export const upsertNextStep: CommandHandler<'upsertNextStep'> = async (cmd, ctx) => {
  const participants = await ctx.participants();
  const checked = checkUpsertStep(cmd.step, {
    existing: cmd.step.id ? (readSteps(ctx.control).find((s) => s.id === cmd.step.id) ?? null) : null,
    decision: readDecisions(ctx.control).find((d) => d.ideaId === cmd.step.ideaId) ?? null,
    brief: readBrief(ctx.control) ?? { initiatives: [], successMetrics: [] },
    participants,
    actor: { participantId: ctx.identity.participantId, role: ctx.identity.role },
    now: ctx.now().toISOString(),
    newId: createStepId,
  });
  if (!checked.ok) return checked;
  ctx.transact(ctx.control, () => writeStep(ctx.control, checked.value));
  return { ok: true, value: { step: checked.value, status: stepStatus(checked.value) } };
};
