import { isIP } from 'node:net';
import { ErrorCode, maskWebhookUrl, writeSettings } from '@throughline/shared';
import { isPublicAddress } from '../../webhook/isPublicAddress.ts';
import { createWebhookSecret, readWebhookTarget, writeWebhookTarget } from '../../webhook/webhookTarget.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * The host when it is plainly not public (an IP literal in a private range,
 * or localhost). Names are checked again at delivery, on the address the
 * socket actually connects to; this only gives the facilitator an answer now.
 */
export function plainlyPrivateHost(url: string): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  return isIP(host) && !isPublicAddress(host) ? host : null;
}

/**
 * The facilitator sets or clears the outbound webhook. The full URL and its
 * signing secret go to the private doc; everyone else sees the masked URL in
 * `settings.webhookUrl`. A new URL gets a new secret, in this reply only.
 * Re-entering the same URL keeps its secret (a configured receiver keeps
 * verifying) and does not show it again: the secret is shown once, and
 * `rotateWebhookSecret` is the way to a new one.
 */
export const setWebhook: CommandHandler<'setWebhook'> = (cmd, ctx) => {
  if (cmd.url === null) {
    ctx.transact(ctx.privateDoc, () => writeWebhookTarget(ctx.privateDoc, null));
    ctx.transact(ctx.control, () => writeSettings(ctx.control, { webhookUrl: null }));
    return { ok: true, value: { webhookUrl: null } };
  }
  const url = cmd.url;
  const privateHost = ctx.app.config.webhookAllowPrivate ? null : plainlyPrivateHost(url);
  if (privateHost) {
    return refuse(
      400,
      ErrorCode.badRequest,
      `${privateHost} is not a public address; this server only sends webhooks to the internet (its operator can set THROUGHLINE_WEBHOOK_ALLOW_PRIVATE=1)`,
    );
  }
  const previous = readWebhookTarget(ctx.privateDoc);
  const masked = maskWebhookUrl(url);
  if (previous?.url === url) return { ok: true, value: { webhookUrl: masked } };
  const secret = createWebhookSecret();
  ctx.transact(ctx.privateDoc, () => writeWebhookTarget(ctx.privateDoc, { url, secret }));
  ctx.transact(ctx.control, () => writeSettings(ctx.control, { webhookUrl: masked }));
  return { ok: true, value: { webhookUrl: masked, secret } };
};
