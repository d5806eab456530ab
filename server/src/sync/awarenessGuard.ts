import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The identity the server stamps onto every awareness state, from the token. */
export interface AwarenessUser {
  participantId: string;
  name: string;
  color: string;
  role: string;
}

export type GuardResult = { ok: true; update: Uint8Array; claimed: number[] } | { ok: false; reason: string };

/** A client legitimately owns one awareness id per Y.Doc; a few allow for reconnects with a new doc. */
const MAX_IDS_PER_CONNECTION = 4;

/**
 * Rewrites an incoming awareness update so that (1) it only touches
 * awareness ids this connection owns (first come, first served within the
 * room) and (2) every state's `user` field is the server's view of who the
 * sender is. Throws on bytes that are not an awareness update.
 *
 * @param owners  room-wide map awareness id → owning connection
 */
export function guardAwarenessUpdate<C>(
  update: Uint8Array,
  conn: C,
  owners: Map<number, C>,
  ownedByConn: Set<number>,
  user: AwarenessUser,
): GuardResult {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const entries: { id: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    const owner = owners.get(id);
    if (owner !== undefined && owner !== conn) return { ok: false, reason: `awareness id ${id} belongs to another client` };
    const state: unknown = JSON.parse(json);
    if (state === null) {
      entries.push({ id, clock, state: 'null' });
      continue;
    }
    if (typeof state !== 'object' || Array.isArray(state)) throw new Error('awareness state is not an object');
    entries.push({ id, clock, state: JSON.stringify({ ...(state as object), user }) });
  }
  const claimed = entries.filter((e) => !ownedByConn.has(e.id)).map((e) => e.id);
  if (ownedByConn.size + claimed.length > MAX_IDS_PER_CONNECTION) {
    return { ok: false, reason: 'too many awareness ids on one connection' };
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return { ok: true, update: encoding.toUint8Array(e), claimed };
}
