import {
  CloseCode,
  type DecodedUpdate,
  type Identity,
  MAX_AWARENESS_BYTES,
  MessageType,
  retryAfterReason,
  scanUpdate,
  UPDATE_BOUNDS,
  type UpdateBounds,
} from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { NO_SYNC_METRICS, type RefusalKind, type SyncMetrics } from '../metrics/Metrics.ts';
import { type AwarenessUser, guardAwarenessUpdate } from './awarenessGuard.ts';
import { awarenessFrame, permissionDenied, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, syncStep1 } from './messages.ts';
import type { Room, RoomPeer } from './Room.ts';
import { TokenBucket } from './TokenBucket.ts';
import { dropPending, hasPending, updateAllNew, updateChangesDoc, updateHasGap } from './updateGuard.ts';

export interface ConnectionLimits {
  /** Sustained messages per second, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Sustained bytes per second one socket may send, and the burst allowed above it. */
  bytesPerSecond: number;
  byteBurst: number;
}

/**
 * What this connection's writes are paid from: the participant's budget,
 * which outlives the socket (see WriteBudgets). Both return the back-off
 * now imposed on the participant.
 */
export interface SendBudget {
  /** Takes a write's cost (structs plus delete ranges, and bytes); null when taken. */
  charge(structs: number, bytes: number): { what: string; waitMs: number } | null;
  /** The socket broke a per-socket rate or a bound: the participant waits before reconnecting. */
  penalise(): number;
}

/** What one message may hold; checked before it is decoded. */
export interface MessageBounds {
  update: UpdateBounds;
  awarenessBytes: number;
}

export const MESSAGE_BOUNDS: MessageBounds = { update: UPDATE_BOUNDS, awarenessBytes: MAX_AWARENESS_BYTES };

/** Says whether this connection may change the document right now, and if not, why. */
export type WritePolicy = () => { ok: true } | { ok: false; reason: string; kind: 'read-only' | 'frozen' };

/**
 * Checks what an update would change (rules roles and phases cannot see).
 * Returns null to accept it, or why not: `overBounds` when no client of ours
 * could have sent it (the socket is closed), otherwise a rule the sender
 * broke (they are told, and stay connected).
 */
export type ContentPolicy = (doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate) => ContentRefusal | null;
export interface ContentRefusal {
  reason: string;
  overBounds: boolean;
}

export interface SyncConnectionOptions {
  identity: Identity;
  user: AwarenessUser;
  wantsAck: boolean;
  canWrite: WritePolicy;
  /** Optional per-document content rules, checked after the gap check and before applying. */
  checkContent?: ContentPolicy;
  /** Called with each update of this client's once it is applied (after every check). */
  onApplied?: (update: Uint8Array) => void;
  limits: ConnectionLimits;
  budget: SendBudget;
  /** Defaults to `MESSAGE_BOUNDS`. */
  bounds?: MessageBounds;
  log: { warn(obj: object, msg: string): void };
  metrics?: SyncMetrics;
}

class ProtocolError extends Error {}

/**
 * One client socket on one document, speaking the y-websocket protocol.
 * Everything the client sends is checked before it reaches the room:
 * writes by role and phase, updates for gaps, awareness for ownership and
 * identity. A frame we cannot parse closes this socket only.
 */
export class SyncConnection implements RoomPeer {
  /** Write messages handled without refusal: applied, or nothing new. Refused ones are never acknowledged. */
  writesReceived = 0;
  ackDue = false;
  readonly wantsAck: boolean;
  private readonly awarenessIds = new Set<number>();
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly bounds: MessageBounds;
  private closed = false;
  private readonly metrics: SyncMetrics;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    private readonly opts: SyncConnectionOptions,
  ) {
    this.wantsAck = opts.wantsAck;
    this.messages = new TokenBucket(opts.limits.messagesPerSecond, opts.limits.messageBurst);
    this.bytes = new TokenBucket(opts.limits.bytesPerSecond, opts.limits.byteBurst);
    this.bounds = opts.bounds ?? MESSAGE_BOUNDS;
    this.metrics = opts.metrics ?? NO_SYNC_METRICS;
  }

  /** Joins the room and opens the sync: our state vector, then who is here. */
  start(): void {
    this.room.peers.add(this);
    this.send(syncStep1(this.room.doc));
    const present = [...this.room.awareness.getStates().keys()];
    if (present.length > 0) this.send(awarenessFrame(this.room.awareness, present));
    if (this.wantsAck) this.room.scheduleAck(this);
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(frame, this.afterSend);
  }

  /** One callback for every frame this socket sends (a frame goes to every peer: no closure per send). */
  private readonly afterSend = (err?: Error) => {
    if (err) this.close(CloseCode.serviceRestart, 'send failed');
  };

  handleMessage(data: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    // Counted before anything is decoded: what a socket sends costs it, whatever it turns out to be.
    if (!this.messages.take()) {
      this.throttle('too many messages per second', this.opts.budget.penalise());
      return;
    }
    if (!this.bytes.take(data.length)) {
      this.throttle('too many bytes per second', this.opts.budget.penalise());
      return;
    }
    try {
      if (!isBinary) throw new ProtocolError('text frames are not part of the protocol');
      this.dispatch(decoding.createDecoder(data));
    } catch (err) {
      this.opts.log.warn({ err: String(err), participant: this.opts.identity.participantId }, 'malformed frame; closing');
      this.metrics.refused('malformed');
      this.close(CloseCode.malformed, 'malformed message');
    }
  }

  /** Leaves the room, withdrawing this client's awareness states. */
  handleClose(): void {
    if (this.closed && !this.room.peers.has(this)) return;
    this.closed = true;
    this.room.peers.delete(this);
    for (const id of this.awarenessIds) this.room.awarenessOwners.delete(id);
    if (this.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], this);
    this.awarenessIds.clear();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.handleClose();
    this.ws.close(code, reason);
  }

  private dispatch(d: decoding.Decoder): void {
    const type = decoding.readVarUint(d);
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (sub === SYNC_STEP1) this.send(this.room.syncStep2For(payload));
        else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) this.handleWrite(payload, sub === SYNC_UPDATE);
        else throw new ProtocolError(`unknown sync message ${sub}`);
        return;
      }
      case MessageType.awareness:
        this.handleAwareness(decoding.readVarUint8Array(d));
        return;
      case MessageType.queryAwareness:
        this.send(awarenessFrame(this.room.awareness, [...this.room.awareness.getStates().keys()]));
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  /** `live`: a sync update (one transaction of the client's), not a step 2 (which repeats the client's whole delete set). */
  private handleWrite(update: Uint8Array, live: boolean): void {
    this.metrics.updateIn(update.length);
    // Bound before decoding: Yjs allocates per declared struct and range, so the counts are read first.
    const scan = scanUpdate(update, this.bounds.update);
    if (!scan.ok) {
      if (scan.malformed) throw new ProtocolError(scan.reason);
      this.refuseOverBounds(scan.reason);
      return;
    }
    // Paid before decoding, from a budget reconnecting does not refill: a step 2 resending what was refused pays again.
    const over = this.opts.budget.charge(scan.structs + scan.deleteRanges, update.length);
    if (over) {
      this.throttle(over.what, over.waitMs);
      return;
    }
    const doc = this.room.doc;
    const allowed = this.opts.canWrite();
    let accepted = true;
    if (!allowed.ok) {
      // A read-only client's sync step 2 that only repeats what we have is harmless.
      if (updateChangesDoc(doc, update)) {
        this.deny(allowed.reason, allowed.kind);
        accepted = false;
      }
    } else {
      accepted = this.applyWrite(update, live);
    }
    if (this.closed) return;
    // A refused write is not counted: the client stays "not saved" until it reconnects and its resend is taken.
    if (accepted) this.writesReceived++;
    this.room.scheduleAck(this);
  }

  /** Decodes once (throwing on bytes that are not an update), checks, then applies. False when refused. */
  private applyWrite(update: Uint8Array, live: boolean): boolean {
    const doc = this.room.doc;
    const decoded = Y.decodeUpdate(update);
    if (updateHasGap(doc, decoded)) {
      this.resync();
      return true;
    }
    const refusal = this.opts.checkContent?.(doc, update, decoded) ?? null;
    if (refusal) {
      // Refused whole: nothing of it reaches the doc.
      if (refusal.overBounds) this.refuseOverBounds(refusal.reason);
      else this.deny(refusal.reason, 'content');
      return false;
    }
    // Pending state parked by relayed updates is resolved by the room's refresh; drop only what this client caused.
    const pendingBefore = hasPending(doc);
    // A live update's bytes are what it adds (a step 2's delete set repeats everything the client ever deleted).
    this.room.applyFromPeer(update, this, live && updateAllNew(doc, decoded));
    if (!pendingBefore && dropPending(doc)) this.resync();
    this.opts.onApplied?.(update);
    return true;
  }

  private handleAwareness(update: Uint8Array): void {
    if (update.length > this.bounds.awarenessBytes) {
      this.refuseOverBounds(`an awareness message over ${this.bounds.awarenessBytes} bytes`);
      return;
    }
    const { awareness, awarenessOwners, awarenessParticipants } = this.room;
    const ledger = {
      ownerOf: (id: number) => {
        const owner = awarenessOwners.get(id);
        return owner === undefined ? 'none' : owner === this ? 'self' : 'other';
      },
      participantOf: (id: number) => awarenessParticipants.get(id),
      current: (id: number) => awareness.getStates().get(id),
    } as const;
    const result = guardAwarenessUpdate(update, ledger, this.awarenessIds.size, this.opts.user);
    if (!result.ok) {
      this.deny(result.reason, 'awareness');
      return;
    }
    for (const id of result.claimed) {
      this.awarenessIds.add(id);
      this.room.awarenessOwners.set(id, this);
      this.room.awarenessParticipants.set(id, this.opts.identity.participantId);
    }
    if (result.empty) return;
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, result.update, this);
  }

  /** Too much sent: dropped unread, and the socket closed saying how long the participant must wait. */
  private throttle(what: string, waitMs: number): void {
    this.metrics.refused('rate-limited');
    this.opts.log.warn(
      { participant: this.opts.identity.participantId, doc: this.room.docName, what, waitMs },
      'sending too much; closing',
    );
    this.close(CloseCode.rateLimited, retryAfterReason(what, waitMs));
  }

  /** A message no client of ours sends: dropped unread, and the socket closed with a code saying why. */
  private refuseOverBounds(reason: string): void {
    this.metrics.refused('over-bounds');
    // A crafted client reconnects at once: each new socket would be another read of its frame.
    this.opts.budget.penalise();
    this.opts.log.warn({ participant: this.opts.identity.participantId, doc: this.room.docName, reason }, 'message over bounds; closing');
    // A close reason is at most 123 bytes.
    this.close(CloseCode.overBounds, reason.slice(0, 120));
  }

  /** Tells the client its message was dropped and why (y-protocols permission-denied). */
  private deny(reason: string, kind: RefusalKind): void {
    this.metrics.refused(kind);
    this.opts.log.warn({ participant: this.opts.identity.participantId, doc: this.room.docName, reason }, 'update refused');
    this.send(permissionDenied(reason));
  }

  /** Asks the client for what we lack: it answers with a step 2 carrying the missing dependencies. */
  private resync(): void {
    this.send(syncStep1(this.room.doc));
  }
}
