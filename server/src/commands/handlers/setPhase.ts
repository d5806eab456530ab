import { checkPhaseChange, readDecisions, readPhase, writePhase } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { publishAllDrafts } from '../publishDrafts.ts';

/**
 * The facilitator moves the session between phases, one step forward at a
 * time, or back with confirmation (see `checkPhaseChange`). Moving changes
 * only the phase: votes, decisions and steps are kept either way.
 */
export const setPhase: CommandHandler<'setPhase'> = async (cmd, ctx) => {
  const phase = readPhase(ctx.control);
  const kept = readDecisions(ctx.control).filter((d) => d.verdict === 'keep').length;
  const checked = checkPhaseChange(
    phase.current,
    cmd.phase,
    { role: ctx.identity.role, confirm: cmd.confirm },
    { revealed: phase.revealed, kept },
  );
  if (!checked.ok) return checked;
  // Freezing the board must not strand anyone's private drafts.
  const published = phase.current === 'explore' ? await publishAllDrafts(ctx) : 0;
  ctx.transact(ctx.control, () =>
    writePhase(ctx.control, { current: cmd.phase, changedAt: ctx.now().toISOString(), changedBy: ctx.identity.participantId }),
  );
  return { ok: true, value: { phase: cmd.phase, previous: phase.current, warnings: checked.value.warnings, published } };
};
