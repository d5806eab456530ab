import { Origins, type WebhookDelivery, writeWebhookDelivery } from '@throughline/shared';
import type * as Y from 'yjs';
import type { Store } from '../store/Store.ts';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, deliverWebhook } from './deliverWebhook.ts';
import type { WebhookRequest } from './postWebhook.ts';

/** The one thing the dispatcher needs from the room manager: hold a session's control doc while writing. */
export interface ControlDocAccess {
  with<T>(sessionId: string, docNames: string[], fn: (...rooms: { doc: Y.Doc }[]) => Promise<T> | T): Promise<T>;
}

/** Where deliveries are kept so they outlive the process. */
export type WebhookJobStore = Pick<Store, 'saveWebhookJob' | 'dropWebhookJob' | 'claimWebhookJobs'>;

export interface WebhookJob {
  sessionId: string;
  /** The log record, already written as `pending` by the command that asked for it. */
  delivery: WebhookDelivery;
  request: WebhookRequest;
  /** False for deliveries that are not the plan webhook's (chat posts): kept and retried alike, not written to the control doc's log. */
  logged?: boolean;
}

/** An instance renews the lease on each attempt; a crashed instance's deliveries are taken over after it runs out. */
const LEASE_MS = 5 * 60_000;

/**
 * Runs webhook deliveries in the background, after the command that asked
 * for them has answered, and keeps their log record in the control doc up to
 * date after every attempt (so the facilitator watches retries happen).
 *
 * Every delivery is kept in the store until it is delivered or has failed
 * for good. `close()` (shutdown) cuts off the attempts in progress but
 * leaves the deliveries pending and releases them; `resume()` (start-up, and
 * then every minute) takes over deliveries nobody is running and carries on
 * with the attempts they have left, the same request, id and signature.
 */
export class WebhookDispatcher {
  policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY };
  private readonly abort = new AbortController();
  private readonly running = new Set<Promise<void>>();
  /** Delivery ids running here, so a periodic claim never starts one twice. */
  private readonly active = new Map<string, WebhookJob>();
  private closed = false;

  constructor(
    private readonly rooms: ControlDocAccess,
    private readonly store: WebhookJobStore,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts a delivery; the returned promise settles when it is delivered, has failed for good, or the server stops. */
  start(job: WebhookJob): Promise<void> {
    return this.track(
      job,
      this.keep(job).then(() => this.run(job, 0)),
    );
  }

  /**
   * Stores a delivery and starts it in the background; resolves once it is
   * stored, so from then on a restart carries it on (`whenIdle` waits for it).
   */
  async enqueue(job: WebhookJob): Promise<void> {
    this.active.set(job.delivery.id, job);
    await this.keep(job);
    this.track(job, this.run(job, 0));
  }

  /** Resolves once every delivery running here has settled (tests). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Takes over the stored deliveries no running instance holds (after a restart or a crash). */
  async resume(): Promise<number> {
    if (this.closed || this.abort.signal.aborted) return 0;
    const now = Date.now();
    const claimed = await this.store.claimWebhookJobs(new Date(now).toISOString(), new Date(now + LEASE_MS).toISOString());
    let resumed = 0;
    for (const stored of claimed) {
      if (this.active.has(stored.id)) continue;
      const job = JSON.parse(stored.job) as WebhookJob;
      const done = job.delivery.attempts.length;
      const last = job.delivery.attempts.at(-1);
      // Wait what was left of the retry delay when the previous process stopped.
      const due = last ? Date.parse(last.at) + last.durationMs + (this.policy.retryDelaysMs[done - 1] ?? 0) : now;
      this.track(job, this.run(job, done, Math.max(0, due - now)));
      resumed++;
    }
    return resumed;
  }

  /** Deliveries not yet settled (for tests and shutdown). */
  get inFlight(): number {
    return this.running.size;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.running]);
    this.closed = true;
    // Still pending: hand them back at once, so the next start (or another instance) carries on.
    const released = new Date(0).toISOString();
    await Promise.allSettled(
      [...this.active.values()].map((job) => this.store.saveWebhookJob(job.delivery.id, job.sessionId, JSON.stringify(job), released)),
    );
    this.active.clear();
  }

  private track(job: WebhookJob, work: Promise<void>): Promise<void> {
    this.active.set(job.delivery.id, job);
    const p: Promise<void> = work.catch(this.onError).finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Runs the attempts left after `done` of them, starting after `waitMs`. */
  private async run(job: WebhookJob, done: number, waitMs = 0): Promise<void> {
    if (waitMs > 0) await abortableSleep(waitMs, this.abort.signal);
    if (this.abort.signal.aborted) return;
    const retryDelaysMs = this.policy.retryDelaysMs.slice(done);
    await deliverWebhook(job.request, {
      ...this.policy,
      retryDelaysMs,
      signal: this.abort.signal,
      onAttempt: async (attempt, willRetry) => {
        // Cut off by shutdown: not the receiver's fault, so not recorded; the delivery stays pending.
        if (this.abort.signal.aborted) return;
        const delivered = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
        job.delivery = {
          ...job.delivery,
          attempts: [...job.delivery.attempts, attempt],
          state: delivered ? 'delivered' : willRetry ? 'pending' : 'failed',
          finishedAt: delivered || !willRetry ? new Date().toISOString() : null,
        };
        if (job.logged !== false) await this.write(job.sessionId, job.delivery);
        if (willRetry) await this.keep(job);
        else {
          this.active.delete(job.delivery.id);
          await this.store.dropWebhookJob(job.delivery.id, job.sessionId);
        }
      },
    });
  }

  private keep(job: WebhookJob): Promise<void> {
    return this.store.saveWebhookJob(job.delivery.id, job.sessionId, JSON.stringify(job), new Date(Date.now() + LEASE_MS).toISOString());
  }

  private async write(sessionId: string, record: WebhookDelivery): Promise<void> {
    if (this.closed) return;
    await this.rooms.with(sessionId, ['control'], (control) => {
      control.doc.transact(() => writeWebhookDelivery(control.doc, record), Origins.command);
    });
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    t.unref();
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
