import { MessageType } from '@throughline/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { isFreshSyncStep1, SYNC_STEP1, SYNC_UPDATE, syncUpdate } from './messages.ts';

describe('syncUpdate', () => {
  it('writes the same bytes as lib0, for every length class of the varuint', () => {
    for (const n of [0, 1, 127, 128, 16_383, 16_384, 2_097_152 + 5]) {
      const update = new Uint8Array(n).map((_, i) => i % 251);
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, update);
      expect(Buffer.from(syncUpdate(update)).equals(Buffer.from(encoding.toUint8Array(e)))).toBe(true);
    }
  });
});

describe('isFreshSyncStep1', () => {
  it('is true only for a step 1 with an empty state vector', () => {
    const step1 = (sv: number[]) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SYNC_STEP1);
      encoding.writeVarUint8Array(e, new Uint8Array(sv));
      return encoding.toUint8Array(e);
    };
    expect(isFreshSyncStep1(step1([0]))).toBe(true);
    expect(isFreshSyncStep1(step1([1, 5, 3]))).toBe(false);
    expect(isFreshSyncStep1(new Uint8Array([MessageType.sync, SYNC_UPDATE, 1, 0]))).toBe(false);
  });
});
