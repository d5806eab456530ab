import {
  type CommandInputOf,
  type NextStep,
  OUTPUT_KINDS,
  type OutputKind,
  stepMissing,
  WORK_TYPES,
  type WorkType,
} from '@throughline/shared';
import { useState } from 'react';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { Field, TextField } from './Field.tsx';

const WORK_TYPE_HINT: Record<WorkType, string> = {
  tactical: 'Tactical: a move this horizon',
  operational: 'Operational: how the team runs',
  strategic: 'Strategic: shapes the choice itself',
};

interface Props {
  ideaId: string;
  /** The step being edited, or null to add one. */
  step: NextStep | null;
  /** Participants may only assign themselves (the server enforces it too). */
  ownerLocked: boolean;
  onDone(): void;
}

/**
 * Adds or edits a next step. Saving an incomplete step is allowed — it
 * becomes an intention — and the form says what would make it a tactic.
 */
export function PlanStepEditor({ ideaId, step, ownerLocked, onDone }: Props) {
  const control = useControl();
  const { participants, you } = useSession();
  const { run, busy, error } = useCommand();
  const people = participants.filter((p) => p.role !== 'viewer');
  const [title, setTitle] = useState(step?.title ?? '');
  const [ownerId, setOwnerId] = useState<string>(step ? (step.ownerId ?? '') : ownerLocked ? you.participantId : '');
  const [ownerName, setOwnerName] = useState(step && !step.ownerId ? step.ownerName : '');
  const [due, setDue] = useState(step?.due ?? '');
  const [outputs, setOutputs] = useState(step?.outputs ?? []);
  const [measure, setMeasure] = useState(step?.successCheck.measure ?? '');
  const [target, setTarget] = useState(step?.successCheck.target ?? '');
  const [reviewDate, setReviewDate] = useState(step?.successCheck.reviewDate ?? '');
  const [metric, setMetric] = useState(step?.successCheck.metric ?? '');
  const [workType, setWorkType] = useState<WorkType>(step?.workType ?? 'tactical');
  const [initiativeId, setInitiativeId] = useState(step?.initiativeId ?? '');
  const initiatives = control.brief?.initiatives ?? [];
  const metrics = control.brief?.successMetrics ?? [];
  const missing = stepMissing({
    ownerName: ownerId ? 'x' : ownerName,
    due: due || null,
    successCheck: { measure, target, reviewDate: reviewDate || null },
  });

  const save = async () => {
    const input: CommandInputOf<'upsertNextStep'>['step'] = {
      ...(step ? { id: step.id } : {}),
      ideaId,
      title,
      ownerId: ownerId || null,
      ownerName: ownerId ? '' : ownerName,
      due: due || null,
      outputs: outputs.filter((o) => o.description.trim()),
      successCheck: { measure, target, reviewDate: reviewDate || null, metric: metric || null },
      workType,
      initiativeId: initiativeId || null,
    };
    if (await run({ type: 'upsertNextStep', step: input })) onDone();
  };

  return (
    <form
      className="tl-plan-editor"
      aria-label={step ? 'Edit next step' : 'Add a next step'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField label="Step" value={title} onChange={setTitle} placeholder="What will be done" testId="step-title" />
      <div className="tl-plan-editor-grid">
        <Field label="Owner">
          <select
            className="input"
            value={ownerId}
            disabled={ownerLocked}
            onChange={(e) => setOwnerId(e.target.value)}
            data-testid="step-owner"
          >
            <option value="">Someone not in the session…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.id === you.participantId ? ' (you)' : ''}
              </option>
            ))}
          </select>
          {!ownerId && (
            <input
              className="input"
              value={ownerName}
              onChange={(e) => setOwnerName(e.target.value)}
              placeholder="Their name"
              aria-label="Owner's name"
            />
          )}
        </Field>
        <TextField label="Due" type="date" value={due} onChange={setDue} testId="step-due" />
        <Field label="Work type">
          <select className="input" value={workType} onChange={(e) => setWorkType(e.target.value as WorkType)}>
            {WORK_TYPES.map((w) => (
              <option key={w} value={w}>
                {WORK_TYPE_HINT[w]}
              </option>
            ))}
          </select>
        </Field>
        {initiatives.length > 0 && (
          <Field label="Initiative">
            <select className="input" value={initiativeId} onChange={(e) => setInitiativeId(e.target.value)}>
              <option value="">Same as the idea</option>
              {initiatives.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <fieldset className="tl-plan-fieldset">
        <legend>Success check (tactical)</legend>
        <div className="tl-plan-editor-grid">
          <TextField
            label="Measure"
            value={measure}
            onChange={setMeasure}
            placeholder="Demo requests from IT leads"
            testId="step-measure"
          />
          <TextField label="Target" value={target} onChange={setTarget} placeholder="20 in 4 weeks" testId="step-target" />
          <TextField label="Review on" type="date" value={reviewDate} onChange={setReviewDate} testId="step-review-date" />
        </div>
        {metrics.length > 0 && (
          <Field label="Leading indicator for (strategic metric)">
            <select className="input" value={metric} onChange={(e) => setMetric(e.target.value)} data-testid="step-metric">
              <option value="">No strategic metric</option>
              {metrics.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                  {m.target ? ` (target ${m.target})` : ''}
                </option>
              ))}
            </select>
          </Field>
        )}
      </fieldset>
      <fieldset className="tl-plan-fieldset">
        <legend>Outputs</legend>
        {outputs.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: outputs have no id; rows are edited in place
          <div className="row" key={i}>
            <select
              className="input"
              value={o.kind}
              aria-label="Output kind"
              onChange={(e) => setOutputs(outputs.map((x, j) => (j === i ? { ...x, kind: e.target.value as OutputKind } : x)))}
            >
              {OUTPUT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <input
              className="input"
              value={o.description}
              aria-label="Output"
              onChange={(e) => setOutputs(outputs.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setOutputs(outputs.filter((_, j) => j !== i))}
              aria-label="Remove output"
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => setOutputs([...outputs, { kind: 'asset', description: '' }])}
        >
          + Output
        </button>
      </fieldset>
      <p className="tl-muted" data-testid="editor-status">
        {missing.length === 0
          ? 'This is a tactic: owned, dated and checkable.'
          : `Saved now it is an intention — it still needs ${missing.map((m) => (m === 'successCheck' ? 'a success check (measure, target and review date)' : m === 'due' ? 'a due date' : 'an owner')).join(', ')}.`}
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn-small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="step-save">
          {step ? 'Save step' : 'Add step'}
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
