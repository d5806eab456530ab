import type * as Y from 'yjs';

/**
 * The outbound webhook's delivery log, in the `control` doc under the root
 * `webhookDeliveries` (delivery id → plain JSON record). Like the rest of
 * `control` it is written by the server only; every participant can read it,
 * so a record never holds the full URL (webhook URLs are often secrets) nor
 * the receiver's response body.
 */
export const WEBHOOK_LOG_ROOT = 'webhookDeliveries';

/** How many deliveries the log keeps; older ones are pruned on write. */
export const WEBHOOK_LOG_LIMIT = 20;

/** `chat.post` deliveries (a session's chat webhook) share the queue and retries but are not written to this log. */
export const WEBHOOK_EVENTS = ['plan.finalised', 'ping', 'chat.post'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** `pending` while attempts remain; `delivered` after a 2xx; `failed` once retries are spent or the error is final. */
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** One HTTP attempt. Exactly one of `status` (a response came back) or `error` (none did) is set. */
export interface WebhookAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  event: WebhookEvent;
  /** The URL with its secret parts masked (see `maskWebhookUrl`). */
  url: string;
  /** The plan revision posted, for `plan.finalised`. */
  revision: number | null;
  requestedBy: string;
  state: WebhookDeliveryState;
  attempts: WebhookAttempt[];
  createdAt: string;
  finishedAt: string | null;
}

export const webhookLogMap = (doc: Y.Doc) => doc.getMap<unknown>(WEBHOOK_LOG_ROOT);

const isDelivery = (v: unknown): v is WebhookDelivery =>
  !!v && typeof v === 'object' && typeof (v as WebhookDelivery).id === 'string' && Array.isArray((v as WebhookDelivery).attempts);

/** Deliveries, newest first. Malformed entries are skipped rather than breaking the panel. */
export function readWebhookLog(doc: Y.Doc): WebhookDelivery[] {
  return [...webhookLogMap(doc).values()]
    .filter(isDelivery)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * Inserts or replaces one delivery (records are replaced whole: only the
 * server writes them, so there is no concurrent field edit to merge), then
 * prunes the log to the newest `WEBHOOK_LOG_LIMIT`. Call inside a transaction.
 */
export function writeWebhookDelivery(doc: Y.Doc, d: WebhookDelivery): void {
  const m = webhookLogMap(doc);
  m.set(d.id, d);
  const all = readWebhookLog(doc);
  for (const old of all.slice(WEBHOOK_LOG_LIMIT)) m.delete(old.id);
}

/**
 * A URL as it may be shown to every participant: scheme, host and port, and
 * only the first path segment; the rest (where Slack, Teams and Zapier put
 * their secret) becomes `…`. Query, fragment and credentials are dropped.
 */
export function maskWebhookUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '(invalid URL)';
  }
  const segments = u.pathname.split('/').filter(Boolean);
  const first = segments[0] ? `/${segments[0]}` : '';
  const more = segments.length > 1 || u.search || u.hash ? '/…' : '';
  return `${u.protocol}//${u.host}${first}${more}`;
}
