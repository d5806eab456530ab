import type { BriefWarning } from '@throughline/shared';
import type { ReactNode } from 'react';
import type { FieldIssue } from '../api.ts';
import { type BriefDraft, sectionOf } from './briefDraft.ts';

interface Props {
  draft: BriefDraft;
  onChange: (d: BriefDraft) => void;
  warnings: BriefWarning[];
  issues: FieldIssue[];
}

/** The brief's fields, each with its live warnings and any server validation errors. */
export function BriefForm({ draft, onChange, warnings, issues }: Props) {
  const set = <K extends keyof BriefDraft>(k: K, v: BriefDraft[K]) => onChange({ ...draft, [k]: v });
  const notes = (section: string) => (
    <FieldNotes
      id={`notes-${section}`}
      warnings={warnings.filter((w) => sectionOf(w.field) === section)}
      issues={issues.filter((i) => sectionOf(i.path) === section)}
    />
  );
  const invalid = (section: string) => issues.some((i) => sectionOf(i.path) === section);

  return (
    <>
      <Field
        id="objective"
        label="Objective"
        hint="The strategic choice: who you will win, and on what basis. Not a slogan, not a list of tactics."
      >
        <textarea
          id="field-objective"
          className="textarea"
          rows={3}
          value={draft.objective}
          aria-invalid={invalid('objective')}
          aria-describedby="notes-objective"
          onChange={(e) => set('objective', e.target.value)}
          placeholder="e.g. Win consideration among enterprise buyers who need governance"
        />
        {notes('objective')}
      </Field>
      <Field id="audience" label="Audience" hint="Who the ideas are for.">
        <input
          id="field-audience"
          className="input"
          value={draft.audience}
          aria-invalid={invalid('audience')}
          aria-describedby="notes-audience"
          onChange={(e) => set('audience', e.target.value)}
          placeholder="e.g. IT leads at 500+ person companies"
        />
        {notes('audience')}
      </Field>
      <FieldSet id="constraints" legend="Constraints" hint="Brand, timing, channel and release realities ideas must respect.">
        <Rows
          items={draft.constraints}
          onChange={(v) => set('constraints', v)}
          blank=""
          addLabel="Add constraint"
          render={(c, update, i) => (
            <input
              className="input"
              aria-label={`Constraint ${i + 1}`}
              value={c}
              onChange={(e) => update(e.target.value)}
              placeholder="e.g. No paid media before Q3"
            />
          )}
        />
        {notes('constraints')}
      </FieldSet>
      <Field id="rule" label="Decision rule" hint="One line the team will choose by when selecting.">
        <input
          id="field-rule"
          className="input"
          value={draft.rule}
          aria-describedby="notes-rule"
          onChange={(e) => set('rule', e.target.value)}
          placeholder="e.g. Prefer ideas that move enterprise consideration this quarter at low cost"
        />
        {notes('rule')}
      </Field>
      <FieldSet
        id="criteria"
        legend="Criteria and weights"
        hint="What ideas are scored against. Weights are relative: 3 counts three times 1."
      >
        <Rows
          items={draft.criteria}
          onChange={(v) => set('criteria', v)}
          blank={{ name: '', description: '', weight: '1' }}
          addLabel="Add criterion"
          render={(c, update, i) => (
            <>
              <input
                className="input"
                aria-label={`Criterion ${i + 1} name`}
                value={c.name}
                onChange={(e) => update({ ...c, name: e.target.value })}
                placeholder="e.g. Strategic fit"
              />
              <input
                className="input"
                aria-label={`Criterion ${i + 1} description`}
                value={c.description}
                onChange={(e) => update({ ...c, description: e.target.value })}
                placeholder="e.g. Moves the objective directly"
              />
              <input
                className="input input-weight"
                type="number"
                min={0}
                max={100}
                aria-label={`Criterion ${i + 1} weight`}
                value={c.weight}
                onChange={(e) => update({ ...c, weight: e.target.value })}
              />
            </>
          )}
        />
        {notes('criteria')}
      </FieldSet>
      <FieldSet id="successMetrics" legend="Success metrics" hint="Strategic outcomes (retention, share, conversion), not task milestones.">
        <Rows
          items={draft.successMetrics}
          onChange={(v) => set('successMetrics', v)}
          blank={{ name: '', target: '' }}
          addLabel="Add metric"
          render={(m, update, i) => (
            <>
              <input
                className="input"
                aria-label={`Metric ${i + 1} name`}
                value={m.name}
                onChange={(e) => update({ ...m, name: e.target.value })}
                placeholder="e.g. Enterprise trial-to-paid rate"
              />
              <input
                className="input"
                aria-label={`Metric ${i + 1} target`}
                value={m.target}
                onChange={(e) => update({ ...m, target: e.target.value })}
                placeholder="e.g. From 8% to 12%"
              />
            </>
          )}
        />
        {notes('successMetrics')}
      </FieldSet>
      <Field id="horizon" label="Horizon" hint="The period the strategy covers.">
        <input
          id="field-horizon"
          className="input"
          value={draft.horizon}
          aria-describedby="notes-horizon"
          onChange={(e) => set('horizon', e.target.value)}
          placeholder="e.g. H1 2027"
        />
        {notes('horizon')}
      </Field>
      <FieldSet
        id="initiatives"
        legend="Initiatives (optional)"
        hint="The few initiatives that make the strategy real; kept ideas hang under them."
      >
        <Rows
          items={draft.initiatives}
          onChange={(v) => set('initiatives', v)}
          blank={{ title: '', description: '' }}
          addLabel="Add initiative"
          render={(it, update, i) => (
            <>
              <input
                className="input"
                aria-label={`Initiative ${i + 1} title`}
                value={it.title}
                onChange={(e) => update({ ...it, title: e.target.value })}
                placeholder="e.g. Governance-first onboarding"
              />
              <input
                className="input"
                aria-label={`Initiative ${i + 1} description`}
                value={it.description}
                onChange={(e) => update({ ...it, description: e.target.value })}
              />
            </>
          )}
        />
        {notes('initiatives')}
      </FieldSet>
      <Field id="title" label="Session title (optional)" hint="Defaults to the first words of the objective.">
        <input id="field-title" className="input" value={draft.title} maxLength={120} onChange={(e) => set('title', e.target.value)} />
      </Field>
    </>
  );
}

function Field({ id, label, hint, children }: { id: string; label: string; hint: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={`field-${id}`}>
        {label}
      </label>
      <span className="field-hint">{hint}</span>
      {children}
    </div>
  );
}

function FieldSet({ id, legend, hint, children }: { id: string; legend: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="field" id={`field-${id}`} aria-describedby={`notes-${id}`}>
      <legend className="field-label">{legend}</legend>
      <span className="field-hint">{hint}</span>
      {children}
    </fieldset>
  );
}

function FieldNotes({ id, warnings, issues }: { id: string; warnings: BriefWarning[]; issues: FieldIssue[] }) {
  return (
    <div id={id} aria-live="polite">
      {issues.map((i) => (
        <div key={`${i.path}:${i.message}`} className="field-error">
          {i.message}
        </div>
      ))}
      {warnings.map((w) => (
        <div key={`${w.field}:${w.code}`} className="warning" data-warning={w.code}>
          <strong>{w.message}</strong>
          <p>{w.suggestion}</p>
        </div>
      ))}
    </div>
  );
}

function Rows<T>({
  items,
  onChange,
  blank,
  addLabel,
  render,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  addLabel: string;
  render: (item: T, update: (v: T) => void, index: number) => ReactNode;
}) {
  return (
    <div className="rows">
      {items.map((item, i) => (
        // Rows have no identity of their own; the index is their identity while editing.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="row" key={i}>
          {render(item, (v) => onChange(items.map((x, j) => (j === i ? v : x))), i)}
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Remove ${addLabel.replace(/^Add /, '')} ${i + 1}`}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onChange([...items, blank])}>
          + {addLabel}
        </button>
      </div>
    </div>
  );
}
