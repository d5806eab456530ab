import { ErrorCode, phaseIndex, readPhase, writePhase } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';
import { requireFacilitator } from '../guards.ts';

/**
 * The facilitator moves the session between phases. Going back (e.g. plan →
 * explore) reopens what was frozen, so it needs an explicit confirmation.
 */
export const setPhase: CommandHandler<'setPhase'> = (cmd, ctx) => {
  const denied = requireFacilitator(ctx);
  if (denied) return denied;
  const current = readPhase(ctx.control).current;
  if (cmd.phase === current) return { ok: true, value: { phase: current } };
  if (phaseIndex(cmd.phase) < phaseIndex(current) && cmd.confirm !== true) {
    return refuse(409, ErrorCode.conflict, `moving back from ${current} to ${cmd.phase} needs confirmation (confirm: true)`);
  }
  ctx.transact(ctx.control, () =>
    writePhase(ctx.control, { current: cmd.phase, changedAt: ctx.now().toISOString(), changedBy: ctx.identity.participantId }),
  );
  return { ok: true, value: { phase: cmd.phase, previous: current } };
};
