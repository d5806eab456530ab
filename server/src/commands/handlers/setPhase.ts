import { checkPhaseChange, clearReady, readDecisions, readPhase, readSettings, writePhase } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { publishAllDrafts } from '../publishDrafts.ts';
import { SERVER_PARTICIPANT_ID } from '../serverIdentity.ts';

/**
 * The facilitator moves the session between phases, one step forward at a
 * time, or back with confirmation (see `checkPhaseChange`). Moving changes
 * only the phase: votes, decisions and steps are kept either way.
 *
 * Leaving explore must not strand anyone's private drafts: the new phase is
 * written first, so every client (and the sync guard) sees a frozen board
 * before the server publishes the drafts onto it — nobody can write a draft
 * or a note alongside the publish. Reopening the board with private mode
 * off publishes drafts that were held back while it was frozen.
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
  const leaving = phase.current === 'explore' && cmd.phase !== 'explore';
  const reopening = phase.current !== 'explore' && cmd.phase === 'explore' && !readSettings(ctx.control).privateMode;
  // Everything that can fail runs before the phase changes; publishing itself skips what it cannot read.
  const people = leaving || reopening ? await ctx.participants() : null;
  // One time for the change and its event: notifications name the opening by it.
  const at = ctx.now().toISOString();
  ctx.transact(ctx.control, () => {
    writePhase(ctx.control, { current: cmd.phase, changedAt: at, changedBy: ctx.identity.participantId });
    // "Done" was about the phase just left.
    if (cmd.phase !== phase.current) clearReady(ctx.control);
  });
  const out = people ? await publishAllDrafts(ctx, people) : null;
  await ctx.app.sessionEvents.emit('phaseChanged', {
    sessionId: ctx.session.id,
    from: phase.current,
    to: cmd.phase,
    at,
    by: ctx.identity.name,
    auto: ctx.identity.participantId === SERVER_PARTICIPANT_ID,
  });
  return {
    ok: true,
    value: {
      phase: cmd.phase,
      previous: phase.current,
      warnings: checked.value.warnings,
      published: out?.published ?? 0,
      ...(out && out.failed > 0 ? { failed: out.failed } : {}),
    },
  };
};
