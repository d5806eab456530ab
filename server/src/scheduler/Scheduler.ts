import type { FastifyInstance } from 'fastify';
import type * as Y from 'yjs';
import type { CommandContext } from '../commands/CommandContext.ts';
import { runServerTask } from '../commands/runCommand.ts';

/** Where the server reads the time; tests pass a fake one to cross deadlines without waiting. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/**
 * Something the server does by itself at a time a session's documents
 * determine: move the phase at a deadline, send a reminder.
 */
export interface ScheduledTask {
  /** Also the audit log type when it acts. */
  name: string;
  /** Acts if due. Runs under the session's lock on fresh documents, so "if due" is decided once across instances. */
  run(ctx: CommandContext, now: number): Promise<{ acted: boolean; payload?: unknown }>;
  /** When this task must look at the session next (epoch ms), or null. */
  nextWake(docs: { control: Y.Doc; board: Y.Doc }, now: number): number | null;
}

/**
 * Runs scheduled tasks. Sessions with something ahead of them have a wake
 * time in the store (`session_wakes`); every `intervalMs` (and once on
 * start, to catch up after downtime) each instance takes the sessions due
 * and runs their tasks under the session lock. Several instances may pick
 * the same session: the lock serialises them and each task re-checks on
 * fresh documents, so whatever is due happens once.
 */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly written = new Map<string, string | null>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly app: FastifyInstance,
    readonly clock: Clock,
    private readonly intervalMs: number,
  ) {}

  add(task: ScheduledTask): void {
    this.tasks.push(task);
  }

  start(): void {
    if (this.timer || this.closed) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs every session due now; concurrent calls share one pass. Resolves when it is done. */
  tick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The earliest wake of any task for these documents. */
  wakeFor(docs: { control: Y.Doc; board: Y.Doc }, now: number): string | null {
    const times = this.tasks.map((t) => t.nextWake(docs, now)).filter((t): t is number => t !== null);
    return times.length > 0 ? new Date(Math.min(...times)).toISOString() : null;
  }

  /** Records a session's next wake after something that may move it (a command); writes only on change. */
  async reschedule(sessionId: string, docs: { control: Y.Doc; board: Y.Doc }): Promise<void> {
    const at = this.wakeFor(docs, this.clock.now());
    if (this.written.get(sessionId) === at) return;
    this.written.set(sessionId, at);
    await this.app.store.setWake(sessionId, at);
  }

  private async pass(): Promise<void> {
    const now = this.clock.now();
    const due = await this.app.store.dueWakes(new Date(now).toISOString(), 100).catch((err) => {
      this.app.log.warn({ err }, 'scheduler could not read due sessions');
      return [] as string[];
    });
    for (const sessionId of due) {
      if (this.closed) return;
      await this.runSession(sessionId, now).catch((err) => this.app.log.error({ err, sessionId }, 'scheduled task failed'));
    }
  }

  private async runSession(sessionId: string, now: number): Promise<void> {
    const session = await this.app.store.getSession(sessionId);
    if (!session) return this.app.store.setWake(sessionId, null);
    for (const task of this.tasks) {
      await runServerTask(this.app, session, task.name, async (ctx) => ({ ...(await task.run(ctx, now)), value: undefined }));
    }
    await runServerTask(this.app, session, 'reschedule', async (ctx) => {
      const at = this.wakeFor(ctx, this.clock.now());
      this.written.set(sessionId, at);
      await this.app.store.setWake(sessionId, at);
      return { acted: false, value: undefined };
    });
  }
}
