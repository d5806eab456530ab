import { MessageType } from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';

// Each Node WebsocketProvider registers a process exit hook; tests open many.
process.setMaxListeners(0);

import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface Peer {
  doc: Y.Doc;
  /** The note author fields of the token's identity: the server refuses notes under anyone else's name. */
  author: { authorId: string; authorName: string };
  provider: WebsocketProvider;
  /** Latest acknowledgement: writes counted durable, and the persisted state vector. */
  acked: { received: number; stateVector: Map<number, number> } | null;
  /** Reasons the server gave for refusing our updates. */
  denials: string[];
  /** Latest Throughline status flags from the server (`MessageType.status`; ack clients only). */
  status: number;
  /** Close codes seen on the socket. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/**
 * A stock y-websocket `WebsocketProvider` in Node, optionally asking for
 * Throughline acknowledgements (`ack=1`), which it reads through the
 * provider's public `messageHandlers` extension point.
 */
export function connectDoc(
  wsUrl: string,
  sessionId: string,
  docName: string,
  token: string,
  opts: { ack?: boolean; doc?: Y.Doc; provider?: { maxBackoffTime?: number; shouldReconnect?: () => boolean } } = {},
): Peer {
  const doc = opts.doc ?? new Y.Doc();
  const params: Record<string, string> = { token };
  if (opts.ack) params.ack = '1';
  const provider = new WebsocketProvider(`${wsUrl}/sync/${sessionId}`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: 500,
    ...opts.provider,
  });
  const peer: Peer = {
    doc,
    author: authorOf(token),
    provider,
    acked: null,
    denials: [],
    status: 0,
    closes: [],
    destroy: () => {
      provider.destroy();
    },
  };
  if (opts.ack) {
    provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      const received = decoding.readVarUint(decoder);
      const sv = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      peer.acked = { received, stateVector: sv };
    };
    provider.messageHandlers[MessageType.status] = (_encoder, decoder) => {
      peer.status = decoding.readVarUint(decoder);
    };
  }
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    decoding.readVarUint(decoder); // permission-denied subtype
    peer.denials.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) peer.closes.push({ code: event.code, reason: event.reason });
  });
  return peer;
}

/** Resolves once `cond()` holds, polling; rejects after `timeoutMs` with `what`. */
export async function waitFor(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const waitSynced = (p: Peer) => waitFor(() => p.provider.synced, 'sync');

/** True once every local change of `peer` is covered by the server's acknowledgement. */
export function isSaved(peer: Peer): boolean {
  if (!peer.acked) return false;
  const local = Y.decodeStateVector(Y.encodeStateVector(peer.doc));
  for (const [client, clock] of local) if ((peer.acked.stateVector.get(client) ?? 0) < clock) return false;
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The identity a token names (its payload is readable by design; only the signature is secret). */
export function authorOf(token: string): { authorId: string; authorName: string } {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { pid?: string; name?: string };
    return { authorId: payload.pid ?? '', authorName: payload.name ?? '' };
  } catch {
    return { authorId: '', authorName: '' };
  }
}
