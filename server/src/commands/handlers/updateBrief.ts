import { ErrorCode, parseBrief, writeBrief } from '@throughline/shared';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/** The facilitator edits the brief. Criterion and initiative ids sent back are kept, so votes and steps still point at them. */
export const updateBrief: CommandHandler<'updateBrief'> = (cmd, ctx) => {
  const parsed = parseBrief(cmd.brief);
  if (!parsed.ok) return refuse(400, ErrorCode.invalidBrief, parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  ctx.transact(ctx.control, () => writeBrief(ctx.control, parsed.value));
  return { ok: true, value: { brief: parsed.value } };
};
