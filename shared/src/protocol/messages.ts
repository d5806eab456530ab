/**
 * Wire protocol. Throughline speaks the standard y-websocket protocol
 * (sync 0, awareness 1, auth 2, query-awareness 3) and adds one message of
 * its own, sent only to clients that opt in with `?ack=1`, so a stock
 * `WebsocketProvider` never receives a type it does not know.
 */
export const PROTOCOL_VERSION = 1;

export const MessageType = {
  sync: 0,
  awareness: 1,
  /** y-protocols/auth: the server uses "permission denied" to explain a dropped update. */
  auth: 2,
  queryAwareness: 3,
  /**
   * Throughline acknowledgement: `varUint received` (how many of this
   * connection's write messages are durable) followed by the persisted state
   * vector (`varUint8Array`). A client is "Saved" when every write it sent
   * on this socket is counted and its local state vector is covered.
   */
  ack: 100,
  /**
   * Throughline instance status, also only for `?ack=1` clients: `varUint
   * flags`. Bit 0 (`STATUS_RELAY_DEGRADED`): this instance has lost the live
   * relay to the others, so edits are saved but people connected elsewhere
   * see them only when it returns. Sent on connect when any flag is set, and
   * whenever the flags change.
   */
  status: 101,
} as const;
export type MessageTypeValue = (typeof MessageType)[keyof typeof MessageType];

export const STATUS_RELAY_DEGRADED = 1;

/** URL query parameter a client sets to receive acknowledgements. */
export const ACK_PARAM = 'ack';
