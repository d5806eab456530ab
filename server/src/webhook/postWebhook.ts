import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './isPublicAddress.ts';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** The receiver's answer to one POST: its status and `Retry-After`, nothing of the body. */
export interface WebhookResponse {
  status: number;
  retryAfter: string | null;
}

/** The target is (or resolves to) a private, local or reserved address, which this server may not call. */
export class PrivateTargetError extends Error {
  readonly code = 'ETHROUGHLINE_PRIVATE_TARGET';
  constructor(host: string, address: string) {
    super(host === address ? `${host} is not a public address` : `${host} resolves to ${address}, which is not a public address`);
  }
}

/**
 * A DNS lookup that refuses hosts with any non-public address. It runs as
 * the socket's own lookup, so the address checked is the address connected
 * to: a name cannot pass the check and then re-resolve somewhere private.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new PrivateTargetError(hostname, refused.address), '', 0);
    const first = addresses[0] as LookupAddress;
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  });
};

/**
 * POSTs one webhook request and resolves with the status once the response
 * headers arrive; the body is drained, never read. Redirects are not
 * followed. Unless `allowPrivate`, only public addresses are reached.
 * Rejects on network errors, on `signal`, and with `PrivateTargetError`.
 */
export function postWebhook(req: WebhookRequest, opts: { signal: AbortSignal; allowPrivate: boolean }): Promise<WebhookResponse> {
  const url = new URL(req.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP literal never goes through the lookup, so it is checked here.
  if (!opts.allowPrivate && isIP(host) && !isPublicAddress(host)) return Promise.reject(new PrivateTargetError(host, host));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
        signal: opts.signal,
        // A fresh connection every time: a pooled socket would skip the lookup below.
        agent: false,
        ...(opts.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        // Receivers may echo secrets, so the body is not kept; draining frees the connection.
        res.resume();
        const retryAfter = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
