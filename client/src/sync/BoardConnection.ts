import {
  ACK_PARAM,
  BOARD_MIGRATIONS,
  CloseCode,
  FATAL_CLOSE_CODES,
  isNewerThanCode,
  MessageType,
  STATUS_RELAY_DEGRADED,
} from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore, patchStore, type Store } from '../state/createStore.ts';
import { AckTracker } from './ackTracker.ts';
import { backOffWhenThrottled, reconnectsAfter } from './backOffWhenThrottled.ts';
import { applyRescue, saveRescue } from './unloadRescue.ts';

/** Tags the rescued update applied at load (see unloadRescue.ts). */
const RESCUE = { source: 'rescue' } as const;

/** What the header shows about the connection and saving. */
export interface SyncStatus {
  connection: 'connecting' | 'connected' | 'offline';
  /** The board has completed its first sync with the server on this socket. */
  synced: boolean;
  /** The server has durably stored every change this browser made. */
  saved: boolean;
  /** Changes made while disconnected, kept in this browser, not yet sent. */
  unsentEdits: boolean;
  /** The server refused an update (e.g. the board froze while we were offline). */
  refused: string | null;
  /** Seconds until the board reconnects after the server said "sending too much" (4429); null otherwise. */
  throttledFor: number | null;
  /** A close code after which reconnecting is pointless (4401/4403/4404). */
  fatal: { code: number; reason: string } | null;
  /** Local copy loaded from IndexedDB (or unavailable): safe to render. */
  localLoaded: boolean;
  /** The server lost its live relay to other servers: edits are saved, people on other servers see them late. */
  relayDegraded: boolean;
  /** The board was written by newer code than this page: edit nothing, reload. */
  newerSchema: boolean;
}

export interface BoardConnectionOptions {
  sessionId: string;
  token: string;
  participantId: string;
  /** `ws(s)://host` of the server; the page's own host by default. */
  wsOrigin?: string;
  /** Keep a copy in IndexedDB so offline edits survive a reload (default true). */
  persist?: boolean;
}

const wsOriginOfPage = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** A WebSocket that reports every outgoing frame, so "Saved" can count writes exactly as the server does. */
function reportingSocket(onSend: (frame: Uint8Array) => void): typeof WebSocket {
  return class ReportingWebSocket extends WebSocket {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array) onSend(data);
      super.send(data);
    }
  };
}

/**
 * A stock provider re-broadcasts every awareness change it hears, other
 * people's included; the server owns each awareness id to its connection
 * and refuses such echoes. Send only this client's own state.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const awareness = provider.awareness;
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const self = awareness.clientID;
    if (![...added, ...updated, ...removed].includes(self)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [self]));
    ws.send(encoding.toUint8Array(e));
  });
}

/**
 * One browser's connection to a session: the `board` doc (read-write,
 * acknowledged, kept in IndexedDB) and the `control` doc (read-only here,
 * cached in IndexedDB so the brief and phase show offline). Local copies
 * load before the sockets open, so offline edits ride in the first sync.
 */
export class BoardConnection {
  readonly board = new Y.Doc();
  readonly control = new Y.Doc();
  readonly boardProvider: WebsocketProvider;
  readonly controlProvider: WebsocketProvider;
  readonly status: Store<SyncStatus>;
  private readonly ack = new AckTracker();
  private readonly persistence: IndexeddbPersistence[] = [];
  private destroyed = false;
  private readonly stopBackOff: (() => void)[];
  /** The board's state vector once the local copy loaded: what IndexedDB is known to hold. */
  private loadedVector: Uint8Array | null = null;

  constructor(private readonly opts: BoardConnectionOptions) {
    this.status = createStore<SyncStatus>({
      connection: 'connecting',
      synced: false,
      saved: false,
      unsentEdits: false,
      refused: null,
      throttledFor: null,
      fatal: null,
      localLoaded: false,
      newerSchema: false,
      relayDegraded: false,
    });
    const base = `${opts.wsOrigin ?? wsOriginOfPage()}/sync/${opts.sessionId}`;
    const common = {
      connect: false,
      // Tabs sync through the server only: a tab-to-tab channel would bypass role checks and "Saved".
      disableBc: true,
      // Over bounds: what this browser holds would be resent and refused again; the header offers to discard it.
      // Too much sent: back off as long as the server says (backOffWhenThrottled), not the provider's 2.5 s.
      shouldReconnect: (e: CloseEvent) => reconnectsAfter(e) && e.code !== CloseCode.overBounds,
    };
    this.boardProvider = new WebsocketProvider(base, 'board', this.board, {
      ...common,
      params: { token: opts.token, [ACK_PARAM]: '1' },
      WebSocketPolyfill: reportingSocket((f) => this.ack.onFrameSent(f)),
    });
    this.controlProvider = new WebsocketProvider(base, 'control', this.control, { ...common, params: { token: opts.token } });
    for (const p of [this.boardProvider, this.controlProvider]) sendOwnAwarenessOnly(p);
    this.stopBackOff = [
      backOffWhenThrottled(this.boardProvider, (throttledFor) => patchStore(this.status, { throttledFor })),
      backOffWhenThrottled(this.controlProvider),
    ];
    this.installHandlers();
    void this.start();
  }

  /** The awareness of the board socket: cursors, selections, who is editing what. */
  get awareness() {
    return this.boardProvider.awareness;
  }

  /** Deletes this browser's copy of the board (after a refusal) so a reload starts from the server. */
  async discardLocalCopy(): Promise<void> {
    await Promise.all(this.persistence.map((p) => p.clearData().catch(() => {})));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('pagehide', this.onPageHide);
    for (const stop of this.stopBackOff) stop();
    this.boardProvider.destroy();
    this.controlProvider.destroy();
    for (const p of this.persistence) void p.destroy();
    this.board.destroy();
    this.control.destroy();
  }

  private async start() {
    if (this.opts.persist !== false) {
      const prefix = `throughline:${this.opts.sessionId}:${this.opts.participantId}`;
      try {
        const board = new IndexeddbPersistence(`${prefix}:board`, this.board);
        const control = new IndexeddbPersistence(`${prefix}:control`, this.control);
        this.persistence.push(board, control);
        await Promise.race([Promise.all([board.whenSynced, control.whenSynced]), new Promise((resolve) => setTimeout(resolve, 3000))]);
      } catch {
        // No IndexedDB (some private modes): the board still works, just not offline.
      }
    }
    if (this.destroyed) return;
    this.loadedVector = Y.encodeStateVector(this.board);
    applyRescue(localStorage, this.rescueKey, this.board, RESCUE);
    window.addEventListener('pagehide', this.onPageHide);
    patchStore(this.status, { localLoaded: true });
    this.checkSchema();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (navigator.onLine === false) patchStore(this.status, { connection: 'offline' });
    else this.connect();
  }

  private get rescueKey() {
    return `throughline:rescue:${this.opts.sessionId}:${this.opts.participantId}`;
  }

  // Leaving with unsaved changes: keep what IndexedDB may not have finished writing.
  private onPageHide = () => {
    if (this.opts.persist === false || this.status.get().saved) return;
    saveRescue(localStorage, this.rescueKey, this.board, this.ack.lastAckedVector ?? this.loadedVector);
  };

  private connect() {
    this.boardProvider.connect();
    this.controlProvider.connect();
  }

  // The browser knows it is offline before a socket times out: stop pretending, and resume when it is back.
  private onOffline = () => {
    this.boardProvider.disconnect();
    this.controlProvider.disconnect();
    patchStore(this.status, { connection: 'offline', synced: false });
    this.refresh();
  };

  private onOnline = () => {
    if (this.status.get().fatal) return;
    this.connect();
  };

  private installHandlers() {
    const p = this.boardProvider;
    p.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      const received = decoding.readVarUint(decoder);
      const sv = decoding.readVarUint8Array(decoder);
      this.ack.onAck(received, sv);
      this.refresh();
    };
    p.messageHandlers[MessageType.status] = (_encoder, decoder) => {
      patchStore(this.status, { relayDegraded: (decoding.readVarUint(decoder) & STATUS_RELAY_DEGRADED) !== 0 });
    };
    p.messageHandlers[MessageType.auth] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
        // Only a refused document update loses work; a refused awareness frame costs a cursor position.
        if (/awareness/i.test(reason)) return;
        this.ack.onRefused(reason);
        this.refresh();
      });
    };
    p.on('status', ({ status }) => {
      if (status === 'connected') this.ack.onSocketOpen();
      if (status === 'disconnected' && this.status.get().connection !== 'offline') {
        patchStore(this.status, { connection: 'connecting' });
      }
      // A new socket (maybe to another server) starts healthy; that server says so at once if it is not.
      if (status === 'connected') patchStore(this.status, { connection: 'connected', relayDegraded: false });
      this.refresh();
    });
    p.on('sync', (synced) => {
      patchStore(this.status, { synced });
      this.checkSchema();
      this.refresh();
    });
    for (const provider of [this.boardProvider, this.controlProvider]) {
      provider.on('closed', ({ code, reason }) => {
        if (FATAL_CLOSE_CODES.has(code)) patchStore(this.status, { fatal: { code, reason } });
        if (code === CloseCode.overBounds && provider === this.boardProvider) {
          this.ack.onRefused(reason || 'a change was too large to save');
          this.refresh();
        }
      });
    }
    // Any update not from the socket or the local copy is this person's (actions, undo and redo).
    this.board.on('update', (_update: Uint8Array, origin: unknown) => {
      // The server's copy (or a newer tab's, via the server) may carry a newer schema at any time, not only at load.
      if (origin === this.boardProvider) this.checkSchema();
      if (origin === this.boardProvider || this.persistence.includes(origin as IndexeddbPersistence)) return;
      this.ack.onLocalEdit(this.boardProvider.wsconnected);
      this.refresh();
    });
  }

  /**
   * Goes read-only once the board was written by newer code than this
   * page. Checked on the local copy at load, and again whenever the server
   * sends content: a browser with no local copy learns the version only
   * from the server. Never turns back off: a newer schema stays newer.
   */
  private checkSchema() {
    if (!this.status.get().newerSchema && isNewerThanCode(this.board, BOARD_MIGRATIONS)) patchStore(this.status, { newerSchema: true });
  }

  /** Recomputes "Saved" and the unsent flag after anything that could change them. */
  private refresh() {
    const local = Y.decodeStateVector(Y.encodeStateVector(this.board));
    patchStore(this.status, {
      saved: this.boardProvider.wsconnected && this.ack.isSaved(local),
      unsentEdits: this.ack.hasUnsentEdits,
      refused: this.ack.refused,
    });
  }
}
