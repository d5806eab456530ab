import {
  checkDecide,
  deleteDecision,
  deleteStep,
  readBrief,
  readDecisions,
  readIdea,
  readSteps,
  readTallies,
  writeDecision,
} from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/**
 * The facilitator keeps, parks or drops an idea, with a rationale for keep
 * and drop (recorded with who and when). A keep names the criteria it
 * serves, and one against the revealed votes and scores needs an override reason.
 */
export const decide: CommandHandler<'decide'> = (cmd, ctx) => {
  const checked = checkDecide(cmd, {
    idea: readIdea(ctx.board, cmd.ideaId),
    brief: readBrief(ctx.control) ?? { initiatives: [] },
    tallies: readTallies(ctx.control),
    existing: readDecisions(ctx.control).find((d) => d.ideaId === cmd.ideaId) ?? null,
    steps: readSteps(ctx.control),
    actor: { participantId: ctx.identity.participantId, name: ctx.identity.name },
    now: ctx.now().toISOString(),
  });
  if (!checked.ok) return checked;
  const { decision, deleteSteps } = checked.value;
  ctx.transact(ctx.control, () => {
    if (decision) writeDecision(ctx.control, decision);
    else deleteDecision(ctx.control, cmd.ideaId);
    for (const id of deleteSteps) deleteStep(ctx.control, id);
  });
  return { ok: true, value: { decision, deletedSteps: deleteSteps } };
};
