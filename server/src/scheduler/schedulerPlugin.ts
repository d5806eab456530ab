import fp from 'fastify-plugin';
import { autoAdvanceTask } from './autoAdvanceTask.ts';
import { type Clock, Scheduler, systemClock } from './Scheduler.ts';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

export interface SchedulerPluginOptions {
  clock?: Clock;
  /** How often each instance looks for due sessions. */
  intervalMs?: number;
}

/**
 * `app.scheduler`: deadlines and reminders. Starts once the app is ready
 * (its first pass catches up on whatever fell due while no server ran) and
 * stops in its own onClose, waiting for a pass in progress: registered after
 * the AI and webhooks plugins, it stops before them and before the rooms.
 * Other plugins add their tasks with `app.scheduler.add()`.
 */
export const schedulerPlugin = fp<SchedulerPluginOptions>(
  async (app, opts) => {
    const scheduler = new Scheduler(app, opts.clock ?? systemClock, opts.intervalMs ?? 15_000);
    scheduler.add(autoAdvanceTask);
    app.decorate('scheduler', scheduler);
    app.addHook('onReady', async () => scheduler.start());
    app.addHook('onClose', async () => scheduler.close());
  },
  { name: 'scheduler' },
);
