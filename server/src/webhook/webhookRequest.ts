import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookEvent } from '@throughline/shared';
import type { WebhookRequest } from './postWebhook.ts';

export const SIGNATURE_HEADER = 'x-throughline-signature';
export const TIMESTAMP_HEADER = 'x-throughline-timestamp';

const sign = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * The HTTP request for one delivery. The signature covers the timestamp and
 * the exact body bytes (`HMAC-SHA256(secret, "<timestamp>.<body>")`), so a
 * receiver can reject forged posts and replays of old ones. Retries resend
 * the same request: same delivery id, timestamp and signature.
 */
export function buildWebhookRequest(o: {
  url: string;
  secret: string;
  event: WebhookEvent;
  deliveryId: string;
  body: string;
  now: Date;
}): WebhookRequest {
  const timestamp = String(Math.floor(o.now.getTime() / 1000));
  return {
    url: o.url,
    body: o.body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Throughline-Webhook/1',
      'x-throughline-event': o.event,
      'x-throughline-delivery': o.deliveryId,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: sign(o.secret, timestamp, o.body),
    },
  };
}

/** What a receiver runs: true when the signature matches this secret, body and timestamp. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
