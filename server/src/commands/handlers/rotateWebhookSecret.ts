import { ErrorCode, maskWebhookUrl } from '@throughline/shared';
import { createWebhookSecret, readWebhookTarget, writeWebhookTarget } from '../../webhook/webhookTarget.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/** The facilitator replaces the webhook's signing secret; the new one is in this reply and nowhere else. */
export const rotateWebhookSecret: CommandHandler<'rotateWebhookSecret'> = (_cmd, ctx) => {
  const target = readWebhookTarget(ctx.privateDoc);
  if (!target) return refuse(409, ErrorCode.conflict, 'set a webhook URL first');
  const secret = createWebhookSecret();
  ctx.transact(ctx.privateDoc, () => writeWebhookTarget(ctx.privateDoc, { url: target.url, secret }));
  return { ok: true, value: { webhookUrl: maskWebhookUrl(target.url), secret } };
};
