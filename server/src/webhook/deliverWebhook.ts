import type { WebhookAttempt } from '@throughline/shared';
import { PrivateTargetError, postWebhook, type WebhookRequest } from './postWebhook.ts';

export interface DeliveryPolicy {
  /** Each attempt is abandoned after this long (connect + response headers). */
  timeoutMs: number;
  /** Waits before the 2nd, 3rd, … attempt; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  /** A receiver's `Retry-After` is honoured up to this long. */
  maxRetryAfterMs: number;
  /** Whether targets on loopback and private networks may be called (off unless the operator says so). */
  allowPrivate: boolean;
}

/** Four attempts over about 40 s: long enough to ride out a deploy, short enough to show a verdict while the facilitator is still there. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  timeoutMs: 10_000,
  retryDelaysMs: [2_000, 8_000, 30_000],
  maxRetryAfterMs: 60_000,
  allowPrivate: false,
};

export interface DeliverOptions extends DeliveryPolicy {
  /** Aborts the delivery (server shutdown): no further attempts, the current one is cut off. */
  signal?: AbortSignal;
  /** Called after every attempt, e.g. to update the delivery log. */
  onAttempt?: (attempt: WebhookAttempt, willRetry: boolean) => void | Promise<void>;
}

export interface DeliveryOutcome {
  state: 'delivered' | 'failed';
  attempts: WebhookAttempt[];
}

/** Worth another try: the receiver is busy, down or slow, not refusing this request. */
const retryableStatus = (s: number) => s === 408 || s === 425 || s === 429 || s >= 500;

/** `Retry-After` as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A short, log-safe reason for a request that got no response. */
function describeFailure(err: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  if (err instanceof PrivateTargetError) return `refused: ${err.message} (THROUGHLINE_WEBHOOK_ALLOW_PRIVATE=1 allows it)`.slice(0, 200);
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string') return `network error: ${code}`;
  const msg = err instanceof Error ? err.message : String(err);
  return `network error: ${msg}`.slice(0, 200);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    // A pending retry must not keep a stopping process alive; a running server stays up anyway.
    t.unref();
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * POSTs `req` until a 2xx, a final refusal, or the retries run out.
 * Redirects are not followed (a 3xx is a final failure): a webhook that
 * moved should be re-entered by the facilitator, not chased by the server.
 * Never throws; every attempt is reported, with its status or its error.
 */
export async function deliverWebhook(req: WebhookRequest, opts: DeliverOptions): Promise<DeliveryOutcome> {
  const attempts: WebhookAttempt[] = [];
  for (let n = 0; ; n++) {
    if (opts.signal?.aborted) {
      const a = { at: new Date().toISOString(), status: null, error: 'cancelled: the server is shutting down', durationMs: 0 };
      attempts.push(a);
      await opts.onAttempt?.(a, false);
      return { state: 'failed', attempts };
    }
    const started = Date.now();
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let status: number | null = null;
    let error: string | null = null;
    let retryAfter: number | null = null;
    let refused = false;
    try {
      const res = await postWebhook(req, { signal, allowPrivate: opts.allowPrivate });
      status = res.status;
      retryAfter = parseRetryAfter(res.retryAfter);
    } catch (err) {
      refused = err instanceof PrivateTargetError;
      error = opts.signal?.aborted ? 'cancelled: the server is shutting down' : describeFailure(err, timeout.aborted, opts.timeoutMs);
    }
    const attempt: WebhookAttempt = { at: new Date(started).toISOString(), status, error, durationMs: Date.now() - started };
    attempts.push(attempt);
    const delivered = status !== null && status >= 200 && status < 300;
    const retryable = !delivered && !refused && !opts.signal?.aborted && (status === null || retryableStatus(status));
    const willRetry = retryable && n < opts.retryDelaysMs.length;
    await opts.onAttempt?.(attempt, willRetry);
    if (delivered) return { state: 'delivered', attempts };
    if (!willRetry) return { state: 'failed', attempts };
    const scheduled = opts.retryDelaysMs[n] ?? 0;
    await sleep(retryAfter === null ? scheduled : Math.min(retryAfter, opts.maxRetryAfterMs), opts.signal);
  }
}
