import { randomId } from '@throughline/shared';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../scheduler/Scheduler.ts';
import type { OutboxMail, Store } from '../store/Store.ts';

/** Waits before the 2nd, 3rd, … attempt; after the last the mail is marked failed. */
export const MAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
/** A claimed mail is someone's for this long; a claimer that died lets it go after it. */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export interface OutboxOptions {
  store: Store;
  clock: Clock;
  smtpUrl: string;
  from: string;
  intervalMs: number;
  log: FastifyBaseLogger;
}

/**
 * Sends the mail queued in the store. Queueing is durable and idempotent
 * (a dedupe key per notice and person), so a restart loses nothing and two
 * instances queueing the same notice queue it once. Sending claims a batch
 * under a lease (PostgreSQL: `SKIP LOCKED`), sends each through nodemailer
 * and records the outcome; a failed attempt is retried on the schedule
 * above. The one gap SMTP leaves — the server dies after the relay took a
 * mail and before it is marked sent — resends that one mail after the lease.
 */
export class MailOutbox {
  private readonly transport: Transporter;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private closed = false;
  private again = false;

  constructor(private readonly opts: OutboxOptions) {
    this.transport = nodemailer.createTransport(opts.smtpUrl);
  }

  /** Queues a mail (no-op when its dedupe key was queued before) and wakes the sender. */
  async enqueue(m: Pick<OutboxMail, 'sessionId' | 'dedupeKey' | 'to' | 'subject' | 'text' | 'html' | 'headers'>): Promise<void> {
    const now = new Date(this.opts.clock.now()).toISOString();
    await this.opts.store.enqueueMail({
      ...m,
      id: `mail_${randomId(16)}`,
      state: 'queued',
      attempts: 0,
      nextAt: now,
      lastError: null,
      createdAt: now,
    });
    queueMicrotask(() => void this.flush());
  }

  start(): void {
    if (this.timer || this.closed) return;
    void this.flush();
    this.timer = setInterval(() => void this.flush(), this.opts.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }

  /**
   * Sends everything due now. One pass at a time; a call during a pass
   * asks for another right after it (mail queued meanwhile is not missed),
   * and resolves when that is done. Resolves with the number sent.
   */
  flush(): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let sent = 0;
      do {
        this.again = false;
        sent += await this.pass();
      } while (this.again && !this.closed);
      return sent;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.opts.clock.now();
      const batch = await this.opts.store
        .claimMail(new Date(now).toISOString(), new Date(now + LEASE_MS).toISOString(), BATCH)
        .catch((err) => {
          this.opts.log.warn({ err }, 'could not read the mail outbox');
          return [] as OutboxMail[];
        });
      for (const m of batch) if (await this.send(m)) sent++;
      if (batch.length < BATCH || this.closed) return sent;
    }
  }

  private async send(m: OutboxMail): Promise<boolean> {
    const attempts = m.attempts + 1;
    try {
      await this.transport.sendMail({ from: this.opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
      await this.opts.store.settleMail(m.id, { state: 'sent', attempts, nextAt: m.nextAt, lastError: null });
      return true;
    } catch (err) {
      const delay = MAIL_RETRY_DELAYS_MS[attempts - 1];
      const lastError = String((err as Error)?.message ?? err).slice(0, 300);
      this.opts.log.warn({ mail: m.id, attempts, err: lastError }, delay ? 'mail attempt failed; will retry' : 'mail failed for good');
      await this.opts.store
        .settleMail(m.id, {
          state: delay ? 'queued' : 'failed',
          attempts,
          nextAt: new Date(this.opts.clock.now() + (delay ?? 0)).toISOString(),
          lastError,
        })
        .catch((e) => this.opts.log.error({ err: e }, 'could not record a mail attempt'));
      return false;
    }
  }
}
