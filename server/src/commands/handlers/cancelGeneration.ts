import { ErrorCode, readAiRequest } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/** Stops a running generation (the upstream request is aborted). Ideas already written stay on the board. */
export const cancelGeneration: CommandHandler<'cancelGeneration'> = async (cmd, ctx) => {
  const record = readAiRequest(ctx.board, cmd.requestId);
  if (!record) return refuse(404, ErrorCode.notFound, 'no such AI request');
  if (record.requestedBy !== ctx.identity.participantId && ctx.identity.role !== 'facilitator') {
    return refuse(403, ErrorCode.forbidden, 'only the person who asked (or the facilitator) can cancel this');
  }
  const outcome = await ctx.app.ai.cancel(ctx.session.id, cmd.requestId, ctx.identity);
  if (outcome === 'forbidden') return refuse(403, ErrorCode.forbidden, 'only the person who asked (or the facilitator) can cancel this');
  const now = readAiRequest(ctx.board, cmd.requestId);
  return { ok: true, value: { requestId: cmd.requestId, status: now?.status ?? record.status, count: now?.count ?? record.count } };
};
