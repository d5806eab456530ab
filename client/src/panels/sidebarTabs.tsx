import type { ComponentType } from 'react';
import type { ControlSnapshot } from '../session/readControl.ts';
import { AsyncPanel } from './AsyncPanel.tsx';
import { AiPanel } from './ai/AiPanel.tsx';
import { CommentsPanel } from './comments/CommentsPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { SelectPanel } from './SelectPanel.tsx';
import { WhatsNewPanel } from './WhatsNewPanel.tsx';
import { WorkshopPanel } from './workshop/WorkshopPanel.tsx';

/** A tab in the right-hand sidebar. Its panel reads the session through hooks (`useSession`, `useControl`, …). */
export interface SidebarTab {
  id: string;
  label: string;
  Panel: ComponentType;
  /** Hide the tab when it does not apply (e.g. a phase's panel outside that phase). */
  visible?: (control: ControlSnapshot) => boolean;
  /** The panel needs room (select, plan, review): the sidebar widens while it is open. */
  wide?: boolean;
}

const inPhase =
  (...phases: ControlSnapshot['phase']['current'][]) =>
  (c: ControlSnapshot) =>
    phases.includes(c.phase.current);

/** The sidebar's tabs, in order. A new panel is one import and one entry here. */
export const SIDEBAR_TABS: SidebarTab[] = [
  { id: 'people', label: 'People', Panel: ParticipantsPanel },
  { id: 'workshop', label: 'Workshop', Panel: WorkshopPanel },
  { id: 'ai', label: 'AI ideas', Panel: AiPanel },
  { id: 'select', label: 'Select', Panel: SelectPanel, visible: inPhase('select'), wide: true },
  // The plan stays readable while reviewing.
  { id: 'plan', label: 'Plan', Panel: PlanPanel, visible: inPhase('plan', 'review'), wide: true },
  { id: 'review', label: 'Review', Panel: ReviewPanel, visible: inPhase('review'), wide: true },
  { id: 'export', label: 'Export', Panel: ExportPanel },
  // Async rounds: the discussion, what changed while you were away, and the schedule.
  { id: 'comments', label: 'Comments', Panel: CommentsPanel },
  { id: 'new', label: "What's new", Panel: WhatsNewPanel },
  { id: 'async', label: 'Schedule', Panel: AsyncPanel },
];
