import { connect, createServer, type Socket } from 'node:net';

export interface FailoverProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * A minimal load balancer: a TCP proxy that polls each backend's
 * `/api/health/ready` and sends every new connection to the first backend
 * that is ready, as an operator's proxy would. Connections already open stay
 * with their backend until it closes them.
 */
export async function startFailoverProxy(backends: string[], pollMs = 100): Promise<FailoverProxy> {
  const ready = new Map<string, boolean>();
  const sockets = new Set<Socket>();
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      await Promise.all(
        backends.map(async (b) => {
          const ok = await fetch(`${b}/api/health/ready`, { signal: AbortSignal.timeout(1000) }).then(
            (r) => r.ok,
            () => false,
          );
          ready.set(b, ok);
        }),
      );
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
  const polling = poll();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const target = backends.find((b) => ready.get(b));
    if (!target) {
      client.destroy();
      return;
    }
    const { hostname, port } = new URL(target);
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    async close() {
      stopped = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
      await polling;
    },
  };
}
