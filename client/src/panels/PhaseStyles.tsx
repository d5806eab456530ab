/**
 * Styles for the phase banner and the select / plan / review panels, kept
 * beside them (prefix `tl-ph-`, `tl-sel-`, `tl-plan-`) and built on the
 * app's CSS variables, so the panels look at home without editing the
 * global stylesheet. Rendered once by `PhasePanels`.
 */
const CSS = `
.tl-phase-root { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
/* Wide roots size to their container (the sidebar), so their layout can follow its width. */
.tl-phase-wide { container-type: inline-size; }
/* The select, plan and review tabs need room: widen the sidebar while one is open (the board is frozen then anyway). */
.side-right:has(.tl-phase-wide) { width: min(760px, 62vw); }
@container (max-width: 560px) { .tl-sel-layout { grid-template-columns: 1fr !important; } .tl-sel-rule { position: static; } }
.tl-ph-banner { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; }
.tl-ph-steps { display: flex; gap: 4px; list-style: none; margin: 0; padding: 0; }
.tl-ph-steps li { padding: 3px 10px; border-radius: 999px; font-size: 13px; color: var(--ink-3); background: var(--line-2); }
.tl-ph-steps li[data-state='current'] { background: var(--accent); color: var(--accent-ink); font-weight: 600; }
.tl-ph-steps li[data-state='done'] { color: var(--ink-2); }
.tl-ph-step-btn { border: 0; background: none; padding: 0; color: inherit; text-decoration: underline dotted; }
.tl-ph-purpose { margin: 0; flex: 1 1 260px; color: var(--ink-2); }
.tl-ph-confirm { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 10px; background: var(--warn-soft); border-radius: 6px; }
.tl-ph-confirm p { margin: 0; flex-basis: 100%; }
.tl-ph-error { margin: 4px 0 0; color: var(--danger); flex-basis: 100%; }
.tl-muted { color: var(--ink-3); }
.tl-gap { margin: 4px 0; padding: 4px 8px; background: var(--warn-soft); color: #a64200; border-left: 3px solid var(--warn); border-radius: 4px; }
.tl-tag { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--line-2); color: var(--ink-2); font-size: 12px; }
.tl-tag-ai { background: #f3f0ff; color: #5f3dc4; }
.tl-tag[data-type='strategic'] { background: #f3f0ff; color: #5f3dc4; }
.tl-tag[data-type='operational'] { background: #e6fcf5; color: #087f5b; }
.tl-tag[data-type='tactical'] { background: var(--accent-soft); color: #1864ab; }
.tl-verdict, .tl-status, .tl-outcome { display: inline-block; padding: 1px 8px; border-radius: 4px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.tl-verdict[data-verdict='keep'], .tl-status[data-status='tactic'], .tl-outcome[data-outcome='continue'] { background: #ebfbee; color: var(--ok); }
.tl-verdict[data-verdict='park'], .tl-status[data-status='waiting'] { background: var(--line-2); color: var(--ink-2); }
.tl-verdict[data-verdict='drop'], .tl-outcome[data-outcome='stop'] { background: var(--danger-soft); color: var(--danger); }
.tl-status[data-status='intention'], .tl-status[data-status='due'], .tl-outcome[data-outcome='revise'] { background: var(--warn-soft); color: #a64200; }
.tl-danger { color: var(--danger); border-color: var(--danger); }
.tl-seg { display: inline-flex; flex-wrap: wrap; gap: 4px; border: 0; margin: 0; padding: 0; align-items: center; }
.tl-seg legend { font-size: 13px; color: var(--ink-2); margin-right: 6px; float: left; }

.tl-sel { display: flex; flex-direction: column; gap: 10px; }
.tl-sel-facil { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; padding: 8px 12px; background: var(--accent-soft); border-radius: var(--radius); }
.tl-sel-num { width: 64px; padding: 4px 6px; }
.tl-sel-spacer { flex: 1; }
.tl-sel-budget { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; color: var(--ink-2); }
.tl-sel-dots { display: inline-flex; gap: 3px; }
.tl-sel-dot { width: 12px; height: 12px; border-radius: 50%; border: 2px solid var(--accent); }
.tl-sel-dot[data-spent='true'] { background: var(--accent); }
.tl-sel-layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(200px, 280px); gap: 14px; align-items: start; }
.tl-sel-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 8px; }
.tl-sel-toolbar .input { padding: 4px 8px; }
.tl-sel-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.tl-sel-row { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 10px 12px; display: flex; flex-direction: column; gap: 6px; }
.tl-sel-row[data-verdict='keep'] { border-left: 4px solid var(--ok); }
.tl-sel-row[data-verdict='drop'] { border-left: 4px solid var(--danger); opacity: .85; }
.tl-sel-row[data-verdict='park'] { border-left: 4px solid var(--ink-3); }
.tl-sel-row-head { display: flex; gap: 8px; align-items: baseline; }
.tl-rank { font-weight: 700; color: var(--accent); min-width: 28px; }
.tl-sel-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.tl-sel-meta { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; font-size: 13px; }
.tl-sel-means { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0; padding: 0; list-style: none; font-size: 12px; color: var(--ink-2); }
.tl-sel-vote { display: flex; align-items: center; gap: 6px; }
.tl-sel-mydots { min-width: 44px; text-align: center; color: var(--accent); letter-spacing: 2px; }
.tl-sel-score { display: flex; flex-direction: column; gap: 4px; }
.tl-sel-decision { margin: 0; font-size: 14px; }
.tl-sel-decide-form { display: flex; flex-direction: column; gap: 6px; }
.tl-sel-rule { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 10px 14px; position: sticky; top: 0; }
.tl-sel-rule h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--ink-3); margin: 8px 0 4px; }
.tl-sel-criteria { margin: 0; padding-left: 18px; }
.tl-weight { color: var(--accent); font-weight: 600; }

.tl-plan, .tl-review { display: flex; flex-direction: column; gap: 14px; }
.tl-plan-head h2 { margin: 2px 0; font-size: 20px; }
.tl-plan-kicker { margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--ink-3); font-weight: 600; }
.tl-plan-summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; }
.tl-plan-metrics, .tl-plan-balance, .tl-plan-gaps, .tl-review-followup { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 10px 14px; }
.tl-plan-metrics { border-top: 3px solid #5f3dc4; }
.tl-plan-metrics h3, .tl-plan-balance h3, .tl-plan-gaps h3, .tl-review-followup h3 { margin: 0 0 4px; font-size: 15px; }
.tl-plan-metrics ul, .tl-plan-gaps ul { margin: 6px 0 0; padding-left: 18px; }
.tl-plan-gaps { border-color: var(--warn); background: var(--warn-soft); }
.tl-plan-complete { margin: 0; color: var(--ok); font-weight: 600; }
.tl-balance-bar { display: flex; height: 12px; border-radius: 6px; overflow: hidden; background: var(--line-2); margin: 6px 0; }
.tl-balance-bar span[data-type='tactical'], .tl-balance-legend li[data-type='tactical']::before { background: #339af0; }
.tl-balance-bar span[data-type='operational'], .tl-balance-legend li[data-type='operational']::before { background: #20c997; }
.tl-balance-bar span[data-type='strategic'], .tl-balance-legend li[data-type='strategic']::before { background: #7950f2; }
.tl-balance-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; font-size: 13px; }
.tl-balance-legend li::before { content: ''; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; }
.tl-plan-initiative { display: flex; flex-direction: column; gap: 8px; }
.tl-plan-initiative > h3 { margin: 6px 0 0; font-size: 17px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.tl-plan-idea { background: var(--paper); border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: var(--radius); padding: 10px 14px; display: flex; flex-direction: column; gap: 6px; }
.tl-plan-idea[data-has-gap='true'] { border-left-color: var(--warn); }
.tl-plan-idea h4 { margin: 0; font-size: 15px; overflow-wrap: anywhere; }
.tl-plan-rationale { margin: 0; }
.tl-plan-steps { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.tl-plan-step { border: 1px solid var(--line-2); border-radius: 6px; padding: 8px 10px; background: var(--canvas); }
.tl-plan-step[data-status='intention'] { border-style: dashed; border-color: var(--warn); }
.tl-plan-step-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.tl-plan-step-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; font-size: 13px; }
.tl-plan-step-facts dt { color: var(--ink-3); }
.tl-plan-step-facts dd { margin: 0; }
.tl-plan-step-facts dd[data-missing='true'] { color: #a64200; font-style: italic; }
.tl-plan-editor { display: flex; flex-direction: column; gap: 8px; padding: 10px; background: var(--paper); border: 1px solid var(--accent); border-radius: var(--radius); }
.tl-plan-editor-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 8px; }
.tl-plan-fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px 10px; margin: 0; display: flex; flex-direction: column; gap: 6px; }
.tl-plan-record summary { cursor: pointer; color: var(--ink-2); }
.tl-check { display: block; }
.tl-review-learned { margin: 6px 0 0; padding: 6px 10px; border-left: 3px solid var(--accent); background: var(--paper); white-space: pre-wrap; }
.tl-review-learned footer { font-size: 12px; margin-top: 4px; }
`;

export function PhaseStyles() {
  return <style data-tl="phase-panels">{CSS}</style>;
}
