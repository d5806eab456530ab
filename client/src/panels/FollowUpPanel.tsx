import {
  type FollowUpValue,
  type Plan,
  readBriefHistory,
  readFollowUps,
  STRATEGY_VERDICTS,
  type StrategyVerdict,
  summariseEvidence,
} from '@throughline/shared';
import { useMemo, useState } from 'react';
import { useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { useDocSlice } from '../session/useDocSlice.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { Field } from './Field.tsx';

export const STRATEGY_VERDICT_LABEL: Record<StrategyVerdict, string> = {
  keep: 'Keep the strategy',
  adjust: 'Adjust it',
  replace: 'Replace it',
};

/**
 * The follow-up, facilitator only. It opens with a strategy check: what the
 * evidence says per strategic metric, then keep, adjust or replace, and why.
 * Once a follow-up exists (even after a reload) this offers to open it;
 * another one must be asked for explicitly, with its own check.
 */
export function FollowUpPanel({ plan }: { plan: Plan }) {
  const { controlDoc } = useSession();
  const followUps = useDocSlice(controlDoc, readFollowUps);
  const history = useDocSlice(controlDoc, readBriefHistory);
  const { run, busy, error } = useCommand();
  const [opened, setOpened] = useState<FollowUpValue | null>(null);
  const [another, setAnother] = useState(false);
  const latest = followUps.at(-1);
  const check = latest ? history.find((c) => c.id === latest.strategyCheckId) : undefined;
  const link = opened ? new URL(opened.links.facilitator, location.origin).toString() : null;

  return (
    <section className="tl-review-followup" aria-label="Follow-up session" data-testid="follow-up">
      <h3>Next round</h3>
      {link && opened && (
        <p data-testid="follow-up-link">
          {opened.existing
            ? 'The follow-up session'
            : `Follow-up session ready with ${opened.carriedSteps} open ${opened.carriedSteps === 1 ? 'step' : 'steps'}`}
          : <a href={link}>open it as facilitator</a>. Invite people from there.
        </p>
      )}
      {latest && !another && (
        <>
          <p>
            A follow-up was started on {new Date(latest.startedAt).toLocaleString()} by {latest.startedBy}
            {check && (
              <>
                {' '}
                after a strategy check: <strong data-testid="follow-up-verdict">{STRATEGY_VERDICT_LABEL[check.verdict]}</strong> —{' '}
                {check.reason}
              </>
            )}
          </p>
          <div className="form-actions">
            {!opened && (
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                data-testid="open-follow-up"
                onClick={async () => setOpened(await run({ type: 'startFollowUp' }))}
              >
                Open the follow-up
              </button>
            )}
            <button type="button" className="btn btn-small" onClick={() => setAnother(true)} data-testid="another-follow-up">
              Start another follow-up…
            </button>
          </div>
        </>
      )}
      {(!latest || another) && !(opened && !opened.existing) && (
        <StrategyCheckForm
          plan={plan}
          another={another}
          busy={busy}
          onCancel={another ? () => setAnother(false) : undefined}
          onSubmit={async (verdict, reason) => {
            const v = await run({
              type: 'startFollowUp',
              strategyCheck: { verdict, reason },
              ...(another ? { another: true as const } : {}),
            });
            if (v) {
              setOpened(v);
              setAnother(false);
            }
          }}
        />
      )}
      <ErrorLine error={error} />
    </section>
  );
}

interface FormProps {
  plan: Plan;
  another: boolean;
  busy: boolean;
  onCancel: (() => void) | undefined;
  onSubmit(verdict: StrategyVerdict, reason: string): void;
}

/** What the evidence says, then the facilitator's verdict on the strategy and why. */
function StrategyCheckForm({ plan, another, busy, onCancel, onSubmit }: FormProps) {
  const evidence = useMemo(() => summariseEvidence(plan), [plan]);
  const [verdict, setVerdict] = useState<StrategyVerdict | null>(null);
  const [reason, setReason] = useState('');
  return (
    <form
      className="tl-strategy-check"
      aria-label="Strategy check"
      onSubmit={(e) => {
        e.preventDefault();
        if (verdict) onSubmit(verdict, reason);
      }}
    >
      <h4>{another ? 'Another follow-up: check the strategy again' : 'Strategy check: does the evidence support the strategy?'}</h4>
      <p className="tl-muted">Objective: {plan.brief.objective}</p>
      <ul className="tl-evidence" data-testid="strategy-evidence">
        {evidence.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {evidence.suggested && (
        <p className="tl-muted" data-testid="strategy-suggested">
          Read plainly, the reviews point to: <strong>{STRATEGY_VERDICT_LABEL[evidence.suggested]}</strong>. You decide.
        </p>
      )}
      <fieldset className="tl-seg">
        <legend>The strategy</legend>
        {STRATEGY_VERDICTS.map((v) => (
          <button
            key={v}
            type="button"
            className="btn btn-small"
            aria-pressed={verdict === v}
            onClick={() => setVerdict(v)}
            data-testid={`strategy-${v}`}
          >
            {STRATEGY_VERDICT_LABEL[v]}
          </button>
        ))}
      </fieldset>
      <Field label="Why: what in the evidence supports this?">
        <textarea className="textarea" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="strategy-reason" />
      </Field>
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={busy || !verdict || !reason.trim()}
          data-testid="start-follow-up"
        >
          {another ? 'Start another follow-up' : 'Start the follow-up session'}
        </button>
      </div>
    </form>
  );
}
