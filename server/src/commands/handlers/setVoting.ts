import { checkVotingSettings, readAllVoteCounts, readPhase, readSettings, resetVotes, writeSettings } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/**
 * The facilitator sets the dot budget, the per-idea cap and blind origin,
 * or resets the votes for a new round (the only way to reopen voting after
 * a reveal).
 */
export const setVoting: CommandHandler<'setVoting'> = (cmd, ctx) => {
  const phase = readPhase(ctx.control);
  const current = readSettings(ctx.control);
  const allVotes = [...readAllVoteCounts(ctx.privateDoc).values()];
  const checked = checkVotingSettings(cmd, current, allVotes, { revealed: phase.revealed });
  if (!checked.ok) return checked;
  // One transaction per doc (nested), so each doc's changes persist and relay as one tagged update.
  ctx.transact(ctx.privateDoc, () =>
    ctx.transact(ctx.control, () => {
      if (cmd.resetVotes) resetVotes(ctx.control, ctx.privateDoc);
      writeSettings(ctx.control, { ...checked.value, blindOrigin: cmd.blindOrigin });
    }),
  );
  return { ok: true, value: { settings: readSettings(ctx.control), revealed: readPhase(ctx.control).revealed } };
};
