import { ErrorCode, maskWebhookUrl, randomId, type WebhookDelivery, writeWebhookDelivery } from '@throughline/shared';
import { buildWebhookRequest } from '../../webhook/webhookRequest.ts';
import { readWebhookTarget } from '../../webhook/webhookTarget.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/** The facilitator sends a `ping` to the webhook, logged like any delivery, to check the receiver before finalising. */
export const testWebhook: CommandHandler<'testWebhook'> = (_cmd, ctx) => {
  const target = readWebhookTarget(ctx.privateDoc);
  if (!target) return refuse(409, ErrorCode.conflict, 'set a webhook URL first');
  const now = ctx.now();
  const delivery: WebhookDelivery = {
    id: `whd_${randomId(12)}`,
    event: 'ping',
    url: maskWebhookUrl(target.url),
    revision: null,
    requestedBy: ctx.identity.name,
    state: 'pending',
    attempts: [],
    createdAt: now.toISOString(),
    finishedAt: null,
  };
  ctx.transact(ctx.control, () => writeWebhookDelivery(ctx.control, delivery));
  const body = JSON.stringify({ event: 'ping', sessionId: ctx.session.id, title: ctx.session.title, sentAt: now.toISOString() });
  ctx.app.webhooks.start({
    sessionId: ctx.session.id,
    delivery,
    request: buildWebhookRequest({ url: target.url, secret: target.secret, event: 'ping', deliveryId: delivery.id, body, now }),
  });
  return { ok: true, value: { deliveryId: delivery.id } };
};
