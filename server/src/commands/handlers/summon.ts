import { randomId, writeSummon } from '@throughline/shared';
import type { CommandHandler } from '../CommandContext.ts';

/** The facilitator brings every client to their view. Each summon has a fresh id: clients move when it changes. */
export const summon: CommandHandler<'summon'> = (cmd, ctx) => {
  const s = { id: randomId(10), camera: cmd.camera, at: ctx.now().getTime(), by: ctx.identity.participantId, byName: ctx.identity.name };
  ctx.transact(ctx.control, () => writeSummon(ctx.control, s));
  return { ok: true, value: { summon: s } };
};
