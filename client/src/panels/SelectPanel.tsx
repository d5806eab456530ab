import {
  type Decision,
  type Idea,
  isOriginHidden,
  isSelectable,
  type MyVotesValue,
  type Origin,
  type RankBy,
  rankIdeas,
  type Tally,
} from '@throughline/shared';
import { useMemo, useState } from 'react';
import type { ControlSnapshot } from '../session/readControl.ts';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { useBoardSnapshot } from '../session/useBoardSnapshot.ts';
import { DecideForm, DecisionNote } from './DecideForm.tsx';
import { ErrorLine } from './ErrorLine.tsx';
import { SelectBudget, SelectFacilitatorBar, useMyVotes } from './SelectVoting.tsx';

/**
 * Select: judge narrowly. Each person spends private dots and may score
 * ideas against the decision rule; after the reveal, a ranked view (by votes
 * or weighted score, filterable by cluster and origin) sits beside the
 * decision rule, and the facilitator keeps, parks or drops each idea with a
 * rationale.
 */
export function SelectPanel() {
  const control = useControl();
  const { you } = useSession();
  const board = useBoardSnapshot();
  const votes = useMyVotes();
  const [by, setBy] = useState<RankBy>('votes');
  const [clusterId, setClusterId] = useState<string>('');
  const [origin, setOrigin] = useState<Origin | ''>('');
  const { phase, settings, brief } = control;
  const revealed = phase.revealed;
  const blind = settings.blindOrigin && phase.current === 'select';
  const decisionOf = useMemo(() => new Map(control.decisions.map((d) => [d.ideaId as string, d])), [control.decisions]);
  const selectable = useMemo(() => board.ideas.filter(isSelectable), [board.ideas]);
  const ranked = useMemo(
    () =>
      rankIdeas(selectable, revealed ? control.tallies : [], {
        by: revealed ? by : 'votes',
        clusterId: clusterId || undefined,
        origin: origin || undefined,
        originHidden: blind,
      }),
    [selectable, control.tallies, revealed, by, clusterId, origin, blind],
  );
  const clusterTitle = (id: string | null) => board.clusters.find((c) => c.id === id)?.title ?? null;
  const decided = control.decisions.filter((d) => selectable.some((i) => i.id === d.ideaId)).length;

  return (
    <section className="tl-sel" aria-label="Select">
      {you.role === 'facilitator' && <SelectFacilitatorBar />}
      <SelectBudget mine={votes.mine} />
      <ErrorLine error={votes.error} />
      <div className="tl-sel-layout">
        <div className="tl-sel-main">
          <div className="tl-sel-toolbar" role="toolbar" aria-label="Ranking">
            {revealed ? (
              <fieldset className="tl-seg">
                <legend className="sr-only">Rank by</legend>
                <button type="button" className="btn btn-small" aria-pressed={by === 'votes'} onClick={() => setBy('votes')}>
                  By votes
                </button>
                <button type="button" className="btn btn-small" aria-pressed={by === 'score'} onClick={() => setBy('score')}>
                  By weighted score
                </button>
              </fieldset>
            ) : (
              <span className="tl-muted">Totals appear when the facilitator reveals the votes.</span>
            )}
            <label>
              <span className="sr-only">Cluster</span>
              <select className="input" value={clusterId} onChange={(e) => setClusterId(e.target.value)} aria-label="Filter by cluster">
                <option value="">All clusters</option>
                <option value="none">No cluster</option>
                {board.clusters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title || 'Untitled cluster'}
                  </option>
                ))}
              </select>
            </label>
            <label title={blind ? 'Origin is hidden until ideas are decided (blind origin)' : undefined}>
              <span className="sr-only">Origin</span>
              <select
                className="input"
                value={blind ? '' : origin}
                disabled={blind}
                onChange={(e) => setOrigin(e.target.value as Origin | '')}
                aria-label="Filter by origin"
              >
                <option value="">People and AI</option>
                <option value="person">People's ideas</option>
                <option value="ai">Adopted AI ideas</option>
              </select>
            </label>
            <span className="tl-muted">
              {decided} of {selectable.length} decided
            </span>
          </div>
          {ranked.length === 0 ? (
            <p className="tl-muted">No ideas match. AI ideas take part once someone adopts them onto the canvas.</p>
          ) : (
            <ol className="tl-sel-list" data-testid="ranked-ideas">
              {ranked.map(({ idea, tally, rank }) => (
                <SelectIdeaRow
                  key={idea.id}
                  idea={idea}
                  rank={revealed ? rank : null}
                  tally={revealed ? tally : null}
                  decision={decisionOf.get(idea.id) ?? null}
                  clusterTitle={clusterTitle(idea.clusterId)}
                  originHidden={isOriginHidden(settings, phase.current, decisionOf.get(idea.id))}
                  control={control}
                  votes={votes}
                />
              ))}
            </ol>
          )}
        </div>
        <aside className="tl-sel-rule" aria-label="Decision rule">
          <h3>Decision rule</h3>
          <p>{brief?.decisionRule.rule || <span className="tl-muted">No rule written; the criteria below are what counts.</span>}</p>
          {brief && brief.decisionRule.criteria.length > 0 && (
            <ul className="tl-sel-criteria">
              {brief.decisionRule.criteria.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong> <span className="tl-weight">×{c.weight}</span>
                  {c.description && <div className="tl-muted">{c.description}</div>}
                </li>
              ))}
            </ul>
          )}
          <h3>Objective</h3>
          <p>{brief?.objective}</p>
        </aside>
      </div>
    </section>
  );
}

interface RowProps {
  idea: Idea;
  rank: number | null;
  tally: Tally | null;
  decision: Decision | null;
  clusterTitle: string | null;
  originHidden: boolean;
  control: ControlSnapshot;
  votes: ReturnType<typeof useMyVotes>;
}

function SelectIdeaRow({ idea, rank, tally, decision, clusterTitle, originHidden, control, votes }: RowProps) {
  const { you } = useSession();
  const [scoring, setScoring] = useState(false);
  const mine: MyVotesValue | null = votes.mine;
  const myDots = mine?.votes[idea.id] ?? 0;
  const canVote = !!mine?.canVote;
  const criteria = control.brief?.decisionRule.criteria ?? [];
  const myScores = mine?.scores[idea.id] ?? {};
  return (
    <li className="tl-sel-row" data-idea-id={idea.id} data-verdict={decision?.verdict ?? 'undecided'}>
      <div className="tl-sel-row-head">
        {rank !== null && <span className="tl-rank">#{rank}</span>}
        <p className="tl-sel-text">{idea.text}</p>
      </div>
      <div className="tl-sel-meta">
        {clusterTitle && <span className="tl-tag">{clusterTitle}</span>}
        {!originHidden && idea.origin === 'ai' && (
          <span className="tl-tag tl-tag-ai" title={idea.provenance ? `${idea.provenance.generator} · ${idea.provenance.lens}` : undefined}>
            AI · adopted
          </span>
        )}
        {!originHidden && idea.origin === 'person' && idea.authorName && <span className="tl-muted">by {idea.authorName}</span>}
        {tally && (
          <span className="tl-sel-tally" data-testid="tally">
            <strong>{tally.votes}</strong> {tally.votes === 1 ? 'vote' : 'votes'} from {tally.voters}
            {tally.weightedScore !== null && (
              <>
                {' '}
                · score <strong>{tally.weightedScore.toFixed(2)}</strong>/5
              </>
            )}
          </span>
        )}
      </div>
      {tally && Object.keys(tally.criterionMeans).length > 0 && (
        <ul className="tl-sel-means">
          {criteria
            .filter((c) => tally.criterionMeans[c.id] !== undefined)
            .map((c) => (
              <li key={c.id}>
                {c.name}: {tally.criterionMeans[c.id]?.toFixed(1)}
              </li>
            ))}
        </ul>
      )}
      {canVote && (
        <div className="tl-sel-vote">
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Take a vote back from: ${idea.text}`}
            disabled={votes.busy || myDots === 0}
            onClick={() => votes.unvote(idea.id)}
          >
            −
          </button>
          <span className="tl-sel-mydots" data-testid="my-dots" data-count={myDots}>
            <span aria-hidden="true">{'●'.repeat(myDots) || '○'}</span>
            <span className="sr-only">Your votes on this idea: {myDots}</span>
          </span>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Vote for: ${idea.text}`}
            disabled={votes.busy || (mine?.remaining ?? 0) === 0 || myDots >= (mine?.perIdeaCap ?? 0)}
            onClick={() => votes.vote(idea.id)}
            data-testid="vote"
          >
            +
          </button>
          {criteria.length > 0 && (
            <button type="button" className="btn btn-ghost btn-small" aria-expanded={scoring} onClick={() => setScoring((s) => !s)}>
              {Object.keys(myScores).length > 0 ? `Scored ${Object.keys(myScores).length}/${criteria.length}` : 'Score…'}
            </button>
          )}
        </div>
      )}
      {canVote && scoring && (
        <div className="tl-sel-score">
          {criteria.map((c) => (
            <fieldset key={c.id} className="tl-seg">
              <legend>{c.name}</legend>
              {[1, 2, 3, 4, 5].map((v) => (
                <button
                  key={v}
                  type="button"
                  className="btn btn-small"
                  aria-pressed={myScores[c.id] === v}
                  disabled={votes.busy}
                  onClick={() => votes.score(idea.id, c.id, myScores[c.id] === v ? null : v)}
                >
                  {v}
                </button>
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {decision && <DecisionNote decision={decision} />}
      {you.role === 'facilitator' && <DecideForm idea={idea} decision={decision} />}
    </li>
  );
}
