import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The identity the server stamps onto every awareness state, from the token. */
export interface AwarenessUser {
  participantId: string;
  name: string;
  color: string;
  role: string;
}

/** What the guard needs to know about the room's awareness ids. */
export interface AwarenessLedger {
  /** Who speaks for `id` now: this connection, another one (here or on another instance), or nobody. */
  ownerOf(id: number): 'self' | 'other' | 'none';
  /** The participant `id` was first claimed by in this room, if any. */
  participantOf(id: number): string | undefined;
  /** The room's current state for `id`. */
  current(id: number): unknown;
}

export type GuardResult = { ok: true; update: Uint8Array; claimed: number[]; empty: boolean } | { ok: false; reason: string };

/** A client legitimately owns one awareness id per Y.Doc; a few allow for reconnects with a new doc. */
const MAX_IDS_PER_CONNECTION = 4;

/**
 * Rewrites an incoming awareness update so that (1) it only touches
 * awareness ids this connection owns, and (2) every state's `user` field is
 * the server's view of who the sender is. Throws on bytes that are not an
 * awareness update.
 *
 * An unowned id may be claimed only by the participant it was first seen
 * with (a reconnecting client keeps its id). Stock y-websocket clients
 * re-send every awareness change they see, including other clients' states
 * and removals from their own timeout check: such echoes of someone else's
 * entry are dropped quietly. Only an attempt to *change* another client's
 * state is refused.
 */
export function guardAwarenessUpdate(update: Uint8Array, ledger: AwarenessLedger, ownedCount: number, user: AwarenessUser): GuardResult {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const entries: { id: number; clock: number; state: string }[] = [];
  const claimed: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state: unknown = JSON.parse(decoding.readVarString(d));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('awareness state is not an object');
    const owner = ledger.ownerOf(id);
    const claimable = owner === 'none' && (ledger.participantOf(id) ?? user.participantId) === user.participantId;
    if (owner === 'other' || (owner === 'none' && !claimable)) {
      const echo = state === null || JSON.stringify(state) === JSON.stringify(ledger.current(id) ?? null);
      if (echo) continue;
      return { ok: false, reason: `awareness id ${id} belongs to another client` };
    }
    if (owner === 'none') {
      if (state === null) continue; // nothing of ours to clear; do not claim on a removal
      claimed.push(id);
    }
    entries.push({ id, clock, state: state === null ? 'null' : JSON.stringify({ ...(state as object), user }) });
  }
  if (ownedCount + claimed.length > MAX_IDS_PER_CONNECTION) {
    return { ok: false, reason: 'too many awareness ids on one connection' };
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return { ok: true, update: encoding.toUint8Array(e), claimed, empty: entries.length === 0 };
}
