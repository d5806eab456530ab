import { useControl, useSession } from '../session/SessionProvider.tsx';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue } from '../state/useStore.ts';
import { SIDEBAR_TABS } from './sidebarTabs.tsx';

/** The right-hand sidebar: a tab list over the panels in SIDEBAR_TABS, collapsible to a strip. */
export function Sidebar() {
  const { editor } = useSession();
  const control = useControl();
  const open = useStoreValue(editor.ui, (s) => s.sidebarTab);
  const tabs = SIDEBAR_TABS.filter((t) => t.visible?.(control) ?? true);
  const active = tabs.find((t) => t.id === open) ?? null;
  if (!active) {
    return (
      <aside className="side side-right side-collapsed" aria-label="Sidebar (collapsed)">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            className="btn btn-ghost btn-small vertical-label"
            onClick={() => patchStore(editor.ui, { sidebarTab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </aside>
    );
  }
  const { Panel } = active;
  return (
    <aside className="side side-right" data-wide={active.wide ? 'true' : undefined} aria-label="Sidebar">
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={t.id === active.id}
            aria-controls={`tabpanel-${t.id}`}
            onClick={() => patchStore(editor.ui, { sidebarTab: t.id })}
          >
            {t.label}
          </button>
        ))}
        <span className="tabs-spacer" />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Collapse sidebar"
          onClick={() => patchStore(editor.ui, { sidebarTab: null })}
        >
          »
        </button>
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        {active.wide ? (
          <div className="tl-phase-root tl-phase-wide">
            <Panel />
          </div>
        ) : (
          <Panel />
        )}
      </div>
    </aside>
  );
}
