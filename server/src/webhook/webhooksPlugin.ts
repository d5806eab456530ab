import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { WebhookDispatcher } from './WebhookDispatcher.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background webhook deliveries of every session, each logged in its session's control doc. */
    webhooks: WebhookDispatcher;
  }
}

const RESUME_EVERY_MS = 60_000;

/**
 * Decorates the app with `app.webhooks`, delivering to private addresses
 * only when `app.config.webhookAllowPrivate` says so. On close it cuts off
 * the attempts in progress and leaves their deliveries pending in the store
 * for the next start, which needs the rooms and the store still open: register it after the core services, so its hook runs before theirs.
 */
export const webhooksPlugin = fp(
  async (app: FastifyInstance) => {
    const webhooks = new WebhookDispatcher(app.rooms, app.store, (err) => app.log.error({ err }, 'webhook delivery failed unexpectedly'));
    webhooks.policy.allowPrivate = app.config.webhookAllowPrivate;
    app.decorate('webhooks', webhooks);
    // Deliveries a previous run left pending carry on once the app is ready; on a shared database, every
    // minute too, taking over those of an instance that crashed (their lease ran out).
    const resume = () => webhooks.resume().catch((err) => app.log.warn({ err: String(err) }, 'could not resume webhook deliveries'));
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      void resume();
      if (!app.store.shared) return;
      timer = setInterval(resume, RESUME_EVERY_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await webhooks.close();
    });
  },
  { name: 'webhooks', fastify: '5.x', decorators: { fastify: ['config', 'rooms', 'store'] } },
);
