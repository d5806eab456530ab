import { useControl, useSession } from '../session/SessionProvider.tsx';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue } from '../state/useStore.ts';
import { CollapseGlyph } from './CollapseGlyph.tsx';
import { Icon } from './icons.tsx';
import { StrategyHistory } from './StrategyHistory.tsx';

/** The brief, pinned to the left so every idea is written with it in view; collapsible to a strip. */
export function BriefPanel() {
  const { editor, warnings } = useSession();
  const control = useControl();
  const open = useStoreValue(editor.ui, (s) => s.briefOpen);
  const brief = control.brief;
  if (!open) {
    return (
      <aside className="side side-collapsed" aria-label="Brief (collapsed)">
        <button
          type="button"
          className="btn btn-ghost btn-small vertical-label"
          aria-expanded={false}
          onClick={() => patchStore(editor.ui, { briefOpen: true })}
        >
          <span className="strip-icon">
            <Icon name="brief" size={20} />
          </span>
          <span className="strip-label">Brief</span>
        </button>
      </aside>
    );
  }
  return (
    <aside className="side" aria-labelledby="brief-title" data-testid="brief-panel">
      <div className="panel-head">
        <h2 id="brief-title">Brief</h2>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-expanded
          aria-label="Collapse brief"
          onClick={() => patchStore(editor.ui, { briefOpen: false })}
        >
          <CollapseGlyph side="«" />
        </button>
      </div>
      {/* A follow-up opens with its strategy check: above the brief it may change. */}
      <StrategyHistory />
      {brief ? (
        <dl className="panel-body brief">
          <dt>Objective</dt>
          <dd>{brief.objective}</dd>
          <dt>Audience</dt>
          <dd>{brief.audience}</dd>
          {brief.constraints.length > 0 ? (
            <>
              <dt>Constraints</dt>
              <dd>
                <ul>
                  {brief.constraints.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {brief.decisionRule.rule || brief.decisionRule.criteria.length > 0 ? (
            <>
              <dt>Decision rule</dt>
              <dd>
                {brief.decisionRule.rule}
                {brief.decisionRule.criteria.length > 0 ? (
                  <ul>
                    {brief.decisionRule.criteria.map((c) => (
                      <li key={c.id}>
                        {c.name} <span className="muted">×{c.weight}</span>
                        {c.description ? <div className="fine-print">{c.description}</div> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </dd>
            </>
          ) : null}
          {brief.successMetrics.length > 0 ? (
            <>
              <dt>Success metrics</dt>
              <dd>
                <ul>
                  {brief.successMetrics.map((m) => (
                    <li key={m.name}>
                      {m.name}
                      {m.target ? <span className="muted"> — {m.target}</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {brief.horizon ? (
            <>
              <dt>Horizon</dt>
              <dd>{brief.horizon}</dd>
            </>
          ) : null}
          {brief.initiatives.length > 0 ? (
            <>
              <dt>Initiatives</dt>
              <dd>
                <ul>
                  {brief.initiatives.map((i) => (
                    <li key={i.id}>{i.title}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {warnings.length > 0 ? (
            <>
              <dt>Brief check</dt>
              <dd className="brief-check">
                <ul>
                  {warnings.map((w) => (
                    <li key={`${w.field}:${w.code}`}>{w.message}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="panel-body">The brief has not loaded yet.</p>
      )}
    </aside>
  );
}
