import type { ReactNode } from 'react';
import { AiTab } from './AiTab.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import type { PanelProps } from './PanelProps.ts';
import { ParticipantsPanel } from './ParticipantsPanel.tsx';
import { PlanTab, phaseTabVisible, ReviewTab, SelectTab } from './PhasePanels.tsx';

/** A tab in the right-hand sidebar. */
export interface SidebarTab {
  id: string;
  label: string;
  /** Hide the tab when it does not apply (e.g. a phase's panel outside that phase). */
  visible?: (props: PanelProps) => boolean;
  render: (props: PanelProps) => ReactNode;
}

/**
 * The sidebar's tabs, in order. Other workstreams add their panel here
 * (one import and one entry): AI lane, selection, plan, export.
 */
export const SIDEBAR_TABS: SidebarTab[] = [
  { id: 'people', label: 'People', render: (p) => <ParticipantsPanel {...p} /> },
  { id: 'ai', label: 'AI ideas', render: (p) => <AiTab {...p} /> },
  { id: 'select', label: 'Select', visible: phaseTabVisible.select, render: (p) => <SelectTab {...p} /> },
  { id: 'plan', label: 'Plan', visible: phaseTabVisible.plan, render: (p) => <PlanTab {...p} /> },
  { id: 'review', label: 'Review', visible: phaseTabVisible.review, render: (p) => <ReviewTab {...p} /> },
  { id: 'export', label: 'Export', render: (p) => <ExportPanel {...p} /> },
];
