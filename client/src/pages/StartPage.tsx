import { type BriefWarning, checkBrief, type Template } from '@throughline/shared';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type CreatedSession, type FieldIssue } from '../api.ts';
import { rememberedName, rememberName, saveIdentity } from '../auth/tokenStore.ts';
import { BriefForm } from './BriefForm.tsx';
import { type BriefDraft, EMPTY_DRAFT, fromBriefInput, sectionOf, toBriefInput } from './briefDraft.ts';
import { InviteLinks } from './InviteLinks.tsx';
import { loadBoardPage } from './loadBoardPage.ts';
import { TemplatePicker } from './TemplatePicker.tsx';

const SECTION_LABEL: Record<string, string> = {
  objective: 'Objective',
  audience: 'Audience',
  constraints: 'Constraints',
  rule: 'Decision rule',
  criteria: 'Criteria',
  successMetrics: 'Success metrics',
  horizon: 'Horizon',
  initiatives: 'Initiatives',
};

/**
 * Creates a session: first a template (or a blank brief), then the brief,
 * pre-filled from the template's example. The brief check runs on every keystroke
 * and its warnings sit beside the fields they are about; they never block
 * creating the session.
 */
export function StartPage() {
  const [draft, setDraft] = useState<BriefDraft>(EMPTY_DRAFT);
  const [name, setName] = useState(rememberedName() || '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [created, setCreated] = useState<CreatedSession | null>(null);
  // null: a blank brief.
  const [template, setTemplate] = useState<Template | null>(null);

  // The board is where this page leads: fetch its code while the brief is written.
  useEffect(() => void loadBoardPage(), []);
  const warnings = useMemo(() => checkBrief(toBriefInput(draft)), [draft]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      const displayName = name.trim() || undefined;
      const brief = toBriefInput(draft);
      const res = template ? await api.createFromTemplate(template.id, brief, displayName) : await api.createSession(brief, displayName);
      if (displayName) rememberName(displayName);
      saveIdentity(res.sessionId, {
        token: res.facilitatorToken,
        participantId: res.participantId,
        role: 'facilitator',
        name: displayName ?? 'Facilitator',
      });
      setCreated(res);
    } catch (err) {
      if (err instanceof ApiError) {
        setError(err.issues.length > 0 ? 'Some fields need fixing before the session can be created.' : err.message);
        setIssues(err.issues);
      } else setError('The session could not be created.');
    } finally {
      setBusy(false);
    }
  }

  if (created) return <InviteLinks created={created} />;

  const pick = (t: Template | null) => {
    setTemplate(t);
    setDraft(t ? fromBriefInput(t.brief) : EMPTY_DRAFT);
  };

  return (
    <main className="page">
      <div className="page-wide">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" /> Throughline
        </div>
        <h1>Start a brainstorming session</h1>
        <p className="lede">
          Write the strategic brief the team will explore against. It is checked as you type: warnings point at what is vague, but you may
          start anyway.
        </p>
        <TemplatePicker chosen={template?.id ?? null} onPick={pick} />
        <form className="start-grid" onSubmit={submit} noValidate>
          <div className="card">
            {error ? (
              <div className="alert" role="alert">
                {error}
              </div>
            ) : null}
            {template ? (
              <p className="template-chosen" data-testid="template-chosen">
                Template: <strong>{template.name}</strong> — its agenda and voting settings come with it. Rewrite the example brief for your
                team.{' '}
                <button type="button" className="btn btn-ghost btn-small" onClick={() => pick(null)}>
                  Start blank instead
                </button>
              </p>
            ) : null}
            <label className="field">
              <span className="field-label">Your name</span>
              <span className="field-hint">Shown to the team next to your cursor and notes.</span>
              <input className="input" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder="Facilitator" />
            </label>
            <BriefForm draft={draft} onChange={setDraft} warnings={warnings} issues={issues} />
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? 'Creating…' : 'Create session'}
              </button>
              {warnings.length > 0 ? (
                <span className="fine-print">
                  {warnings.length} warning{warnings.length === 1 ? '' : 's'} — you can still create it.
                </span>
              ) : null}
            </div>
          </div>
          <BriefCheckSummary warnings={warnings} />
        </form>
      </div>
    </main>
  );
}

function BriefCheckSummary({ warnings }: { warnings: BriefWarning[] }) {
  return (
    <aside className="card check-summary" aria-labelledby="check-title">
      <h2 id="check-title">Brief check</h2>
      <div aria-live="polite">
        {warnings.length === 0 ? (
          <p className="check-ok">No warnings: this brief can tell ideas apart.</p>
        ) : (
          <p>
            {warnings.length} thing{warnings.length === 1 ? '' : 's'} to strengthen:
          </p>
        )}
      </div>
      <ul className="check-list">
        {warnings.map((w) => (
          <li key={`${w.field}:${w.code}`}>
            <a href={`#field-${sectionOf(w.field)}`}>{SECTION_LABEL[sectionOf(w.field)] ?? w.field}</a>: {w.message}
          </li>
        ))}
      </ul>
    </aside>
  );
}
