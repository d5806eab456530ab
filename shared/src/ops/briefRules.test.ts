import { describe, expect, it } from 'vitest';
import type { BriefInput } from '../model/brief.ts';
import { checkConstraint, checkHorizon, checkMetricOutput, checkRule } from './briefRules.ts';
import { checkBrief } from './checkBrief.ts';

/** Good briefs from different kinds of team: none may draw a single warning. */
export const GOOD_BRIEFS: Record<string, BriefInput> = {
  enterpriseMarketing: {
    title: 'Enterprise consideration',
    objective: 'Win consideration among enterprise buyers who need governance',
    audience: 'IT leads at 500+ person companies',
    constraints: ['No paid media before Q3', 'Ship inside the current release train', 'Budget under €20k'],
    decisionRule: {
      rule: 'Prefer ideas that move enterprise consideration this quarter at low cost',
      criteria: [
        { name: 'Strategic fit', description: 'Moves IT leads toward a shortlist', weight: 3 },
        { name: 'Cost to test', description: 'Can be tried for under €2k', weight: 1 },
      ],
    },
    successMetrics: [
      { name: 'Share of enterprise shortlists', target: '30%' },
      { name: 'Demo requests from 500+ person companies', target: '40 a month' },
    ],
    horizon: 'H1 2027',
    initiatives: [{ title: 'Governance story', description: 'Make governance visible' }],
  },
  productRetention: {
    title: 'Second-month retention',
    objective: 'Keep small agencies using the planner past their first month by making weekly planning faster than a spreadsheet',
    audience: 'Owners of agencies with 5-20 staff in their first 60 days',
    constraints: ['Build on the existing design system', 'No price changes this half', 'Only two engineers'],
    decisionRule: {
      rule: 'Choose what removes the biggest reason agencies stop planning with us, cheapest first',
      criteria: [
        { name: 'Churn reason addressed', description: 'Tackles a reason from exit interviews', weight: 3 },
        { name: 'Effort', description: 'Fits in two sprints for two engineers', weight: 2 },
        { name: 'Time to signal', description: 'Retention data within six weeks', weight: 1 },
      ],
    },
    successMetrics: [
      { name: 'Month-2 retention of new agencies', target: '55% (from 41%)' },
      { name: 'Weekly active planners per agency', target: '3' },
      { name: 'Number of page views on the plan view', target: '+20%' },
    ],
    horizon: 'next two quarters',
    initiatives: [],
  },
  nonprofitFundraising: {
    title: 'Regular givers',
    objective: 'Turn one-off donors from the winter appeal into monthly givers through stories of local impact',
    audience: 'People who gave once in the last 12 months and live within our region',
    constraints: ['Must comply with the fundraising code', 'Volunteers only at weekends', 'Launch nothing before trustee sign-off'],
    decisionRule: {
      rule: 'Back ideas that show donors their local impact and that volunteers can run',
      criteria: [{ name: 'Donor reach', description: 'Reaches last year’s one-off donors directly', weight: 2 }],
    },
    successMetrics: [{ name: 'One-off donors converting to monthly giving', target: '8%' }],
    horizon: 'by end of March 2027',
    initiatives: [],
  },
  // The audience is managers, and product metrics count what they do: neither is authority nor output.
  groceryProduct: {
    title: 'Less waste',
    objective: 'Help store managers at regional grocers cut waste by deciding stock faster',
    audience: 'Store managers at regional grocery chains with 10-50 stores',
    constraints: [
      'Work with the existing POS integrations',
      'No new hardware',
      'The two owners, Amélie and Théo, run the pilot themselves',
    ],
    decisionRule: {
      rule: 'Pick the best ideas for managers that decide the daily order in under a minute',
      criteria: [
        { name: 'Speed', description: 'Saves managers time on the daily order', weight: 3 },
        { name: 'Effort', description: 'One sprint or less', weight: 1 },
      ],
    },
    successMetrics: [
      { name: 'Waste as a share of stock', target: '-20%' },
      { name: 'Tasks completed by store managers in the app', target: '80%' },
    ],
    horizon: 'until the spring release',
    initiatives: [],
  },
  frenchBakery: {
    title: 'Commandes régulières',
    objective: 'Fidéliser les familles du quartier en transformant les commandes ponctuelles en abonnements hebdomadaires',
    audience: 'Familles et responsables de bureau à moins de 3 km de nos deux boulangeries lyonnaises',
    constraints: ['Pas de remises ni de coupons', 'Budget inférieur à 2 000 €', 'Les deux gérants font tout eux-mêmes'],
    decisionRule: {
      rule: 'Privilégier les idées qui créent une habitude de commande sans baisser les prix',
      criteria: [
        { name: 'Habitude', description: 'Crée une commande récurrente', weight: 3 },
        { name: 'Coût', description: 'Moins de 200 € à tester', weight: 1 },
      ],
    },
    successMetrics: [{ name: 'Clients commandant deux fois par mois', target: '+25 %' }],
    horizon: 'prochain trimestre',
    initiatives: [],
  },
  germanAgency: {
    title: 'Bindung',
    objective: 'Neue Agenturkunden im ersten Monat halten, indem die Wochenplanung schneller wird als eine Tabelle',
    audience: 'Inhaber von Agenturen mit 5 bis 20 Mitarbeitenden in den ersten 60 Tagen',
    constraints: ['Keine Preisänderungen in diesem Halbjahr', 'Nur zwei Entwickler'],
    decisionRule: {
      rule: 'Wir wählen, was den häufigsten Kündigungsgrund beseitigt, günstigstes zuerst',
      criteria: [
        { name: 'Kündigungsgrund', description: 'Adressiert einen Grund aus Exit-Interviews', weight: 3 },
        { name: 'Aufwand', description: 'Passt in zwei Sprints', weight: 1 },
      ],
    },
    successMetrics: [{ name: 'Bindung im zweiten Monat', target: '55 %' }],
    horizon: 'bis Jahresende',
    initiatives: [],
  },
  japaneseEnterprise: {
    title: '大企業の検討',
    objective: 'ガバナンスを重視する大企業の購買担当者の検討候補に入る',
    audience: '従業員500人以上の企業のIT責任者',
    constraints: ['第3四半期まで有料広告なし'],
    decisionRule: {
      rule: '今期中に大企業の検討を低コストで前進させるアイデアを優先する',
      criteria: [
        { name: '戦略適合', description: '候補リスト入りに近づける', weight: 3 },
        { name: 'コスト', description: '20万円以下で試せる', weight: 1 },
      ],
    },
    successMetrics: [{ name: '大企業の候補リスト入り率', target: '30%' }],
    horizon: '来期',
    initiatives: [],
  },
};

const codes = (b: Partial<BriefInput>) => checkBrief(b).map((w) => w.code);

describe('brief check v2 on good briefs', () => {
  for (const [name, brief] of Object.entries(GOOD_BRIEFS)) {
    it(`draws no warning on a good ${name} brief`, () => {
      expect(checkBrief(brief)).toEqual([]);
    });
  }
});

describe('horizon-no-period', () => {
  it.each(['soon', 'ASAP', 'long term', 'ongoing', 'Short-term'])('flags "%s"', (h) => {
    const w = checkHorizon(h);
    expect(w?.code).toBe('horizon-no-period');
    expect(w?.suggestion).toMatch(/H1 2027/);
  });
  it.each(['bientôt', 'bald', 'pronto', 'à long terme'])('flags "%s" in other languages too', (h) => {
    expect(checkHorizon(h)?.code).toBe('horizon-no-period');
  });
  it.each([
    'H1 2027',
    'next two quarters',
    'this year',
    'by end of March',
    'Q3',
    '90 days',
    'before summer',
    'prochain trimestre',
    "d'ici la fin de l'année",
    'nächstes Quartal',
    'bis Quartalsende',
    'próximo semestre',
    'este año',
    'komend kwartaal',
    '来期',
    '下个季度',
    '다음 분기',
  ])('accepts "%s"', (h) => {
    expect(checkHorizon(h)).toBeNull();
  });
  it('reaches checkBrief on the horizon field', () => {
    const ws = checkBrief({ ...GOOD_BRIEFS.enterpriseMarketing, horizon: 'soon' });
    expect(ws.map((w) => [w.field, w.code])).toEqual([['horizon', 'horizon-no-period']]);
  });
});

describe('rule-popularity and rule-authority', () => {
  it("suggests a rule about the brief's own audience", () => {
    expect(checkRule('best ideas', 'HR leaders at mid-size companies')?.suggestion).toContain(
      '"Prefer ideas that reach HR leaders at mid-size companies within the horizon',
    );
  });
  it.each([
    'best ideas',
    'Pick the best ideas',
    'The best ideas in the room',
    'Our favourite ideas for IT leads',
    'Most votes wins',
    'Top ideas by votes',
    'Go with the majority',
    'the most popular ones',
    'Go with what the team likes',
    'Gut feeling',
  ])('flags "%s" as popularity', (r) => {
    const w = checkRule(r);
    expect(w?.code).toBe('rule-popularity');
    expect(w?.suggestion).toMatch(/Prefer ideas/);
  });
  it.each([
    'Pick what the CEO likes',
    'Whatever leadership wants',
    'Ideas approved by the CMO',
    'HiPPO decides',
    'The CEO decides',
    "Our director's call",
    'Whatever my manager prefers',
  ])('flags "%s" as authority', (r) => {
    expect(checkRule(r)?.code).toBe('rule-authority');
  });
  it.each([
    'Prefer ideas that move enterprise consideration this quarter at low cost',
    'Keep the ideas that best serve IT leads within budget',
    'Choose what removes the biggest reason agencies churn',
    'Prefer ideas that help store managers decide faster',
    'Back ideas the board can fund from the existing budget',
    'Pick the best ideas for IT leads that fit the budget',
    'Keep the strongest ideas against our three criteria',
    'Choose the top ideas by weighted score',
    'Highest weighted score wins, ties go to the cheapest',
  ])('accepts "%s"', (r) => {
    expect(checkRule(r)).toBeNull();
  });
});

describe('metric-output', () => {
  it.each([
    'number of posts published',
    'Number of blog posts',
    '# of webinars held',
    'Emails sent',
    'Features shipped per sprint',
    'Blog posts',
    'Number of posts published by the content team',
    'Releases per month',
    'Posts a week',
  ])('flags "%s"', (m) => {
    const w = checkMetricOutput(m, 2);
    expect(w?.code).toBe('metric-output');
    expect(w?.field).toBe('successMetrics.2');
    expect(w?.suggestion).toMatch(/Demo requests/);
  });
  it.each([
    'Number of page views on pricing',
    'Number of webinar attendees from target accounts',
    'Newsletter subscribers',
    'Share of enterprise shortlists',
    'Trial-to-paid conversion',
    'Meetings booked with IT leads',
    'Tasks completed by store managers in the app',
    'Emails sent by users to their clients',
    'Pages per session',
    'Email open rate',
  ])('accepts "%s"', (m) => {
    expect(checkMetricOutput(m, 0)).toBeNull();
  });
  it('leaves a metric that starts with a verb to metric-tactical, not both', () => {
    expect(codes({ ...GOOD_BRIEFS.enterpriseMarketing, successMetrics: [{ name: 'publish 3 blog posts', target: '' }] })).toEqual([
      'metric-tactical',
    ]);
  });
});

describe('criterion-undescribed', () => {
  it('flags each criterion without a description, by index, with a suggestion naming it', () => {
    const ws = checkBrief({
      ...GOOD_BRIEFS.enterpriseMarketing,
      decisionRule: {
        rule: 'Prefer ideas that move consideration cheaply',
        criteria: [
          { name: 'good', weight: 1 },
          { name: 'Fit', description: 'Moves IT leads toward a shortlist', weight: 2 },
          { name: 'Impact', description: '   ', weight: 1 },
        ],
      },
    });
    expect(ws.map((w) => [w.field, w.code])).toEqual([
      ['decisionRule.criteria.0.description', 'criterion-undescribed'],
      ['decisionRule.criteria.2.description', 'criterion-undescribed'],
    ]);
    expect(ws[0]?.message).toMatch(/"good"/);
    expect(ws[0]?.suggestion).toMatch(/what a 5 looks like/);
    // The example speaks of this brief's audience, and of effort for a cost-like criterion.
    expect(ws[0]?.suggestion).toContain('"good: 5 = clearly moves IT leads at 500+ person companies toward the objective');
    const effort = checkBrief({
      ...GOOD_BRIEFS.enterpriseMarketing,
      decisionRule: { rule: 'x y z', criteria: [{ name: 'Effort', weight: 1 }] },
    });
    expect(effort.find((w) => w.code === 'criterion-undescribed')?.suggestion).toContain(
      '"Effort: 5 = one person can try it within a week',
    );
  });
});

describe('constraint-tactic', () => {
  it('flags a list of tactics posing as a constraint', () => {
    const w = checkConstraint('Launch a podcast, run LinkedIn ads and host a webinar', 1);
    expect(w?.code).toBe('constraint-tactic');
    expect(w?.field).toBe('constraints.1');
    expect(w?.message).toMatch(/3 things to do/);
    expect(w?.suggestion).toMatch(/as ideas/);
  });
  it.each(['Post on LinkedIn every weekday', 'Host a webinar', 'Start a newsletter', 'Send a monthly newsletter'])(
    'flags the single tactic "%s"',
    (c) => {
      expect(checkConstraint(c, 0)?.code).toBe('constraint-tactic');
    },
  );
  it.each([
    'No paid media before Q3',
    'Ship inside the current release train',
    'Launch nothing before legal review',
    'Test only with existing customers',
    'The two owners, Amélie and Théo, run everything themselves',
    'Make it accessible (WCAG AA)',
    'Build for mobile first',
    'Ship in English and Welsh',
    'Write everything in British English',
    'Hire nobody',
    'Open the beta to five customers',
  ])('accepts the limit "%s"', (c) => {
    expect(checkConstraint(c, 0)).toBeNull();
  });
});

describe('a bad brief draws every v2 warning at once', () => {
  it('returns each code once with a concrete suggestion', () => {
    const ws = checkBrief({
      objective: 'Win consideration among enterprise buyers who need governance',
      audience: 'IT leads at 500+ person companies',
      constraints: ['Launch a podcast and run LinkedIn ads'],
      decisionRule: { rule: 'Pick what the CEO likes', criteria: [{ name: 'good', weight: 1 }] },
      successMetrics: [{ name: 'number of posts published', target: '12' }],
      horizon: 'soon',
    });
    expect(ws.map((w) => w.code)).toEqual([
      'constraint-tactic',
      'rule-authority',
      'criterion-undescribed',
      'metric-output',
      'horizon-no-period',
    ]);
    for (const w of ws) expect(w.suggestion.length).toBeGreaterThan(30);
  });
});
