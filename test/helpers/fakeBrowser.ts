import { EventEmitter } from 'node:events';
import WebSocket from 'ws';

/** Just enough of a browser for the client's BoardConnection to run in Node against the real server. */
export function fakeBrowser(host: string): void {
  const events = new EventEmitter();
  Object.assign(globalThis, {
    WebSocket,
    window: {
      addEventListener: (n: string, f: () => void) => events.on(n, f),
      removeEventListener: (n: string, f: () => void) => events.off(n, f),
    },
    location: { protocol: 'http:', host },
    localStorage: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
  });
  // Node 20 has no `navigator`; newer Nodes have one without `onLine`, which reads as "not known to be offline".
  if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: {} });
}
