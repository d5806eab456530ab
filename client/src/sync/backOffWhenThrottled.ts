import { CloseCode, FATAL_CLOSE_CODES, retryAfterMs } from '@throughline/shared';
import type { WebsocketProvider } from 'y-websocket';

/** When the server names no wait (an older server), this long. */
const DEFAULT_WAIT_MS = 5_000;

/**
 * The provider's own retry: not after a fatal code, nor after 4429, whose
 * wait `backOffWhenThrottled` honours (the provider would retry within
 * 2.5 s, and its sync step 2 would resend what was refused).
 */
export const reconnectsAfter = (e: CloseEvent) => !FATAL_CLOSE_CODES.has(e.code) && e.code !== CloseCode.rateLimited;

/**
 * After the server closes with "sending too much; retry in N s" (4429),
 * reconnects once N seconds have passed, reporting the seconds left each
 * second (null once reconnecting). Returns a function that cancels it.
 */
export function backOffWhenThrottled(provider: WebsocketProvider, onWait: (secondsLeft: number | null) => void = () => {}): () => void {
  let ticker: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (ticker) clearInterval(ticker);
    ticker = null;
  };
  const onClosed = ({ code, reason }: { code: number; reason: string }) => {
    if (code !== CloseCode.rateLimited) return;
    stop();
    const until = Date.now() + (retryAfterMs(reason) ?? DEFAULT_WAIT_MS);
    let shown = 0;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) {
        if (left !== shown) onWait(left);
        shown = left;
        return;
      }
      stop();
      onWait(null);
      provider.connect();
    };
    ticker = setInterval(tick, 250);
    tick();
  };
  provider.on('closed', onClosed);
  return () => {
    stop();
    provider.off('closed', onClosed);
  };
}
