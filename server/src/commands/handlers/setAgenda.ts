import { writeAgenda } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/** The facilitator replaces the agenda. No item is current until one is started; a running timer keeps running. */
export const setAgenda: CommandHandler<'setAgenda'> = (cmd, ctx) => {
  const items = cmd.items.map((i) => (i.label ? i : { phase: i.phase, minutes: i.minutes }));
  ctx.transact(ctx.control, () => writeAgenda(ctx.control, { items, current: null }));
  return { ok: true, value: { agenda: { items, current: null } } };
};
