import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { WebhookDispatcher } from './WebhookDispatcher.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background webhook deliveries of every session, each logged in its session's control doc. */
    webhooks: WebhookDispatcher;
  }
}

/**
 * Decorates the app with `app.webhooks`, delivering to private addresses
 * only when `app.config.webhookAllowPrivate` says so. On close it cuts off
 * every delivery and records it as cancelled, which needs the rooms still
 * open: register it after the core services, so its hook runs before theirs.
 */
export const webhooksPlugin = fp(
  async (app: FastifyInstance) => {
    const webhooks = new WebhookDispatcher(app.rooms, (err) => app.log.error({ err }, 'webhook delivery failed unexpectedly'));
    webhooks.policy.allowPrivate = app.config.webhookAllowPrivate;
    app.decorate('webhooks', webhooks);
    app.addHook('onClose', () => webhooks.close());
  },
  { name: 'webhooks', fastify: '5.x', decorators: { fastify: ['config', 'rooms'] } },
);
