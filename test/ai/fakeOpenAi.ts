import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as the SDK sent it. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  at: number;
  /** Resolves when the client closes (or aborts) this request's connection. */
  closed: Promise<void>;
  isClosed(): boolean;
}

export type FakeHandler = (req: SeenRequest, res: ServerResponse, n: number) => void | Promise<void>;

export interface FakeOpenAi {
  /** Base URL for the SDK (`…/v1`). */
  baseUrl: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A minimal OpenAI-compatible server on 127.0.0.1:0 that speaks
 * `/v1/chat/completions` (JSON or SSE) the way the real API does, scripted
 * per test by `handler`. It records every request and notices when the
 * client hangs up, which is how tests see an upstream request aborted.
 */
export async function startFakeOpenAi(handler: FakeHandler): Promise<FakeOpenAi> {
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let closed = false;
    const closedP = new Promise<void>((r) =>
      res.on('close', () => {
        closed = true;
        r();
      }),
    );
    const seen: SeenRequest = {
      path: req.url ?? '',
      headers: req.headers,
      body: chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {},
      at: Date.now(),
      closed: closedP,
      isClosed: () => closed,
    };
    requests.push(seen);
    try {
      await handler(seen, res, requests.length);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  // Stop by itself even if a test forgets to close it.
  const guard = setTimeout(() => server.close(), 120_000);
  guard.unref();
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        clearTimeout(guard);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Starts an SSE chat-completion stream. */
export function beginStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
}

/** Sends one streamed content delta, as the OpenAI API frames it. */
export function sendDelta(res: ServerResponse, content: string): void {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  };
  res.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

export function endStream(res: ServerResponse): void {
  res.write('data: [DONE]\n\n');
  res.end();
}

/** Streams `text` in small pieces, ending the stream. */
export async function streamText(res: ServerResponse, text: string, piece = 17): Promise<void> {
  beginStream(res);
  for (let i = 0; i < text.length; i += piece) {
    sendDelta(res, text.slice(i, i + piece));
    await new Promise((r) => setImmediate(r));
  }
  endStream(res);
}

/** A non-streamed completion reply. */
export function sendCompletion(res: ServerResponse, content: string): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 0,
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    }),
  );
}

export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type: 'fake_error', code: null } }));
}

/** Idea lines as the prompt asks for them. */
export const ideaLines = (texts: string[], lens = 'analogy') => texts.map((text) => `${JSON.stringify({ text, lens })}\n`).join('');
