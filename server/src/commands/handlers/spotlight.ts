import { clustersMap, ErrorCode, ideasMap, writeSpotlight } from '@throughline/shared';
import * as Y from 'yjs';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/** The facilitator highlights one idea or cluster for everyone (the rest dims), or clears it with `null`. */
export const spotlight: CommandHandler<'spotlight'> = (cmd, ctx) => {
  if (cmd.target === null) {
    ctx.transact(ctx.control, () => writeSpotlight(ctx.control, null));
    return { ok: true, value: { spotlight: null } };
  }
  const kind =
    ideasMap(ctx.board).get(cmd.target) instanceof Y.Map
      ? 'idea'
      : clustersMap(ctx.board).get(cmd.target) instanceof Y.Map
        ? 'cluster'
        : null;
  if (!kind) return refuse(404, ErrorCode.notFound, 'there is no such idea or cluster on the board');
  const s = { target: cmd.target, kind, at: ctx.now().getTime(), by: ctx.identity.participantId } as const;
  ctx.transact(ctx.control, () => writeSpotlight(ctx.control, s));
  return { ok: true, value: { spotlight: s } };
};
