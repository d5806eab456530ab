/**
 * The brief check's real output on three realistic briefs: one good, two bad.
 * It runs `checkBrief` from `shared` exactly as the start page and
 * `POST /api/sessions` do, and prints each warning's field, code, message and
 * suggestion. Run: `node --import tsx test/demo/briefCheck.ts` (no build needed).
 */
import { type BriefInput, checkBrief } from '@throughline/shared';

const BRIEFS: Record<string, BriefInput> = {
  'GOOD: a SaaS team on second-month retention': {
    title: 'Second-month retention',
    objective: 'Keep small agencies using the planner past their first month by making weekly planning faster than a spreadsheet',
    audience: 'Owners of agencies with 5-20 staff in their first 60 days',
    constraints: ['Build on the existing design system', 'No price changes this half', 'Only two engineers'],
    decisionRule: {
      rule: 'Choose what removes the biggest reason agencies stop planning with us, cheapest first',
      criteria: [
        { name: 'Churn reason addressed', description: 'Tackles a reason from the exit interviews', weight: 3 },
        { name: 'Effort', description: 'Fits in two sprints for two engineers', weight: 2 },
        { name: 'Time to signal', description: 'Retention data within six weeks', weight: 1 },
      ],
    },
    successMetrics: [
      { name: 'Month-2 retention of new agencies', target: '55% (from 41%)' },
      { name: 'Weekly active planners per agency', target: '3' },
    ],
    horizon: 'next two quarters',
    initiatives: [],
  },
  'BAD: a content-marketing brief as a new user writes it': {
    title: 'Content push',
    objective: 'Become the go-to voice on remote work for HR leaders at mid-size companies',
    audience: 'HR leaders at companies with 200-1,000 staff',
    constraints: ['Launch a podcast, run LinkedIn ads and host a monthly webinar'],
    decisionRule: {
      rule: 'Pick the best ideas',
      criteria: [
        { name: 'good', weight: 2 },
        { name: 'Reach', description: 'Gets in front of HR leaders we do not reach today', weight: 1 },
      ],
    },
    successMetrics: [
      { name: 'Number of posts published', target: '12 a month' },
      { name: 'Newsletter subscribers from HR roles', target: '2,000' },
    ],
    horizon: 'soon',
    initiatives: [],
  },
  'BAD: a product brief that defers to the boss': {
    title: 'Q-next roadmap',
    objective: 'Improve the product',
    audience: 'users',
    constraints: ['Ship the new dashboard', 'No new headcount'],
    decisionRule: {
      rule: 'Pick what the CEO likes',
      criteria: [
        { name: 'Impact', weight: 3 },
        { name: 'Effort', weight: 1 },
      ],
    },
    successMetrics: [{ name: 'Features shipped per sprint', target: '4' }],
    horizon: 'long term',
    initiatives: [],
  },
};

for (const [name, brief] of Object.entries(BRIEFS)) {
  const warnings = checkBrief(brief);
  console.log(`\n## ${name}: ${warnings.length === 0 ? 'no warnings' : `${warnings.length} warnings`}`);
  for (const w of warnings) {
    console.log(`- [${w.code}] ${w.field}: ${w.message}`);
    console.log(`  Suggestion: ${w.suggestion}`);
  }
}
