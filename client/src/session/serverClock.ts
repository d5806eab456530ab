import { clockOffset } from '@throughline/shared';
import { createStore, type Store } from '../state/createStore.ts';

/**
 * This browser's estimate of the server's clock. Every API answer carries
 * `serverTime`; the sample with the shortest round trip wins (its midpoint
 * guess is the tightest), and a sample older than a few minutes gives way so
 * a clock that was corrected meanwhile is followed. The workshop timer shows
 * `endsAt − serverNow()`, so browsers whose clocks disagree still agree.
 */
interface Estimate {
  offset: number;
  roundTrip: number;
  at: number;
}

const STALE_MS = 5 * 60_000;

export const serverClock: Store<Estimate | null> = createStore<Estimate | null>(null);

/** Records one answer's `serverTime`, stamped between `sentAt` and `receivedAt` (this browser's `Date.now()`). */
export function noteServerTime(serverTime: number, sentAt: number, receivedAt: number): void {
  if (!Number.isFinite(serverTime) || receivedAt < sentAt) return;
  const roundTrip = receivedAt - sentAt;
  const best = serverClock.get();
  if (best && roundTrip > best.roundTrip && receivedAt - best.at < STALE_MS) return;
  serverClock.set({ offset: clockOffset(serverTime, sentAt, receivedAt), roundTrip, at: receivedAt });
}

/** The server's epoch ms now, as well as this browser can tell. */
export const serverNow = () => Date.now() + (serverClock.get()?.offset ?? 0);
