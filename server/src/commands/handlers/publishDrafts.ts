import type { CommandHandler } from '../CommandContext.ts';
import { requireFacilitator, requirePhase } from '../guards.ts';
import { publishAllDrafts } from '../publishDrafts.ts';

/** The facilitator reveals everyone's private drafts on the board (private mode stays on for new notes). */
export const publishDrafts: CommandHandler<'publishDrafts'> = async (_cmd, ctx) => {
  const denied = requireFacilitator(ctx) ?? requirePhase(ctx, 'explore');
  if (denied) return denied;
  return { ok: true, value: { published: await publishAllDrafts(ctx) } };
};
