import { writeSettings } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';
import { requireFacilitator } from '../guards.ts';
import { publishAllDrafts } from '../publishDrafts.ts';

/** The facilitator turns private mode on or off and sets the AI anchoring guard. Turning private mode off publishes the drafts. */
export const updateSettings: CommandHandler<'updateSettings'> = async (cmd, ctx) => {
  const denied = requireFacilitator(ctx);
  if (denied) return denied;
  const published = cmd.privateMode === false ? await publishAllDrafts(ctx) : 0;
  ctx.transact(ctx.control, () => writeSettings(ctx.control, { privateMode: cmd.privateMode, aiMinOwnIdeas: cmd.aiMinOwnIdeas }));
  return { ok: true, value: { published } };
};
