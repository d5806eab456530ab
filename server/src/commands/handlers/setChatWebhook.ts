import { ErrorCode, maskWebhookUrl, writeChatChannel } from '@throughline/shared';
import { writeChatTarget } from '../../webhook/chatTarget.ts';
import { type CommandHandler, refuse } from '../CommandContext.ts';
import { plainlyPrivateHost } from './setWebhook.ts';

/**
 * The facilitator sets or clears the chat webhook (Slack-compatible
 * `{ text }`). Same rule as the plan webhook: public addresses only unless
 * the operator allows private ones, checked again on every delivery.
 */
export const setChatWebhook: CommandHandler<'setChatWebhook'> = (cmd, ctx) => {
  const privateHost = cmd.url && !ctx.app.config.webhookAllowPrivate ? plainlyPrivateHost(cmd.url) : null;
  if (privateHost) {
    return refuse(
      400,
      ErrorCode.badRequest,
      `${privateHost} is not a public address; this server only posts to chat services on the internet`,
    );
  }
  const masked = cmd.url ? maskWebhookUrl(cmd.url) : null;
  ctx.transact(ctx.privateDoc, () => writeChatTarget(ctx.privateDoc, cmd.url));
  ctx.transact(ctx.control, () => writeChatChannel(ctx.control, masked));
  return { ok: true, value: { chatWebhookUrl: masked } };
};
