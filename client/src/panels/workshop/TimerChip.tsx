import { formatRemaining, timerRemaining } from '@throughline/shared';
import { useEffect, useRef } from 'react';
import { useControl } from '../../session/SessionProvider.tsx';
import { useStoreValue } from '../../state/useStore.ts';
import { chimeOn, playChime, setChime } from './chime.ts';
import { useServerNow } from './useServerNow.ts';

/**
 * The countdown in the header, the same for everyone: the time left is
 * the server's `endsAt` minus the server's clock as this browser estimates
 * it. At zero it reads "Time's up" (and chimes, for those who opted in).
 */
export function TimerChip() {
  const { timer } = useControl();
  const now = useServerNow(timer.state === 'running');
  const chime = useStoreValue(chimeOn);
  const remaining = timerRemaining(timer, now);
  const up = timer.state === 'running' && remaining === 0;
  const wasCounting = useRef(false);
  useEffect(() => {
    if (up && wasCounting.current && chimeOn.get()) playChime();
    wasCounting.current = timer.state === 'running' && !up;
  }, [up, timer.state]);
  if (timer.state === 'stopped') return null;
  const low = timer.state === 'running' && remaining <= 30_000;
  return (
    <span className="timer-chip" data-state={up ? 'up' : timer.state} data-low={low || undefined} data-testid="timer" role="timer">
      {timer.label ? <span className="timer-label">{timer.label}</span> : null}
      <span className="timer-time" data-testid="timer-time" aria-live={up ? 'assertive' : 'off'}>
        {up ? "Time's up" : formatRemaining(remaining)}
      </span>
      {timer.state === 'paused' ? <span className="timer-label">paused</span> : null}
      <button
        type="button"
        className="timer-chime"
        aria-pressed={chime}
        aria-label={chime ? 'Chime at zero is on' : 'Chime at zero is off'}
        title="Chime when time is up (just for you)"
        onClick={() => setChime(!chime)}
      >
        {chime ? '🔔' : '🔕'}
      </button>
    </span>
  );
}
