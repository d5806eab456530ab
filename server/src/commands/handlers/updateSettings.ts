import { isBoardWritable, readPhase, writeSettings } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { countDrafts, publishAllDrafts } from '../publishDrafts.ts';

/**
 * The facilitator turns private mode on or off and sets the AI anchoring
 * guard. Turning private mode off publishes the drafts while the board is
 * open; on a frozen board it only records the setting, and the drafts stay
 * private (`heldBack`) until the board reopens.
 */
export const updateSettings: CommandHandler<'updateSettings'> = async (cmd, ctx) => {
  const write = () =>
    ctx.transact(ctx.control, () => writeSettings(ctx.control, { privateMode: cmd.privateMode, aiMinOwnIdeas: cmd.aiMinOwnIdeas }));
  if (cmd.privateMode !== false) {
    write();
    return { ok: true, value: { published: 0 } };
  }
  if (!isBoardWritable(readPhase(ctx.control).current)) {
    write();
    return { ok: true, value: { published: 0, heldBack: await countDrafts(ctx) } };
  }
  const out = await publishAllDrafts(ctx);
  write();
  return { ok: true, value: { published: out.published, ...(out.failed > 0 ? { failed: out.failed } : {}) } };
};
