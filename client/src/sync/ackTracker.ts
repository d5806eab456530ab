import { MessageType } from '@throughline/shared';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** y-protocols sync sub-messages that carry document content (step 2 and update). */
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** True for a frame the server counts as a write: a sync step 2 or a sync update. */
export function isWriteFrame(frame: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.sync) return false;
    const sub = decoding.readVarUint(d);
    return sub === SYNC_STEP2 || sub === SYNC_UPDATE;
  } catch {
    return false;
  }
}

/** True when every client clock in `local` is at or below the acknowledged one. */
export function stateVectorCovered(local: Map<number, number>, acked: Map<number, number>): boolean {
  for (const [client, clock] of local) if ((acked.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Decides when the header may say "Saved": the server has made durable
 * every write this socket sent (its `received` count) *and* its persisted
 * state vector covers the local document. The count catches deletions,
 * which a state vector cannot show; the vector catches content that
 * arrived by other routes. Edits made while disconnected keep the state
 * unsaved until the reconnect's sync step 2 — which carries them — has
 * been acknowledged.
 */
export class AckTracker {
  private sent = 0;
  private received = -1;
  private ackedVector: Map<number, number> | null = null;
  private ackedVectorBytes: Uint8Array | null = null;
  private unsentEdits = false;
  private refusedReason: string | null = null;

  /**
   * A new socket opened: its counts start from zero, and an earlier refusal
   * is forgotten. The reconnect's sync step 2 resends everything the
   * server lacks; if that is still refused the server says so again, and
   * if it is taken (the refusal was of a resend, or the rule no longer
   * applies) the header returns to "Saved".
   */
  onSocketOpen(): void {
    this.sent = 0;
    this.received = -1;
    this.ackedVector = null;
    this.refusedReason = null;
  }

  onFrameSent(frame: Uint8Array): void {
    if (!isWriteFrame(frame)) return;
    this.sent++;
    // A step 2 answers the server's state vector with everything it lacks, offline edits included.
    this.unsentEdits = false;
  }

  onAck(received: number, stateVector: Uint8Array): void {
    this.received = received;
    this.ackedVector = Y.decodeStateVector(stateVector);
    this.ackedVectorBytes = stateVector;
  }

  /** The last persisted state vector the server reported (encoded), kept across reconnects. */
  get lastAckedVector(): Uint8Array | null {
    return this.ackedVectorBytes;
  }

  /** A local edit happened; if no socket carried it, it waits for the next connection. */
  onLocalEdit(connected: boolean): void {
    if (!connected) this.unsentEdits = true;
  }

  onRefused(reason: string): void {
    this.refusedReason = reason;
  }

  get refused(): string | null {
    return this.refusedReason;
  }

  get hasUnsentEdits(): boolean {
    return this.unsentEdits;
  }

  isSaved(local: Map<number, number>): boolean {
    if (this.refusedReason !== null || this.unsentEdits || this.ackedVector === null) return false;
    return this.received >= this.sent && stateVectorCovered(local, this.ackedVector);
  }
}
