import { MessageType } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Encoders for the frames the server sends. Decoding lives in SyncConnection. */
const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export const syncStep1 = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

export const syncStep2 = (doc: Y.Doc, stateVector?: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });

/** A step-2 frame carrying `update` as is: the stored snapshot, sent without decoding and re-encoding it. */
export const syncStep2Of = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });

/** True for a client's whole sync step 1 frame when it holds nothing of the doc yet (every fresh join). */
export const isFreshSyncStep1 = (frame: Uint8Array) =>
  frame.length === 4 && frame[0] === MessageType.sync && frame[1] === SYNC_STEP1 && frame[2] === 1 && frame[3] === 0;

/** True for the state vector of a client that holds nothing of the doc yet (every fresh join). */
export const isEmptyStateVector = (sv: Uint8Array) => sv.length === 1 && sv[0] === 0;

/** Sent to every peer for every change, so written straight into one buffer of the exact size. */
export const syncUpdate = (update: Uint8Array) => {
  const n = update.length;
  let lenBytes = 1;
  while (n >= 2 ** (7 * lenBytes)) lenBytes++;
  const out = new Uint8Array(2 + lenBytes + n);
  out[0] = MessageType.sync;
  out[1] = SYNC_UPDATE;
  // The length as a varuint (7 bits a byte, low bits first), as lib0's writeVarUint8Array writes it.
  let rest = n;
  for (let i = 0; i < lenBytes; i++) {
    out[2 + i] = (rest & 0x7f) | (i < lenBytes - 1 ? 0x80 : 0);
    rest = Math.floor(rest / 128);
  }
  out.set(update, 2 + lenBytes);
  return out;
};

export const awarenessFrame = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

/** y-protocols' "permission denied": stock providers log the reason. */
export const permissionDenied = (reason: string) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    authProtocol.writePermissionDenied(e, reason);
  });

/** Throughline's acknowledgement: how many writes are durable, and the persisted state vector. */
export const ackFrame = (received: number, stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.ack);
    encoding.writeVarUint(e, received);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Throughline's instance status flags (see `MessageType.status`). */
export const statusFrame = (flags: number) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.status);
    encoding.writeVarUint(e, flags);
  });
