import { ErrorCode, maskWebhookUrl, randomId, type WebhookDelivery, writeFinalisation, writeWebhookDelivery } from '@throughline/shared';
import { readPlanExport } from '../../export/readPlanExport.ts';
import { buildWebhookRequest } from '../../webhook/webhookRequest.ts';
import { readWebhookTarget } from '../../webhook/webhookTarget.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';

/**
 * The facilitator finalises the plan (docs/decisions/0601): a new published
 * revision, stamped in the control doc, and — when a webhook is set — the
 * JSON plan POSTed to it in the background. Intentions do not block
 * finalising (the export marks them); a plan with no step at all does.
 */
export const finalisePlan: CommandHandler<'finalisePlan'> = async (_cmd, ctx) => {
  const now = ctx.now();
  const source = { sessionId: ctx.session.id, createdAt: ctx.session.createdAt, board: ctx.board, control: ctx.control, now };
  const draft = readPlanExport(source);
  if (!draft) return refuse(409, ErrorCode.conflict, 'this session has no brief to plan against');
  if (draft.totals.steps === 0) return refuse(409, ErrorCode.conflict, 'add at least one next step before finalising the plan');

  const target = readWebhookTarget(ctx.privateDoc);
  let revision = 0;
  let delivery: WebhookDelivery | null = null;
  let body = '';
  ctx.transact(ctx.control, () => {
    revision = writeFinalisation(ctx.control, now.toISOString(), { id: ctx.identity.participantId, name: ctx.identity.name }).revision;
    if (!target) return;
    // Read after stamping, so the payload names the revision it announces.
    body = JSON.stringify(readPlanExport(source));
    delivery = {
      id: `whd_${randomId(12)}`,
      event: 'plan.finalised',
      url: maskWebhookUrl(target.url),
      revision,
      requestedBy: ctx.identity.name,
      state: 'pending',
      attempts: [],
      createdAt: now.toISOString(),
      finishedAt: null,
    };
    writeWebhookDelivery(ctx.control, delivery);
  });
  const pending = delivery as WebhookDelivery | null;
  if (target && pending) {
    ctx.app.webhooks.start({
      sessionId: ctx.session.id,
      delivery: pending,
      request: buildWebhookRequest({ url: target.url, secret: target.secret, event: 'plan.finalised', deliveryId: pending.id, body, now }),
    });
  }
  await ctx.app.sessionEvents.emit('planFinalised', { sessionId: ctx.session.id, revision, at: now.toISOString() });
  return {
    ok: true,
    value: {
      revision,
      finalisedAt: now.toISOString(),
      steps: draft.totals.steps,
      intentions: draft.totals.intentions,
      gaps: draft.gaps.length,
      deliveryId: pending?.id ?? null,
    },
  };
};
