import { readBriefHistory } from '@throughline/shared';
import { useSession } from '../session/SessionProvider.tsx';
import { useDocSlice } from '../session/useDocSlice.ts';
import { STRATEGY_VERDICT_LABEL } from './FollowUpPanel.tsx';

/**
 * The brief's history of strategy checks, newest first. A follow-up session
 * opens with the check that started it, at the top, with the evidence it was
 * made on: adjusting or replacing the strategy means editing this brief.
 */
export function StrategyHistory() {
  const { controlDoc, sessionId } = useSession();
  const history = useDocSlice(controlDoc, readBriefHistory);
  if (history.length === 0) return null;
  const [latest, ...earlier] = [...history].reverse();
  if (!latest) return null;
  const opening = latest.toSessionId === sessionId;
  return (
    <section className="panel-body tl-strategy-history" aria-label="Strategy history" data-testid="strategy-history">
      <div className={opening ? 'tl-opening-check' : undefined} data-testid={opening ? 'opening-strategy-check' : undefined}>
        <strong>{opening ? 'This session opened with a strategy check' : 'Latest strategy check'}</strong>
        <p>
          <strong>{STRATEGY_VERDICT_LABEL[latest.verdict]}</strong> — {latest.reason}
          <span className="tl-muted">
            {' '}
            ({latest.checkedBy}, {new Date(latest.checkedAt).toLocaleDateString()})
          </span>
        </p>
        <ul className="tl-evidence">
          {latest.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
        {opening && latest.verdict !== 'keep' && (
          <p className="tl-muted">
            Edit the brief so the new round works to the {latest.verdict === 'adjust' ? 'adjusted' : 'new'} strategy.
          </p>
        )}
      </div>
      {earlier.length > 0 && (
        <ul>
          {earlier.map((c) => (
            <li key={c.id}>
              {STRATEGY_VERDICT_LABEL[c.verdict]} — {c.reason}{' '}
              <span className="tl-muted">({new Date(c.checkedAt).toLocaleDateString()})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
