import { Origins, type WebhookDelivery, writeWebhookDelivery } from '@throughline/shared';
import type * as Y from 'yjs';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, deliverWebhook } from './deliverWebhook.ts';
import type { WebhookRequest } from './postWebhook.ts';

/** The one thing the dispatcher needs from the room manager: hold a session's control doc while writing. */
export interface ControlDocAccess {
  with<T>(sessionId: string, docNames: string[], fn: (...rooms: { doc: Y.Doc }[]) => Promise<T> | T): Promise<T>;
}

export interface WebhookJob {
  sessionId: string;
  /** The log record, already written as `pending` by the command that asked for it. */
  delivery: WebhookDelivery;
  request: WebhookRequest;
}

/**
 * Runs webhook deliveries in the background, after the command that asked
 * for them has answered, and keeps their log record in the control doc up to
 * date after every attempt (so the facilitator watches retries happen).
 * `close()` cuts off every delivery, records it as cancelled and waits.
 */
export class WebhookDispatcher {
  policy: DeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY };
  private readonly abort = new AbortController();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly rooms: ControlDocAccess,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts a delivery; the returned promise settles when it is delivered or has failed for good. */
  start(job: WebhookJob): Promise<void> {
    const p: Promise<void> = this.run(job)
      .catch(this.onError)
      .finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Deliveries not yet settled (for tests and shutdown). */
  get inFlight(): number {
    return this.running.size;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.running]);
    this.closed = true;
  }

  private async run(job: WebhookJob): Promise<void> {
    let record = job.delivery;
    await deliverWebhook(job.request, {
      ...this.policy,
      signal: this.abort.signal,
      onAttempt: async (attempt, willRetry) => {
        const delivered = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
        record = {
          ...record,
          attempts: [...record.attempts, attempt],
          state: delivered ? 'delivered' : willRetry ? 'pending' : 'failed',
          finishedAt: delivered || !willRetry ? new Date().toISOString() : null,
        };
        await this.write(job.sessionId, record);
      },
    });
  }

  private async write(sessionId: string, record: WebhookDelivery): Promise<void> {
    if (this.closed) return;
    await this.rooms.with(sessionId, ['control'], (control) => {
      control.doc.transact(() => writeWebhookDelivery(control.doc, record), Origins.command);
    });
  }
}
