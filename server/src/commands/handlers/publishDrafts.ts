import type { CommandHandler } from '../CommandContext.ts';
import { publishAllDrafts } from '../publishDrafts.ts';

/** The facilitator reveals everyone's private drafts on the board (private mode stays on for new notes). Only while the board is open. */
export const publishDrafts: CommandHandler<'publishDrafts'> = async (_cmd, ctx) => {
  const out = await publishAllDrafts(ctx);
  return { ok: true, value: { published: out.published, ...(out.failed > 0 ? { failed: out.failed } : {}) } };
};
