import { useState } from 'react';
import { useControl } from '../../session/SessionProvider.tsx';
import { useCommand } from '../../session/useCommand.ts';
import { ErrorLine } from '../ErrorLine.tsx';

/** The facilitator's countdown: start a timebox, pause, resume, add a minute, stop. */
export function TimerControls() {
  const { timer } = useControl();
  const { run, busy, error } = useCommand();
  const [minutes, setMinutes] = useState('5');
  const [label, setLabel] = useState('');
  const m = Number(minutes);
  const valid = Number.isFinite(m) && m > 0 && m <= 7 * 24 * 60;
  return (
    <section className="ws-section" aria-labelledby="ws-timer">
      <h3 id="ws-timer">Timer</h3>
      <div className="ws-row">
        <label className="ws-field">
          <span>Minutes</span>
          <input className="input" inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label="Minutes" />
        </label>
        <label className="ws-field ws-grow">
          <span>Label</span>
          <input
            className="input"
            value={label}
            maxLength={120}
            placeholder="e.g. Silent brainwriting"
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
      </div>
      <div className="ws-row">
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={busy || !valid}
          onClick={() => run({ type: 'startTimer', seconds: Math.round(m * 60), ...(label.trim() ? { label: label.trim() } : {}) })}
        >
          {timer.state === 'stopped' ? 'Start timer' : 'Restart'}
        </button>
        {timer.state === 'running' ? (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => run({ type: 'pauseTimer' })}>
            Pause
          </button>
        ) : null}
        {timer.state === 'paused' ? (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => run({ type: 'resumeTimer' })}>
            Resume
          </button>
        ) : null}
        {timer.state !== 'stopped' ? (
          <>
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => run({ type: 'addTime', seconds: 60 })}>
              +1 min
            </button>
            <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => run({ type: 'stopTimer' })}>
              Stop
            </button>
          </>
        ) : null}
      </div>
      <ErrorLine error={error} />
    </section>
  );
}
