import WebSocket from 'ws';

export interface RawSocket {
  ws: WebSocket;
  /** Binary frames received, in order. */
  received: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array | string): void;
}

/** A bare WebSocket for sending hand-made (or broken) frames. */
export function rawSocket(url: string): RawSocket {
  const ws = new WebSocket(url);
  const received: Uint8Array[] = [];
  ws.on('message', (d: Buffer) => received.push(new Uint8Array(d)));
  ws.on('error', () => {});
  return {
    ws,
    received,
    opened: new Promise((r, f) => {
      ws.once('open', () => r());
      ws.once('close', (code) => f(new Error(`closed ${code} before open`)));
    }),
    closed: new Promise((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() }))),
    send(frame) {
      if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    },
  };
}
