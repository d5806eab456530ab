import { ErrorCode, readPhase, writeReady } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * A participant says they are done with the current phase (or takes it
 * back). Only participants: the facilitator runs the room rather than
 * counting in it, and viewers watch. A phase change clears every entry.
 */
export const setReady: CommandHandler<'setReady'> = (cmd, ctx) => {
  if (ctx.identity.role !== 'participant') {
    return refuse(403, ErrorCode.forbidden, 'only participants say they are done; the facilitator sees who is');
  }
  const phase = readPhase(ctx.control).current;
  ctx.transact(ctx.control, () => writeReady(ctx.control, ctx.identity.participantId, cmd.ready ? phase : null));
  return { ok: true, value: { ready: cmd.ready, phase } };
};
