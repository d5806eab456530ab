import { maskWebhookUrl, writeSettings } from '@throughline/shared';
import { createWebhookSecret, readWebhookTarget, writeWebhookTarget } from '../../webhook/webhookTarget.ts';
import type { CommandHandler } from '../CommandContext.ts';
import { requireFacilitator } from '../guards.ts';

/**
 * The facilitator sets or clears the outbound webhook. The full URL and its
 * signing secret go to the private doc; everyone else sees the masked URL in
 * `settings.webhookUrl`. Re-entering the same URL keeps its secret, so a
 * receiver already configured keeps verifying; a new URL gets a new secret.
 */
export const setWebhook: CommandHandler<'setWebhook'> = (cmd, ctx) => {
  const denied = requireFacilitator(ctx);
  if (denied) return denied;
  if (cmd.url === null) {
    ctx.transact(ctx.privateDoc, () => writeWebhookTarget(ctx.privateDoc, null));
    ctx.transact(ctx.control, () => writeSettings(ctx.control, { webhookUrl: null }));
    return { ok: true, value: { webhookUrl: null } };
  }
  const url = cmd.url;
  const previous = readWebhookTarget(ctx.privateDoc);
  const secret = previous?.url === url ? previous.secret : createWebhookSecret();
  const masked = maskWebhookUrl(url);
  ctx.transact(ctx.privateDoc, () => writeWebhookTarget(ctx.privateDoc, { url, secret }));
  ctx.transact(ctx.control, () => writeSettings(ctx.control, { webhookUrl: masked }));
  return { ok: true, value: { webhookUrl: masked, secret } };
};
