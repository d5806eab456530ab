import type { ActivityReport } from '@throughline/shared';
import { useState } from 'react';
import { useSession } from '../session/SessionProvider.tsx';
import { markAllSeen } from '../session/whatsNew.ts';
import { patchStore } from '../state/createStore.ts';
import { showThread } from '../state/showThread.ts';
import { useStoreValue } from '../state/useStore.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
const PHASE: Record<string, string> = { explore: 'Explore', select: 'Select', plan: 'Plan', review: 'Review' };

/**
 * "Since you were here": what happened while this person was away — new
 * and changed notes (glowing on the canvas until looked at), comments,
 * mentions of them, phase changes, decisions and steps. Opens by itself on
 * return when there is something to show.
 */
export function WhatsNewPanel() {
  const { whatsNew, editor, sessionId, token } = useSession();
  const { report, unseen } = useStoreValue(whatsNew);
  const [busy, setBusy] = useState(false);
  if (!report) return <p className="muted">Nothing new since you were last here.</p>;
  const show = (key: string) => showThread(editor.ui, key);
  return (
    <section className="whats-new" aria-label="Since you were here">
      <h3>Since you were here</h3>
      <p className="muted">Since {when(report.since)}</p>
      <Mentions report={report} onShow={show} />
      {report.phaseChanges.length > 0 ? (
        <ul className="activity-list" aria-label="Phase changes">
          {report.phaseChanges.map((p) => (
            <li key={p.at}>
              {PHASE[p.to]} opened {when(p.at)}
              {p.auto ? ' (deadline reached)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <IdeaList
        title="New notes"
        ideas={report.ideas.created}
        unseen={unseen}
        onShow={(id) => patchStore(editor.ui, { selection: new Set([id]) })}
      />
      <IdeaList
        title="Changed notes"
        ideas={report.ideas.changed}
        unseen={unseen}
        onShow={(id) => patchStore(editor.ui, { selection: new Set([id]) })}
      />
      {report.comments.length > 0 ? (
        <>
          <h4>{report.comments.length === 1 ? '1 new comment' : `${report.comments.length} new comments`}</h4>
          <ul className="activity-list">
            {report.comments.map((c) => (
              <li key={c.id}>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => show(c.threadKey)}>
                  <strong>{c.authorName}</strong>: {c.text.slice(0, 90)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.decisions.length > 0 ? <p>{report.decisions.length} decisions made</p> : null}
      {report.steps.length > 0 ? <p>{report.steps.length} next steps written or changed</p> : null}
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          markAllSeen(whatsNew, sessionId, token)
            .catch(() => {})
            .finally(() => setBusy(false));
        }}
      >
        Mark all as seen
      </button>
    </section>
  );
}

function Mentions({ report, onShow }: { report: ActivityReport; onShow(id: string): void }) {
  if (report.mentions.length === 0) return null;
  return (
    <>
      <h4>Mentioned you</h4>
      <ul className="activity-list mentions" aria-label="Mentions of you">
        {report.mentions.map((c) => (
          <li key={c.id}>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => onShow(c.threadKey)}>
              <strong>{c.authorName}</strong>: {c.text.slice(0, 120)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function IdeaList(props: {
  title: string;
  ideas: ActivityReport['ideas']['created'];
  unseen: ReadonlySet<string>;
  onShow(id: string): void;
}) {
  if (props.ideas.length === 0) return null;
  return (
    <>
      <h4>
        {props.title} ({props.ideas.length})
      </h4>
      <ul className="activity-list">
        {props.ideas.map((i) => (
          <li key={i.id} data-unseen={props.unseen.has(i.id) || undefined}>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => props.onShow(i.id)}>
              {i.text || 'Empty note'} <span className="muted">— {i.authorName}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
