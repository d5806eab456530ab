import type { Template } from '../model/template.ts';

/**
 * The built-in templates (`GET /api/templates`). Each brief is an example a
 * facilitator overwrites: concrete enough to show what a strategic objective,
 * a weighted decision rule and outcome metrics look like.
 */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'quarterly-strategy',
    name: 'Quarterly strategy to plan',
    summary: 'Turn next quarter’s strategic choice into a few owned, measurable bets in one 90-minute session.',
    mode: 'live',
    brief: {
      title: 'Q3 strategy to plan',
      objective: 'Win renewals among mid-market customers who outgrew onboarding, by making the admin the hero of their rollout',
      audience: 'Admins at mid-market customers (200-2,000 seats) in their second year',
      constraints: ['No new headcount this quarter', 'Pricing changes need finance sign-off'],
      decisionRule: {
        rule: 'Prefer bets that move renewal intent within the quarter and that one team can own end to end',
        criteria: [
          { name: 'Renewal impact', description: 'How directly it moves renewal intent for second-year admins', weight: 3 },
          { name: 'Time to signal', description: 'Whether we see a leading indicator within six weeks', weight: 2 },
          { name: 'Effort', description: 'Fits one team’s capacity this quarter (higher is lighter)', weight: 1 },
        ],
      },
      successMetrics: [
        { name: 'Gross revenue retention, mid-market', target: '92% by end of quarter' },
        { name: 'Admins active weekly in month 13', target: '60%' },
      ],
      horizon: 'Q3 (July to September)',
    },
    agenda: [
      { phase: 'explore', minutes: 5, label: 'Read the brief together' },
      { phase: 'explore', minutes: 10, label: 'Silent brainwriting' },
      { phase: 'explore', minutes: 15, label: 'Share and cluster' },
      { phase: 'select', minutes: 10, label: 'Dot vote and score' },
      { phase: 'select', minutes: 15, label: 'Decide keep, park, drop' },
      { phase: 'plan', minutes: 25, label: 'Owners, dates, success checks' },
    ],
    voting: { voteBudget: 5, perIdeaCap: 2, blindOrigin: false },
    privateMode: true,
  },
  {
    id: 'campaign-brainstorm',
    name: 'Campaign brainstorm for a client',
    summary: 'An agency session: many campaign ideas against the client’s positioning, narrowed to the few worth pitching.',
    mode: 'live',
    brief: {
      title: 'Spring campaign for the client',
      objective: 'Make the client the obvious choice for first-time home buyers who distrust banks, by owning plain-spoken advice',
      audience: 'First-time buyers aged 25-35 in the client’s three launch cities',
      constraints: ['Brand voice: plain, no jargon', 'Launch within eight weeks', 'No paid TV'],
      decisionRule: {
        rule: 'Pitch the ideas that best express plain-spoken advice and that the client can launch on budget',
        criteria: [
          { name: 'On positioning', description: 'Expresses plain-spoken advice better than a competitor could', weight: 3 },
          { name: 'Reach in audience', description: 'Finds first-time buyers where they already look', weight: 2 },
          { name: 'Feasible on budget', description: 'Producible within the budget and eight weeks', weight: 2 },
        ],
      },
      successMetrics: [
        { name: 'Consideration among first-time buyers', target: '+8 points in the brand tracker' },
        { name: 'Share of mortgage enquiries from first-time buyers', target: '30%' },
      ],
      horizon: 'Spring season, March to May',
    },
    agenda: [
      { phase: 'explore', minutes: 5, label: 'Client brief and positioning' },
      { phase: 'explore', minutes: 12, label: 'Brainwrite alone' },
      { phase: 'explore', minutes: 15, label: 'Build on each other' },
      { phase: 'select', minutes: 10, label: 'Vote' },
      { phase: 'select', minutes: 10, label: 'Pick the pitch' },
      { phase: 'plan', minutes: 15, label: 'Next steps to the pitch' },
    ],
    voting: { voteBudget: 3, perIdeaCap: 1, blindOrigin: true },
    privateMode: true,
  },
  {
    id: 'retention-sprint',
    name: 'Retention sprint',
    summary: 'Find and commit to the experiments most likely to keep customers in the next two weeks.',
    mode: 'live',
    brief: {
      title: 'Retention sprint',
      objective: 'Keep self-serve teams past their first renewal by getting a second teammate active in week one',
      audience: 'Self-serve teams of 2-20 people in their first month',
      constraints: ['Experiments must ship within the two-week sprint', 'No discounting'],
      decisionRule: {
        rule: 'Choose experiments with the strongest link to week-one teammate activation that we can measure in the sprint',
        criteria: [
          { name: 'Activation link', description: 'Plausibly raises the share of teams with a second active member', weight: 3 },
          { name: 'Measurable in sprint', description: 'We can read the result within two weeks', weight: 2 },
          { name: 'Reversible', description: 'Easy to roll back if it hurts', weight: 1 },
        ],
      },
      successMetrics: [
        { name: 'Logo retention at first renewal', target: '85%' },
        { name: 'Teams with two active members in week one', target: '45%' },
      ],
      horizon: 'This sprint and the next renewal cycle (90 days)',
    },
    agenda: [
      { phase: 'explore', minutes: 5, label: 'What the churn data says' },
      { phase: 'explore', minutes: 10, label: 'Experiment ideas' },
      { phase: 'select', minutes: 8, label: 'Vote' },
      { phase: 'select', minutes: 10, label: 'Decide' },
      { phase: 'plan', minutes: 15, label: 'Owners and success checks' },
    ],
    voting: { voteBudget: 4, perIdeaCap: 2, blindOrigin: false },
    privateMode: false,
  },
  {
    id: 'product-discovery',
    name: 'Product discovery',
    summary: 'Map opportunities for one audience, choose which to test first, and plan the experiments.',
    mode: 'live',
    brief: {
      title: 'Discovery: reporting for finance leads',
      objective: 'Become the reporting tool finance leads trust for month-end, by removing the spreadsheet reconciliation step',
      audience: 'Finance leads at companies of 50-500 people closing the books monthly',
      constraints: ['Read-only access to accounting systems', 'Design partners: five customers'],
      decisionRule: {
        rule: 'Test first the opportunities with the most evidence of pain and the cheapest honest test',
        criteria: [
          { name: 'Evidence of pain', description: 'Interviews or data show finance leads struggle with it today', weight: 3 },
          { name: 'Cheap to test', description: 'A prototype or concierge test can answer it in two weeks', weight: 2 },
          { name: 'Fits our strategy', description: 'Strengthens trust at month-end rather than adding a side feature', weight: 2 },
        ],
      },
      successMetrics: [
        { name: 'Design partners closing month-end without spreadsheets', target: '3 of 5' },
        { name: 'Time to close the books', target: '-2 days' },
      ],
      horizon: 'Next six weeks of discovery',
    },
    agenda: [
      { phase: 'explore', minutes: 10, label: 'Opportunities from interviews' },
      { phase: 'explore', minutes: 15, label: 'Solutions per opportunity' },
      { phase: 'select', minutes: 10, label: 'Score against evidence' },
      { phase: 'select', minutes: 10, label: 'Choose what to test' },
      { phase: 'plan', minutes: 20, label: 'Experiment plans' },
    ],
    voting: { voteBudget: 5, perIdeaCap: 3, blindOrigin: false },
    privateMode: false,
  },
  {
    id: 'async-idea-round',
    name: 'One-week async idea round',
    summary: 'A distributed team adds ideas over a week in their own hours, votes on day five and leaves with a plan.',
    mode: 'async',
    brief: {
      title: 'Async idea round',
      objective: 'Grow self-serve expansion in EMEA by making our product easier to buy for teams without a procurement process',
      audience: 'Team leads in EMEA who pay by card and invite colleagues themselves',
      constraints: ['Everyone contributes asynchronously across time zones', 'Decisions by Friday'],
      decisionRule: {
        rule: 'Keep the ideas most likely to raise self-serve expansion that a team can start next sprint',
        criteria: [
          { name: 'Expansion impact', description: 'Likely to raise seats added per self-serve team', weight: 3 },
          { name: 'Start next sprint', description: 'A team can begin within two weeks', weight: 1 },
        ],
      },
      successMetrics: [{ name: 'Net seat expansion, EMEA self-serve', target: '+15% over the half' }],
      horizon: 'Second half of the year',
    },
    agenda: [
      { phase: 'explore', minutes: 3 * 24 * 60, label: 'Add ideas (Mon-Wed)' },
      { phase: 'select', minutes: 24 * 60, label: 'Vote and score (Thu)' },
      { phase: 'plan', minutes: 24 * 60, label: 'Decide and plan (Fri)' },
    ],
    voting: { voteBudget: 5, perIdeaCap: 3, blindOrigin: true },
    privateMode: false,
  },
];

export const findTemplate = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);
