import { useEffect, useState, useSyncExternalStore } from 'react';
import { serverClock, serverNow } from '../../session/serverClock.ts';

/** The server's clock, re-read every `tickMs` while `ticking` (a running countdown) and whenever the offset estimate improves. */
export function useServerNow(ticking: boolean, tickMs = 250): number {
  useSyncExternalStore(serverClock.subscribe, serverClock.get);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const id = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(id);
  }, [ticking, tickMs]);
  return serverNow();
}
