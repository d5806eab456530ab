import { type Decision, type Idea, keepEvidence, RATIONALE_PROMPT, type Tally, type Verdict } from '@throughline/shared';
import { useState } from 'react';
import { useControl } from '../session/SessionProvider.tsx';
import { useCommand } from '../session/useCommand.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { Field } from './Field.tsx';

export const VERDICT_LABEL: Record<Verdict, string> = { keep: 'Keep', park: 'Park', drop: 'Drop' };

/** Weighted scores and the median to two places, as the select row and the server's refusal print them; criterion means to one. */
const weighted = (n: number) => n.toFixed(2);
const mean = (n: number) => n.toFixed(1);

/** A decision as the select list shows it: verdict, initiative, criteria served, rationale, and an override said out loud. */
export function DecisionNote({ decision }: { decision: Decision }) {
  const { brief } = useControl();
  const initiative = brief?.initiatives.find((i) => i.id === decision.initiativeId);
  const criteria = (brief?.decisionRule.criteria ?? []).filter((c) => decision.servesCriteria.includes(c.id));
  return (
    <div className="tl-sel-decision" data-testid="decision">
      <p>
        <span className="tl-verdict" data-verdict={decision.verdict}>
          {VERDICT_LABEL[decision.verdict]}
        </span>{' '}
        {initiative && <span className="tl-tag">{initiative.title}</span>}{' '}
        {criteria.map((c) => (
          <span key={c.id} className="tl-tag tl-tag-criterion">
            {c.name}
          </span>
        ))}{' '}
        {decision.rationale}
        <span className="tl-muted">
          {' '}
          — {decision.decidedByName}, {new Date(decision.decidedAt).toLocaleString()}
        </span>
      </p>
      {decision.override && (
        <p className="tl-override" data-testid="decision-override">
          <strong>Override:</strong> kept against the votes and scores — {decision.overrideReason}
        </p>
      )}
    </div>
  );
}

/** What the team's revealed votes and scores say about this idea, beside the keep form. */
function KeepEvidenceBox({ idea, tallies }: { idea: Idea; tallies: readonly Tally[] }) {
  const { brief } = useControl();
  const ev = keepEvidence(idea.id, tallies);
  const tally = tallies.find((t) => t.ideaId === idea.id);
  const criteria = brief?.decisionRule.criteria ?? [];
  return (
    <div className="tl-keep-evidence" data-testid="keep-evidence" data-favoured={ev.favoured}>
      <p>
        <strong>{ev.votes}</strong> {ev.votes === 1 ? 'vote' : 'votes'}
        {ev.score !== null && (
          <>
            {' · '}score <strong>{weighted(ev.score)}</strong>/5
          </>
        )}
        {ev.median !== null && <span className="tl-muted"> (median of scored ideas {weighted(ev.median)})</span>}
      </p>
      {tally && criteria.some((c) => tally.criterionMeans[c.id] !== undefined) && (
        <ul className="tl-keep-scores">
          {criteria.map((c) =>
            tally.criterionMeans[c.id] === undefined ? null : (
              <li key={c.id}>
                {c.name} ×{c.weight}: {mean(tally.criterionMeans[c.id] as number)}
              </li>
            ),
          )}
        </ul>
      )}
      {ev.concern && <p className="tl-warn">{ev.concern}</p>}
    </div>
  );
}

/**
 * Keep / park / drop with what each needs: keep and drop a rationale, keep
 * the initiative and criteria it serves, and — when the votes and scores did
 * not favour the idea — an override reason, shown before the server would
 * refuse without one.
 */
export function DecideForm({ idea, decision }: { idea: Idea; decision: Decision | null }) {
  const control = useControl();
  const { run, busy, error, clearError } = useCommand();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [rationale, setRationale] = useState('');
  const [initiativeId, setInitiativeId] = useState('');
  const [serves, setServes] = useState<string[]>([]);
  const [overrideReason, setOverrideReason] = useState('');
  const [needsConfirm, setNeedsConfirm] = useState(false);
  const initiatives = control.brief?.initiatives ?? [];
  const criteria = control.brief?.decisionRule.criteria ?? [];
  const favoured = keepEvidence(idea.id, control.tallies).favoured;
  const open = (v: Verdict) => {
    const same = decision?.verdict === v ? decision : null;
    clearError();
    setNeedsConfirm(false);
    setVerdict(v);
    setRationale(same?.rationale ?? '');
    setInitiativeId(same?.initiativeId ?? '');
    setServes(same?.servesCriteria ?? []);
    setOverrideReason(same?.overrideReason ?? '');
  };
  const submit = async (confirm = false) => {
    if (!verdict) return;
    const keeping = verdict === 'keep';
    const r = await run({
      type: 'decide',
      ideaId: idea.id,
      verdict,
      rationale,
      initiativeId: keeping && initiativeId ? initiativeId : null,
      servesCriteria: keeping ? serves : [],
      overrideReason: keeping && !favoured ? overrideReason : '',
      ...(confirm ? { confirm: true } : {}),
    });
    if (r) {
      setVerdict(null);
      setNeedsConfirm(false);
    }
  };
  const prompt = verdict ? RATIONALE_PROMPT[verdict] : null;
  const conflict = error?.code === 'TL_ERR_CONFLICT';
  const keeping = verdict === 'keep';
  return (
    <div className="tl-sel-decide">
      {!verdict && (
        <fieldset className="tl-seg">
          <legend className="sr-only">Decide</legend>
          {(['keep', 'park', 'drop'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="btn btn-small"
              aria-pressed={decision?.verdict === v}
              onClick={() => open(v)}
              data-testid={`decide-${v}`}
            >
              {VERDICT_LABEL[v]}
            </button>
          ))}
        </fieldset>
      )}
      {verdict && (
        <form
          className="tl-sel-decide-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(needsConfirm);
          }}
        >
          {keeping && <KeepEvidenceBox idea={idea} tallies={control.tallies} />}
          <Field label={`${VERDICT_LABEL[verdict]}: ${prompt ?? 'Why park it? (optional)'}`}>
            <textarea
              className="textarea"
              rows={2}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              aria-invalid={error?.code === 'TL_ERR_RATIONALE_REQUIRED'}
              data-testid="rationale"
            />
          </Field>
          {keeping && criteria.length > 0 && (
            <fieldset className="tl-serves" data-testid="decide-serves">
              <legend>Criteria it serves</legend>
              {criteria.map((c) => (
                <label key={c.id} className="tl-check">
                  <input
                    type="checkbox"
                    checked={serves.includes(c.id)}
                    onChange={(e) => setServes((xs) => (e.target.checked ? [...xs, c.id] : xs.filter((x) => x !== c.id)))}
                  />{' '}
                  {c.name}
                </label>
              ))}
            </fieldset>
          )}
          {keeping && initiatives.length > 0 && (
            <Field label="Initiative it serves">
              <select
                className="input"
                value={initiativeId}
                onChange={(e) => setInitiativeId(e.target.value)}
                data-testid="decide-initiative"
              >
                <option value="">None in particular</option>
                {initiatives.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {keeping && !favoured && (
            <Field label="Override: why keep it against the votes and scores?">
              <textarea
                className="textarea"
                rows={2}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
                aria-invalid={error?.code === 'TL_ERR_OVERRIDE_REQUIRED'}
                data-testid="override-reason"
              />
            </Field>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-small" onClick={() => setVerdict(null)}>
              Cancel
            </button>
            {conflict ? (
              <button
                type="button"
                className="btn btn-small tl-danger"
                disabled={busy}
                onClick={() => {
                  setNeedsConfirm(true);
                  void submit(true);
                }}
              >
                {VERDICT_LABEL[verdict]} and delete its steps
              </button>
            ) : (
              <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="decide-submit">
                {keeping && !favoured ? 'Keep anyway' : VERDICT_LABEL[verdict]}
              </button>
            )}
          </div>
          <ErrorLine error={error} />
        </form>
      )}
    </div>
  );
}
