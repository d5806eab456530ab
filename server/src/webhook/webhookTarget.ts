import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';

/**
 * Where the webhook's full URL and signing secret live: the session's
 * server-only `private` doc (root `webhook`), never synced to any client.
 * The control doc's `settings.webhookUrl` holds only the masked form.
 */
export interface WebhookTarget {
  url: string;
  secret: string;
}

const map = (priv: Y.Doc) => priv.getMap<unknown>('webhook');

export function readWebhookTarget(priv: Y.Doc): WebhookTarget | null {
  const url = map(priv).get('url');
  const secret = map(priv).get('secret');
  return typeof url === 'string' && url && typeof secret === 'string' ? { url, secret } : null;
}

/** Sets or clears the target. Call inside a transaction. */
export function writeWebhookTarget(priv: Y.Doc, target: WebhookTarget | null): void {
  const m = map(priv);
  if (!target) {
    m.delete('url');
    m.delete('secret');
    return;
  }
  m.set('url', target.url);
  m.set('secret', target.secret);
}

/** A fresh signing secret, prefixed so it is recognisable when pasted into a receiver's config. */
export const createWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
