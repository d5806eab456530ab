import { ErrorCode, phaseIndex, readPhase, readSchedule, SCHEDULED_PHASES, writeSchedule } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * The facilitator sets the async schedule. A deadline for the current or a
 * later phase must lie ahead (one for an earlier phase is history and kept
 * as given). What the scheduler already did (`fired`, `notices`) is kept:
 * it is keyed by deadline, so an unchanged deadline never acts twice and a
 * moved one acts again.
 */
export const setSchedule: CommandHandler<'setSchedule'> = async (cmd, ctx) => {
  const now = ctx.now();
  const current = phaseIndex(readPhase(ctx.control).current);
  for (const p of SCHEDULED_PHASES) {
    const at = cmd.deadlines[p];
    if (at && phaseIndex(p) >= current && Date.parse(at) <= now.getTime()) {
      return refuse(400, ErrorCode.badRequest, `The ${p} deadline (${at}) has passed; pick a time ahead.`);
    }
  }
  const previous = readSchedule(ctx.control);
  ctx.transact(ctx.control, () =>
    writeSchedule(ctx.control, {
      ...previous,
      deadlines: cmd.deadlines,
      autoAdvance: cmd.autoAdvance,
      setAt: now.toISOString(),
      setBy: ctx.identity.participantId,
    }),
  );
  return { ok: true, value: { schedule: readSchedule(ctx.control) } };
};
