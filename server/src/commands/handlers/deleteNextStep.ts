import { checkDeleteStep, deleteStep, readSteps } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/** Deletes a next step: its owner or the facilitator. */
export const deleteNextStep: CommandHandler<'deleteNextStep'> = (cmd, ctx) => {
  const step = readSteps(ctx.control).find((s) => s.id === cmd.stepId) ?? null;
  const checked = checkDeleteStep(step, { participantId: ctx.identity.participantId, role: ctx.identity.role });
  if (!checked.ok) return checked;
  ctx.transact(ctx.control, () => deleteStep(ctx.control, cmd.stepId));
  return { ok: true, value: { deleted: cmd.stepId } };
};
