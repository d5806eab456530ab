import type { ControlSnapshot } from '../session/readControl.ts';
import type { IconName } from './icons.tsx';
import { PanelLoader } from './PanelLoader.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';

/** A tab in the right-hand sidebar. Its panel reads the session through hooks (`useSession`, `useControl`, …). */
export interface SidebarTab {
  id: string;
  label: string;
  /** The tab shows its icon; the label is its name, tooltip and the open panel's title. */
  icon: IconName;
  /** The panel's code; it reads the session through hooks. */
  panel: PanelLoader;
  /** Hide the tab when it does not apply (e.g. a phase's panel outside that phase). */
  visible?: (control: ControlSnapshot) => boolean;
  /** The panel needs room (select, plan, review): the sidebar widens while it is open. */
  wide?: boolean;
}

const inPhase =
  (...phases: ControlSnapshot['phase']['current'][]) =>
  (c: ControlSnapshot) =>
    phases.includes(c.phase.current);

/**
 * The sidebar's tabs, in order. A new panel is one entry here. Only the
 * panel open by default (People) is in a board link's first load; the others
 * download when first opened (decision 1820).
 */
export const SIDEBAR_TABS: SidebarTab[] = [
  { id: 'people', label: 'People', icon: 'people', panel: PanelLoader.ready(ParticipantsPanel) },
  {
    id: 'workshop',
    label: 'Workshop',
    icon: 'timer',
    panel: new PanelLoader(() => import('./workshop/WorkshopPanel.tsx').then((m) => m.WorkshopPanel)),
  },
  { id: 'ai', label: 'AI ideas', icon: 'sparkles', panel: new PanelLoader(() => import('./ai/AiPanel.tsx').then((m) => m.AiPanel)) },
  {
    id: 'select',
    label: 'Select',
    icon: 'vote',
    panel: new PanelLoader(() => import('./SelectPanel.tsx').then((m) => m.SelectPanel)),
    visible: inPhase('select'),
    wide: true,
  },
  // The plan stays readable while reviewing.
  {
    id: 'plan',
    label: 'Plan',
    icon: 'plan',
    panel: new PanelLoader(() => import('./PlanPanel.tsx').then((m) => m.PlanPanel)),
    visible: inPhase('plan', 'review'),
    wide: true,
  },
  {
    id: 'review',
    label: 'Review',
    icon: 'chart',
    panel: new PanelLoader(() => import('./ReviewPanel.tsx').then((m) => m.ReviewPanel)),
    visible: inPhase('review'),
    wide: true,
  },
  { id: 'export', label: 'Export', icon: 'download', panel: new PanelLoader(() => import('./ExportPanel.tsx').then((m) => m.ExportPanel)) },
  // Async rounds: the discussion, what changed while you were away, and the schedule.
  {
    id: 'comments',
    label: 'Comments',
    icon: 'comment',
    panel: new PanelLoader(() => import('./comments/CommentsPanel.tsx').then((m) => m.CommentsPanel)),
  },
  {
    id: 'new',
    label: "What's new",
    icon: 'bell',
    panel: new PanelLoader(() => import('./WhatsNewPanel.tsx').then((m) => m.WhatsNewPanel)),
  },
  { id: 'async', label: 'Schedule', icon: 'calendar', panel: new PanelLoader(() => import('./AsyncPanel.tsx').then((m) => m.AsyncPanel)) },
];
