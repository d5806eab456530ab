import type { CommandHandler } from '../CommandContext.ts';
import { countDraftsByPerson } from '../publishDrafts.ts';

/** How many private notes each participant holds, for the facilitator's brainwriting panel. Counts only: never the text. */
export const draftCounts: CommandHandler<'draftCounts'> = async (_cmd, ctx) => {
  return { ok: true, value: { counts: await countDraftsByPerson(ctx) } };
};
