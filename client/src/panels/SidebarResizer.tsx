import { useRef } from 'react';

/** Sidebar widths a person may drag between (px); the canvas keeps the rest. */
export const SIDEBAR_MIN = 260;
export const SIDEBAR_MAX = 900;
const STEP = 40;

export const clampSidebar = (w: number) => Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, w)));

/**
 * The sidebar's left edge as a splitter: drag it (or focus it and use the
 * arrow keys) to trade canvas width for panel width, as in FigJam's panels.
 */
export function SidebarResizer({ width, onResize }: { width: number; onResize(width: number): void }) {
  const drag = useRef<{ startX: number; startW: number } | null>(null);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA splitter pattern; <hr> cannot take focus or be dragged
    <div
      className="side-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the sidebar"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
      tabIndex={0}
      data-testid="sidebar-resizer"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { startX: e.clientX, startW: width };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) onResize(clampSidebar(d.startW + (d.startX - e.clientX)));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        // The sidebar is on the right: Left widens it, Right narrows it.
        if (e.key === 'ArrowLeft') onResize(clampSidebar(width + STEP));
        else if (e.key === 'ArrowRight') onResize(clampSidebar(width - STEP));
        else return;
        e.preventDefault();
      }}
    />
  );
}
