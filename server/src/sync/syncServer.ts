import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  ACK_PARAM,
  CloseCode,
  type Comment,
  colorFor,
  type Identity,
  isBoardWritable,
  parseDocName,
  readPhase,
  restoreOrphanedComments,
  retryAfterReason,
  STATUS_RELAY_DEGRADED,
} from '@throughline/shared';
import { WebSocket, WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { TokenSigner } from '../auth/tokenSigner.ts';
import type { SyncMetrics } from '../metrics/Metrics.ts';
import type { Store } from '../store/Store.ts';
import { contentPolicyFor } from './contentPolicy.ts';
import { isFreshSyncStep1, statusFrame } from './messages.ts';
import type { Room } from './Room.ts';
import type { RoomManager } from './RoomManager.ts';
import { type ConnectionLimits, SyncConnection, type WritePolicy } from './SyncConnection.ts';
import { type WriteBudgetLimits, WriteBudgets } from './WriteBudgets.ts';

/** How long a socket refused before joining stays open, unread, so its peer reads the close frame before the reset. */
const REFUSED_LINGER_MS = 500;

export interface SyncServerOptions {
  store: Store;
  tokens: TokenSigner;
  rooms: RoomManager;
  limits: ConnectionLimits & { maxPayloadBytes: number; maxConnectionsPerParticipant: number; writeBudget: WriteBudgetLimits };
  /** How often every socket is pinged; one that has not answered the previous ping by then is closed. */
  pingIntervalMs: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  metrics?: SyncMetrics;
  hooks?: SyncHooks;
}

/** What the rest of the server hears from sync: who left a document, and comments clients wrote. */
export interface SyncHooks {
  /** A client's socket on `docName` closed; `doc` is what it had been served. Called synchronously. */
  onLeave?(identity: Identity, docName: string, doc: Y.Doc): void;
  /** A client's update to the comments doc was accepted and applied. */
  onCommentsApplied?(identity: Identity, doc: Y.Doc, update: Uint8Array, restored: { threadKey: string; comment: Comment }[]): void;
}

const SYNC_PATH = /^\/sync\/([^/]+)\/([^/?]+)$/;

/**
 * The `/sync/<sessionId>/<doc>` endpoint. Authentication and authorisation
 * happen before the socket joins a room, so a refused client never receives
 * a byte of any document: it gets a close code (4401/4403/4404) and a reason.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly perParticipant = new Map<string, number>();
  private readonly budgets: WriteBudgets;
  private readonly connections = new Set<SyncConnection>();
  /** Sockets pinged and not yet answered. */
  private readonly unanswered = new Set<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  private draining = false;
  private readonly emptyWaiters = new Set<() => void>();
  /** `MessageType.status` flags every opted-in client is told about. */
  private statusFlags = 0;

  constructor(private readonly opts: SyncServerOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.limits.maxPayloadBytes });
    this.budgets = new WriteBudgets(opts.limits.writeBudget);
    this.heartbeat = setInterval(() => this.ping(), opts.pingIntervalMs);
    this.heartbeat.unref();
  }

  /**
   * A socket whose peer vanished (laptop lid, dead NAT entry) never closes
   * by itself: it would keep its room loaded, its cursor on everyone's
   * screen and a slot of its participant's connection cap. Every interval,
   * a socket that has not answered the previous ping is terminated (which
   * runs the normal close path), and the rest are pinged again: a dead
   * socket goes within two intervals.
   */
  private ping(): void {
    this.budgets.prune();
    for (const ws of this.wss.clients) {
      if (this.unanswered.has(ws)) {
        this.unanswered.delete(ws);
        ws.terminate();
        continue;
      }
      this.unanswered.add(ws);
      ws.ping();
    }
  }

  /**
   * Handles an HTTP upgrade; returns false if the path is not ours. Runs
   * before any authentication, on bytes anyone can send: nothing in here may
   * throw (an exception in an 'upgrade' listener takes the process down).
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const target = parseSyncTarget(req.url);
    if (target === 'not-ours') return false;
    if (target === 'bad') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return true;
    }
    if (this.draining || this.closing) {
      // Draining: the client's reconnect goes to another instance.
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.accept(ws, target.sessionId, target.docName, target.params).catch((err) => {
        this.opts.log.error({ err: String(err) }, 'sync connection failed');
        ws.close(CloseCode.serviceRestart, 'server error');
      });
    });
    return true;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** True once the server has begun draining: no new sockets, readiness fails. */
  get isDraining(): boolean {
    return this.draining || this.closing;
  }

  /**
   * Stops accepting sockets (upgrades get 503) and resolves when every open
   * socket has gone or after `graceMs`, whichever comes first. Open sockets
   * keep syncing meanwhile, so a load balancer has time to see readiness fail.
   */
  drain(graceMs: number): Promise<void> {
    this.draining = true;
    if (this.connections.size === 0 || graceMs <= 0) return Promise.resolve();
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.emptyWaiters.delete(finish);
        done();
      };
      const timer = setTimeout(finish, graceMs);
      this.emptyWaiters.add(finish);
    });
  }

  /** Tells opted-in clients whether the live relay to other instances works (a notice in their header). */
  setRelayDegraded(degraded: boolean): void {
    const flags = degraded ? this.statusFlags | STATUS_RELAY_DEGRADED : this.statusFlags & ~STATUS_RELAY_DEGRADED;
    if (flags === this.statusFlags) return;
    this.statusFlags = flags;
    const frame = statusFrame(flags);
    for (const c of this.connections) if (c.wantsAck) c.send(frame);
  }

  /** Closes every socket with "service restart" so clients reconnect to the next instance. */
  closeAll(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const c of this.connections) c.close(CloseCode.serviceRestart, 'server shutting down');
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private async accept(ws: WebSocket, sessionId: string, docName: string, params: URLSearchParams): Promise<void> {
    // Buffer frames that arrive while we authenticate and load the room.
    const early: [Uint8Array, boolean][] = [];
    let earlyBytes = 0;
    const buffer = (data: Buffer, isBinary: boolean) => {
      earlyBytes += data.length;
      if (early.length >= this.opts.limits.messageBurst || earlyBytes > this.opts.limits.maxPayloadBytes) {
        ws.close(CloseCode.rateLimited, 'too much sent before the document was ready');
        return;
      }
      early.push([new Uint8Array(data), isBinary]);
    };
    ws.on('message', buffer);
    ws.on('error', () => ws.terminate());
    ws.on('pong', () => this.unanswered.delete(ws));
    ws.on('close', () => this.unanswered.delete(ws));

    // A refused socket is read no further: a sender backed off for multi-megabyte frames that reconnects at once
    // would otherwise have each frame read in full. The close frame goes out; the socket goes after a short linger.
    const refuse = (code: number, reason: string) => {
      ws.close(code, reason);
      ws.pause();
      setTimeout(() => ws.terminate(), REFUSED_LINGER_MS).unref();
    };
    const verified = this.opts.tokens.verify(params.get('token'));
    if (!verified.ok) return refuse(CloseCode.unauthorized, `token ${verified.reason}`);
    const identity = verified.identity;
    if (identity.sessionId !== sessionId) return refuse(CloseCode.forbidden, 'token is for another session');
    // Backed off for sending too much: refused before any store read or room load, with the wait to show.
    const wait = this.budgets.waitMs(sessionId, identity.participantId);
    if (wait > 0) return refuse(CloseCode.rateLimited, retryAfterReason('sending too much', wait));
    const doc = parseDocName(docName);
    if (!doc) return refuse(CloseCode.notFound, `no document ${docName}`);
    if (doc.kind === 'drafts' && doc.participantId !== identity.participantId) {
      return refuse(CloseCode.forbidden, 'drafts are private to their author');
    }
    if (!(await this.opts.store.getSession(sessionId))) return refuse(CloseCode.notFound, 'no such session');
    const open = this.perParticipant.get(identity.participantId) ?? 0;
    if (open >= this.opts.limits.maxConnectionsPerParticipant) return refuse(CloseCode.tooManyConnections, 'too many connections');
    if (ws.readyState !== WebSocket.OPEN) return;

    this.perParticipant.set(identity.participantId, open + 1);
    const held: Room[] = [];
    let closed = false;
    ws.on('close', () => {
      closed = true;
      const served = held[0];
      if (served?.docName === docName) {
        try {
          this.opts.hooks?.onLeave?.(identity, docName, served.doc);
        } catch (err) {
          this.opts.log.error({ err: String(err) }, 'onLeave hook failed');
        }
      }
      const n = (this.perParticipant.get(identity.participantId) ?? 1) - 1;
      if (n <= 0) this.perParticipant.delete(identity.participantId);
      else this.perParticipant.set(identity.participantId, n);
      for (const r of held.splice(0)) this.opts.rooms.release(r);
    });
    // A room acquired after the socket closed (it closed while we were loading) is let go at once.
    const hold = async (name: string, onStored?: (frame: Uint8Array) => void): Promise<Room | null> => {
      const r = await this.opts.rooms.acquire(sessionId, name, onStored);
      if (closed) {
        this.opts.rooms.release(r);
        return null;
      }
      held.push(r);
      return r;
    };

    // A fresh join's sync step 1 is answered from the stored doc as soon as it is read, so the client
    // decodes it while the room applies it; what changed since follows once the room is ready (decision 1802).
    const answered: { frame: Uint8Array | null } = { frame: null };
    const room = await hold(docName, (frame) => {
      const i = early.findIndex(([data, isBinary]) => isBinary && isFreshSyncStep1(data));
      if (i < 0 || closed || ws.readyState !== WebSocket.OPEN) return;
      early.splice(i, 1);
      answered.frame = frame;
      ws.send(frame);
    });
    // Board and drafts writes depend on the phase, which lives in control.
    const needsPhase = doc.kind === 'board' || doc.kind === 'drafts';
    const control = room && needsPhase ? await hold('control') : null;
    if (!room || (needsPhase && !control) || ws.readyState !== WebSocket.OPEN) return;

    const conn = new SyncConnection(ws, room, {
      identity,
      user: { participantId: identity.participantId, name: identity.name, color: colorFor(identity.participantId), role: identity.role },
      wantsAck: params.get(ACK_PARAM) === '1',
      canWrite: writePolicy(doc.kind, identity, control),
      checkContent: contentPolicyFor(doc.kind, identity, room),
      ...(doc.kind === 'comments'
        ? {
            onApplied: (u: Uint8Array) => {
              // A concurrent first comment on the same note: the thread that lost gives its comments to the one that won.
              const restored = restoreOrphanedComments(room.doc);
              this.opts.hooks?.onCommentsApplied?.(identity, room.doc, u, restored);
            },
          }
        : {}),
      limits: this.opts.limits,
      budget: {
        charge: (structs, bytes) => this.budgets.charge(sessionId, identity.participantId, structs, bytes),
        penalise: () => this.budgets.penalise(sessionId, identity.participantId),
      },
      log: this.opts.log,
      ...(this.opts.metrics ? { metrics: this.opts.metrics } : {}),
    });
    this.connections.add(conn);
    ws.off('message', buffer);
    ws.on('message', (data: Buffer, isBinary: boolean) => conn.handleMessage(new Uint8Array(data), isBinary));
    ws.on('close', () => {
      conn.handleClose();
      this.connections.delete(conn);
      if (this.connections.size === 0) for (const done of [...this.emptyWaiters]) done();
    });
    conn.start();
    const since = answered.frame && room.catchUpFrom(answered.frame);
    if (since) conn.send(since);
    if (this.statusFlags !== 0 && conn.wantsAck) conn.send(statusFrame(this.statusFlags));
    for (const [data, isBinary] of early) conn.handleMessage(data, isBinary);
  }
}

/** The session, document and query of a `/sync/<sessionId>/<doc>` URL; 'bad' for one that cannot be decoded. */
function parseSyncTarget(raw: string | undefined): { sessionId: string; docName: string; params: URLSearchParams } | 'not-ours' | 'bad' {
  try {
    const url = new URL(raw ?? '/', 'http://localhost');
    const m = SYNC_PATH.exec(url.pathname);
    if (!m) return 'not-ours';
    return { sessionId: decodeURIComponent(m[1] as string), docName: decodeURIComponent(m[2] as string), params: url.searchParams };
  } catch {
    return 'bad';
  }
}

/** Who may write which document: see DESIGN.md "Documents, roles and who may write what". */
function writePolicy(kind: 'board' | 'control' | 'comments' | 'drafts', identity: Identity, control: Room | null): WritePolicy {
  if (kind === 'control') return () => ({ ok: false, reason: 'the control document is changed by commands only', kind: 'read-only' });
  if (identity.role === 'viewer') return () => ({ ok: false, reason: 'viewers cannot edit', kind: 'read-only' });
  // The discussion goes on in every phase, the frozen board's included.
  if (kind === 'comments') return () => ({ ok: true });
  // Drafts freeze with the board, so they cannot smuggle late ideas in when published.
  return () => {
    const phase = control ? readPhase(control.doc).current : 'explore';
    return isBoardWritable(phase) ? { ok: true } : { ok: false, reason: `the board is frozen during ${phase}`, kind: 'frozen' };
  };
}
