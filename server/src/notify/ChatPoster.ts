import type { FastifyBaseLogger } from 'fastify';
import { DEFAULT_DELIVERY_POLICY, deliverWebhook } from '../webhook/deliverWebhook.ts';

/**
 * Posts Slack-compatible `{ "text": … }` messages to a session's chat
 * webhook, in the background, through the plan webhook's delivery: the same
 * public-address guard (checked on the address actually connected to) and
 * the same retry policy. A chat post is a courtesy: a failure is logged and
 * nothing else waits for it.
 */
export class ChatPoster {
  private readonly abort = new AbortController();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly allowPrivate: boolean,
    private readonly log: FastifyBaseLogger,
  ) {}

  post(url: string, text: string): Promise<void> {
    const p: Promise<void> = deliverWebhook(
      { url, body: JSON.stringify({ text }), headers: { 'content-type': 'application/json' } },
      { ...DEFAULT_DELIVERY_POLICY, allowPrivate: this.allowPrivate, signal: this.abort.signal },
    )
      .then((out) => {
        if (out.state !== 'delivered')
          this.log.warn({ attempts: out.attempts.length, last: out.attempts.at(-1)?.error }, 'chat post failed');
      })
      .catch((err) => this.log.error({ err }, 'chat post failed unexpectedly'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Posts not yet settled (tests wait for them). */
  whenIdle(): Promise<unknown> {
    return Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.whenIdle();
  }
}
