import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useControl, useSession } from '../session/SessionProvider.tsx';
import { patchStore } from '../state/createStore.ts';
import { useStoreValue } from '../state/useStore.ts';
import { CollapseGlyph } from './CollapseGlyph.tsx';
import { Icon } from './icons.tsx';
import { PanelView } from './PanelLoader.tsx';
import { clampSidebar, SidebarResizer } from './SidebarResizer.tsx';
import { SIDEBAR_TABS } from './sidebarTabs.tsx';

/** The right-hand sidebar: a tab list over the panels in SIDEBAR_TABS, collapsible to a strip. */
const sideWidth = (width: number): CSSProperties & { '--side-width': string } => ({ '--side-width': `${width}px` });

export function Sidebar() {
  const { editor } = useSession();
  const control = useControl();
  const open = useStoreValue(editor.ui, (s) => s.sidebarTab);
  // Panels that need room (select, plan, review) start wider; each width is kept as the person drags it.
  const [widths, setWidths] = useState(() => ({ narrow: 300, wide: Math.min(480, Math.round(window.innerWidth * 0.38)) }));
  // Entering select, plan or review opens that phase's panel for everyone, as Parabol moves the whole team along.
  const phase = control.phase.current;
  const seenPhase = useRef(phase);
  useEffect(() => {
    if (seenPhase.current === phase) return;
    seenPhase.current = phase;
    if (SIDEBAR_TABS.some((t) => t.id === phase)) patchStore(editor.ui, { sidebarTab: phase });
  }, [phase, editor]);
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
            onPointerEnter={t.panel.preload}
            onFocus={t.panel.preload}
            onClick={() => patchStore(editor.ui, { sidebarTab: t.id })}
          >
            {/* The strip shows the name on a desktop; a phone's bottom bar has room for icons only (the name stays the button's name). */}
            <span className="strip-icon">
              <Icon name={t.icon} size={20} />
            </span>
            <span className="strip-label">{t.label}</span>
          </button>
        ))}
      </aside>
    );
  }
  const width = clampSidebar(widths[active.wide ? 'wide' : 'narrow']);
  return (
    <aside className="side side-right" data-wide={active.wide ? 'true' : undefined} aria-label="Sidebar" style={sideWidth(width)}>
      <SidebarResizer width={width} onResize={(w) => setWidths((cur) => ({ ...cur, [active.wide ? 'wide' : 'narrow']: w }))} />
      <div className="panel-head">
        <h2>{active.label}</h2>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Collapse sidebar"
          onClick={() => patchStore(editor.ui, { sidebarTab: null })}
        >
          <CollapseGlyph side="»" />
        </button>
      </div>
      {/* Icon tabs keep every panel one click away on one row at any sidebar width; each names itself in a tooltip. */}
      <div className="tabs" role="tablist" aria-label="Sidebar panels" onKeyDown={moveTabFocus}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-label={t.label}
            data-tip={t.label}
            aria-selected={t.id === active.id}
            aria-controls={`tabpanel-${t.id}`}
            onPointerEnter={t.panel.preload}
            onFocus={t.panel.preload}
            onClick={() => patchStore(editor.ui, { sidebarTab: t.id })}
          >
            <Icon name={t.icon} size={18} />
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the ARIA tabs pattern makes a tab panel focusable; it scrolls, and keyboard users must be able to scroll it (axe: scrollable-region-focusable) */}
      <div className="tab-panel" role="tabpanel" tabIndex={0} id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        {active.wide ? (
          <div className="tl-phase-root tl-phase-wide">
            <PanelView key={active.id} loader={active.panel} />
          </div>
        ) : (
          <PanelView key={active.id} loader={active.panel} />
        )}
      </div>
    </aside>
  );
}

/** Arrow keys, Home and End move focus along the tab row (Enter or Space opens the focused tab), as in the ARIA tabs pattern. */
function moveTabFocus(e: KeyboardEvent<HTMLDivElement>) {
  const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const next =
    e.key === 'ArrowRight'
      ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft'
        ? (at - 1 + tabs.length) % tabs.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? tabs.length - 1
            : -1;
  if (next < 0) return;
  e.preventDefault();
  tabs[next]?.focus();
}
