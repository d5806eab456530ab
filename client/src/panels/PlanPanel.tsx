import {
  buildPlan,
  canEditStep,
  describeMissing,
  type Plan,
  type PlanIdea,
  type PlanStep,
  WORK_TYPES,
  type WorkType,
} from '@throughline/shared';
import { useMemo, useState } from 'react';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useBoardSnapshot } from '../session/useBoardSnapshot.ts';
import { useCommand } from '../session/useCommand.ts';
import { StepComments } from './comments/StepComments.tsx';
import { ErrorLine } from './ErrorLine.tsx';
import { InitiativeHeading } from './InitiativeHeading.tsx';
import { PlanStepEditor } from './PlanStepEditor.tsx';

const WORK_TYPE_LABEL: Record<WorkType, string> = { tactical: 'Tactical', operational: 'Operational', strategic: 'Strategic' };

/** The session's plan, assembled by the shared `buildPlan` from the live docs. */
export function usePlan(): Plan | null {
  const control = useControl();
  const { today } = useSession();
  const board = useBoardSnapshot();
  return useMemo(
    () =>
      control.brief
        ? buildPlan(control.brief, board.ideas, control.tallies, control.decisions, control.steps, { clusters: board.clusters, today })
        : null,
    [control, board, today],
  );
}

/**
 * Plan: reads top-down — objective, initiatives, kept ideas with their
 * rationale, next steps — with gaps called out, the work-type balance, and
 * the strategic success metrics kept apart from the steps' tactical checks.
 */
export function PlanPanel() {
  const plan = usePlan();
  if (!plan) return <p className="tl-muted">The session has no brief yet.</p>;
  return (
    <section className="tl-plan" aria-label="Plan">
      <header className="tl-plan-head">
        <p className="tl-plan-kicker">Objective{plan.brief.horizon ? ` · ${plan.brief.horizon}` : ''}</p>
        <h2 className="tl-plan-objective">{plan.brief.objective}</h2>
        <p className="tl-muted">For {plan.brief.audience}</p>
      </header>
      <div className="tl-plan-summary">
        <PlanMetrics plan={plan} />
        <PlanBalance plan={plan} />
      </div>
      <PlanGaps plan={plan} />
      {plan.initiatives.map((g) => (
        <section key={g.initiative?.id ?? 'none'} className="tl-plan-initiative" data-testid="plan-initiative">
          <InitiativeHeading initiative={g.initiative} none="Kept ideas tied to no initiative" />
          {g.ideas.length === 0 ? (
            <p className="tl-gap">No kept idea serves this initiative yet.</p>
          ) : (
            g.ideas.map((idea) => <PlanIdeaBlock key={idea.id} idea={idea} />)
          )}
        </section>
      ))}
      {(plan.parked.length > 0 || plan.dropped.length > 0 || plan.undecided > 0) && (
        <details className="tl-plan-record">
          <summary>
            Not in the plan: {plan.parked.length} parked, {plan.dropped.length} dropped
            {plan.undecided > 0 ? `, ${plan.undecided} undecided` : ''}
          </summary>
          <ul>
            {[...plan.parked, ...plan.dropped].map((i) => (
              <li key={i.id}>
                <span className="tl-verdict" data-verdict={i.decision.verdict}>
                  {i.decision.verdict}
                </span>{' '}
                {i.text}
                {i.decision.rationale && <span className="tl-muted"> — {i.decision.rationale}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Strategic metrics with what feeds them, and the loose ends: metrics nothing feeds, steps that feed no metric. */
function PlanMetrics({ plan }: { plan: Plan }) {
  return (
    <section className="tl-plan-metrics" aria-label="Strategic success metrics" data-testid="plan-metrics">
      <h3>Strategic success metrics</h3>
      <p className="tl-muted">Outcomes the strategy should move; each step's success check can be a leading indicator for one.</p>
      {plan.successMetrics.length === 0 ? (
        <p className="tl-gap">The brief names no strategic metric.</p>
      ) : (
        <ul>
          {plan.successMetrics.map((m) => (
            <li key={m.name} data-fed={m.fedBy.length > 0}>
              <strong>{m.name}</strong>
              {m.target && <> · target {m.target}</>}
              <span className="tl-muted">
                {' '}
                · {m.fedBy.length === 0 ? 'no step feeds it' : `fed by ${m.fedBy.map((f) => f.title || 'untitled step').join(', ')}`}
                {m.evidence.length > 0 && ` · ${m.evidence.length} ${m.evidence.length === 1 ? 'review' : 'reviews'}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {plan.unfedMetrics.length > 0 && (
        <p className="tl-gap" data-testid="unfed-metrics">
          No tactic feeds {plan.unfedMetrics.join(', ')}.
        </p>
      )}
      {plan.unlinkedSteps.length > 0 && plan.successMetrics.length > 0 && (
        <p className="tl-gap" data-testid="unlinked-steps">
          {plan.unlinkedSteps.length === 1 ? 'One step feeds' : `${plan.unlinkedSteps.length} steps feed`} no strategic metric:{' '}
          {plan.unlinkedSteps.map((s) => s.title || 'untitled step').join(', ')}.
        </p>
      )}
    </section>
  );
}

function PlanBalance({ plan }: { plan: Plan }) {
  const b = plan.balance;
  return (
    <section className="tl-plan-balance" aria-label="Work-type balance" data-testid="work-type-balance">
      <h3>Work-type balance</h3>
      {b.total === 0 ? (
        <p className="tl-muted">No steps yet.</p>
      ) : (
        <>
          <div
            className="tl-balance-bar"
            role="img"
            aria-label={WORK_TYPES.map((t) => `${WORK_TYPE_LABEL[t]} ${b.percents[t]}%`).join(', ')}
          >
            {WORK_TYPES.filter((t) => b.counts[t] > 0).map((t) => (
              <span key={t} data-type={t} style={{ width: `${b.percents[t]}%` }} />
            ))}
          </div>
          <ul className="tl-balance-legend">
            {WORK_TYPES.map((t) => (
              <li key={t} data-type={t}>
                {WORK_TYPE_LABEL[t]} {b.counts[t]} ({b.percents[t]}%)
              </li>
            ))}
          </ul>
          {b.dominant && (
            <p className="tl-gap">
              {WORK_TYPE_LABEL[b.dominant]} work crowds out the rest ({b.percents[b.dominant]}%).
            </p>
          )}
          {b.missing.length > 0 && !b.dominant && (
            <p className="tl-muted">No {b.missing.map((t) => WORK_TYPE_LABEL[t].toLowerCase()).join(' or ')} steps.</p>
          )}
        </>
      )}
      <p className="tl-muted">
        {plan.totals.tactics} {plan.totals.tactics === 1 ? 'tactic' : 'tactics'}, {plan.totals.intentions}{' '}
        {plan.totals.intentions === 1 ? 'intention' : 'intentions'}
      </p>
    </section>
  );
}

function PlanGaps({ plan }: { plan: Plan }) {
  if (plan.gaps.length === 0) {
    return plan.totals.keptIdeas > 0 ? <p className="tl-plan-complete">Every kept idea has owned, dated, checkable steps.</p> : null;
  }
  return (
    <section className="tl-plan-gaps" aria-label="Gaps in the plan" data-testid="plan-gaps">
      <h3>
        {plan.gaps.length} {plan.gaps.length === 1 ? 'gap' : 'gaps'} before this is a plan
      </h3>
      <ul>
        {plan.gaps.map((g) => (
          <li key={`${g.kind}:${'stepId' in g ? g.stepId : 'ideaId' in g ? g.ideaId : g.initiativeId}`} data-kind={g.kind}>
            {g.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PlanIdeaBlock({ idea }: { idea: PlanIdea }) {
  const { you } = useSession();
  const { brief } = useControl();
  const [adding, setAdding] = useState(false);
  const serves = (brief?.decisionRule.criteria ?? []).filter((c) => idea.decision.servesCriteria.includes(c.id));
  const canAdd = you.role === 'facilitator' || you.role === 'participant';
  return (
    <article className="tl-plan-idea" data-idea-id={idea.id} data-has-gap={idea.steps.length === 0}>
      <h4>{idea.text}</h4>
      <p className="tl-plan-rationale">
        <span className="tl-verdict" data-verdict="keep">
          Kept
        </span>{' '}
        {serves.map((c) => (
          <span key={c.id} className="tl-tag tl-tag-criterion" data-testid="plan-serves">
            {c.name}
          </span>
        ))}{' '}
        {idea.decision.rationale}
        <span className="tl-muted"> — {idea.decision.decidedByName}</span>
      </p>
      {idea.decision.override && (
        <p className="tl-override" data-testid="plan-override">
          <strong>Override:</strong> kept against the votes and scores — {idea.decision.overrideReason}
        </p>
      )}
      {idea.steps.length === 0 && !adding && <p className="tl-gap">No next step yet: a kept idea without a step is a wish.</p>}
      {idea.steps.length > 0 && (
        <ul className="tl-plan-steps">
          {idea.steps.map((s) => (
            <PlanStepRow key={s.id} step={s} />
          ))}
        </ul>
      )}
      {adding ? (
        <PlanStepEditor ideaId={idea.id} step={null} ownerLocked={you.role !== 'facilitator'} onDone={() => setAdding(false)} />
      ) : (
        canAdd && (
          <button type="button" className="btn btn-small" onClick={() => setAdding(true)} data-testid="add-step">
            + {you.role === 'facilitator' ? 'Add a step' : 'Take on a step'}
          </button>
        )
      )}
    </article>
  );
}

function PlanStepRow({ step }: { step: PlanStep }) {
  const { you } = useSession();
  const { run, busy, error } = useCommand();
  const [editing, setEditing] = useState(false);
  const mayEdit = canEditStep(step, you);
  if (editing) {
    return (
      <li className="tl-plan-step">
        <PlanStepEditor ideaId={step.ideaId} step={step} ownerLocked={you.role !== 'facilitator'} onDone={() => setEditing(false)} />
      </li>
    );
  }
  const c = step.successCheck;
  return (
    <li className="tl-plan-step" data-status={step.status} data-step-id={step.id} data-testid="plan-step">
      <div className="tl-plan-step-head">
        <span
          className="tl-status"
          data-status={step.status}
          title={step.missing.length ? `Needs ${describeMissing(step.missing)}` : undefined}
        >
          {step.status === 'tactic' ? 'Tactic' : 'Intention'}
        </span>
        <strong>{step.title || 'Untitled step'}</strong>
        <span className="tl-tag" data-type={step.workType}>
          {WORK_TYPE_LABEL[step.workType]}
        </span>
        {step.effectiveInitiativeTitle && step.initiativeId && <span className="tl-tag">{step.effectiveInitiativeTitle}</span>}
      </div>
      <dl className="tl-plan-step-facts">
        <dt>Owner</dt>
        <dd data-missing={step.missing.includes('owner')}>{step.ownerName || 'nobody yet'}</dd>
        <dt>Due</dt>
        <dd data-missing={step.missing.includes('due')}>{step.due ?? 'no date'}</dd>
        <dt>Check</dt>
        <dd data-missing={step.missing.includes('successCheck')}>
          {c.measure || c.target || c.reviewDate
            ? `${c.measure || '(no measure)'} → ${c.target || '(no target)'}, review ${c.reviewDate ?? '(no date)'}`
            : 'no success check'}
        </dd>
        <dt>Feeds</dt>
        <dd data-testid="step-feeds">{c.metric ?? 'no strategic metric'}</dd>
        {step.outputs.length > 0 && (
          <>
            <dt>Outputs</dt>
            <dd>{step.outputs.map((o) => `${o.kind}: ${o.description}`).join(' · ')}</dd>
          </>
        )}
      </dl>
      {step.missing.length > 0 && <p className="tl-gap">An intention until it has {describeMissing(step.missing)}.</p>}
      {mayEdit && (
        <div className="form-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setEditing(true)} data-testid="edit-step">
            Edit
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={busy}
            onClick={() => run({ type: 'deleteNextStep', stepId: step.id })}
          >
            Delete
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      <StepComments stepId={step.id} title={step.title} />
    </li>
  );
}
