import { readPhase, writeReady } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/**
 * A participant says they are done with the current phase (or takes it
 * back). A phase change clears every entry.
 */
export const setReady: CommandHandler<'setReady'> = (cmd, ctx) => {
  const phase = readPhase(ctx.control).current;
  ctx.transact(ctx.control, () => writeReady(ctx.control, ctx.identity.participantId, cmd.ready ? phase : null));
  return { ok: true, value: { ready: cmd.ready, phase } };
};
