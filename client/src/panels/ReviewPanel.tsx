import { buildReviewView, canEditStep, REVIEW_OUTCOMES, type ReviewOutcome, type ReviewRow } from '@throughline/shared';
import { useMemo, useState } from 'react';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { Field } from './Field.tsx';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import { InitiativeHeading } from './InitiativeHeading.tsx';
import { usePlan } from './PlanPanel.tsx';

const OUTCOME_LABEL: Record<ReviewOutcome, string> = { continue: 'Continue', revise: 'Revise', stop: 'Stop' };

/**
 * Review: owners record what each step taught (continue, revise or stop),
 * any time (the review date is a reminder), grouped by initiative, with the
 * evidence rolled up per strategic metric — and the facilitator checks the
 * strategy against it when starting a follow-up session.
 */
export function ReviewPanel() {
  const plan = usePlan();
  const view = useMemo(() => (plan ? buildReviewView(plan) : null), [plan]);
  const { you } = useSession();
  if (!plan || !view) return <p className="tl-muted">The session has no brief yet.</p>;
  return (
    <section className="tl-review" aria-label="Review">
      <header className="tl-plan-head">
        <p className="tl-plan-kicker">Objective</p>
        <h2 className="tl-plan-objective">{plan.brief.objective}</h2>
        <p className="tl-muted">
          {plan.totals.reviewed} of {plan.totals.steps} steps reviewed
        </p>
      </header>
      <section className="tl-plan-metrics" aria-label="Evidence by strategic metric" data-testid="review-metrics">
        <h3>Evidence by strategic metric</h3>
        {plan.successMetrics.length === 0 ? (
          <p className="tl-muted">The brief names no strategic metric.</p>
        ) : (
          <ul>
            {plan.successMetrics.map((m) => (
              <li key={m.name} data-touched={m.evidence.length > 0} data-fed={m.fedBy.length > 0}>
                <strong>{m.name}</strong>
                {m.target && <> · target {m.target}</>} —{' '}
                {m.evidence.length === 0
                  ? 'no evidence yet'
                  : `${m.evidence.length} ${m.evidence.length === 1 ? 'result' : 'results'}: ${REVIEW_OUTCOMES.filter(
                      (o) => m.outcomes[o] > 0,
                    )
                      .map((o) => `${m.outcomes[o]} ${o}`)
                      .join(', ')}`}
                <span className="tl-muted">
                  {' '}
                  · {m.fedBy.length === 0 ? 'no step feeds it' : `fed by ${m.fedBy.length} ${m.fedBy.length === 1 ? 'step' : 'steps'}`}
                  {m.awaitingReview > 0 && `, ${m.awaitingReview} awaiting review`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.groups.map((g) => (
        <section key={g.initiative?.id ?? 'none'} className="tl-plan-initiative" data-testid="review-group">
          <InitiativeHeading initiative={g.initiative} none="Steps tied to no initiative" />
          <p className="tl-muted">
            {REVIEW_OUTCOMES.map((o) => `${g.outcomes[o]} ${o}`).join(' · ')} · {g.pending.length} awaiting review
          </p>
          <ul className="tl-plan-steps">
            {[...g.reviewed, ...g.pending].map((row) => (
              <ReviewStepRow key={row.step.id} row={row} />
            ))}
          </ul>
        </section>
      ))}
      {you.role === 'facilitator' && <FollowUpPanel plan={plan} />}
    </section>
  );
}

function ReviewStepRow({ row }: { row: ReviewRow }) {
  const { you } = useSession();
  const [recording, setRecording] = useState(false);
  const { step, idea } = row;
  const review = step.review;
  const date = step.successCheck.reviewDate;
  const mayRecord = canEditStep(step, you);
  return (
    <li className="tl-plan-step" data-step-id={step.id} data-reviewed={!!review} data-testid="review-step">
      <div className="tl-plan-step-head">
        {review ? (
          <span className="tl-outcome" data-outcome={review.outcome}>
            {OUTCOME_LABEL[review.outcome]}
          </span>
        ) : (
          <span className="tl-status" data-status={step.reviewDue ? 'due' : 'waiting'}>
            {step.reviewDue ? 'Review due' : date ? `Review ${date}` : 'No review date'}
          </span>
        )}
        <strong>{step.title || 'Untitled step'}</strong>
        <span className="tl-muted">
          {' '}
          · {step.ownerName || 'no owner'} · for “{idea.text}”
        </span>
      </div>
      <p className="tl-muted">
        Check: {step.successCheck.measure || '(no measure)'} → {step.successCheck.target || '(no target)'}
        {step.successCheck.metric ? ` · feeds ${step.successCheck.metric}` : ' · feeds no strategic metric'}
      </p>
      {review && (
        <blockquote className="tl-review-learned">
          {review.learned}
          <footer className="tl-muted">
            {review.recordedBy}, {new Date(review.recordedAt).toLocaleDateString()}
            {review.metrics.length > 0 && <> · touches {review.metrics.join(', ')}</>}
          </footer>
        </blockquote>
      )}
      {mayRecord && !recording && (
        <button
          type="button"
          className="btn btn-small"
          // The review date is a reminder, not a lock: evidence that comes early still counts.
          title={date && !step.reviewDue ? `Due ${date}; you can record it now` : undefined}
          onClick={() => setRecording(true)}
          data-testid="record-review"
        >
          {review ? 'Update the review' : 'Record the result'}
        </button>
      )}
      {recording && <ReviewForm stepId={step.id} initial={review} onDone={() => setRecording(false)} />}
    </li>
  );
}

function ReviewForm({ stepId, initial, onDone }: { stepId: string; initial: ReviewRow['step']['review']; onDone(): void }) {
  const control = useControl();
  const { run, busy, error } = useCommand();
  const [outcome, setOutcome] = useState<ReviewOutcome>(initial?.outcome ?? 'continue');
  const [learned, setLearned] = useState(initial?.learned ?? '');
  const [metrics, setMetrics] = useState<string[]>(initial?.metrics ?? []);
  const all = control.brief?.successMetrics ?? [];
  return (
    <form
      className="tl-plan-editor"
      aria-label="Record the result"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run({ type: 'recordReview', stepId, outcome, learned, metrics })) onDone();
      }}
    >
      <fieldset className="tl-seg">
        <legend>Result</legend>
        {REVIEW_OUTCOMES.map((o) => (
          <button
            key={o}
            type="button"
            className="btn btn-small"
            aria-pressed={outcome === o}
            onClick={() => setOutcome(o)}
            data-testid={`outcome-${o}`}
          >
            {OUTCOME_LABEL[o]}
          </button>
        ))}
      </fieldset>
      <Field label="What was learned">
        <textarea className="textarea" rows={3} value={learned} onChange={(e) => setLearned(e.target.value)} data-testid="review-learned" />
      </Field>
      {all.length > 0 && (
        <fieldset className="tl-plan-fieldset">
          <legend>Strategic metrics this evidence touches</legend>
          {all.map((m) => (
            <label key={m.name} className="tl-check">
              <input
                type="checkbox"
                checked={metrics.includes(m.name)}
                onChange={(e) => setMetrics(e.target.checked ? [...metrics, m.name] : metrics.filter((x) => x !== m.name))}
              />{' '}
              {m.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="review-save">
          Record
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
