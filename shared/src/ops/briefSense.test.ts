import { describe, expect, it } from 'vitest';
import { senseAudience, senseObjective, understandBrief } from './briefSense.ts';
import { SAMPLE_BRIEFS } from './sampleBriefs.fixture.ts';

const byName = (name: string) => {
  const b = SAMPLE_BRIEFS.find((x) => x.name === name);
  if (!b) throw new Error(name);
  return understandBrief(b);
};

describe('understandBrief on ten realistic briefs', () => {
  it.each([
    ['invoicing retention', 'small-business owners', 'owners', '90-day retention', 'to increase 90-day retention'],
    ['enterprise security', 'IT and security leads', 'leads', 'consideration', 'to win consideration'],
    ['clinic no-shows', 'patients aged 65+', 'patients', 'missed appointments', 'to reduce missed appointments'],
    ['bakery repeat orders', 'families and office managers', 'managers', 'repeat orders', 'to grow repeat orders'],
    [
      'developer adoption',
      'backend developers and engineering managers',
      'managers',
      'weekly active integrations',
      'to make our API the default choice',
    ],
    ['university applications', 'first-generation students', 'students', 'completed applications', 'to increase completed applications'],
    ['b2b churn', 'operations managers', 'managers', 'logo churn', 'to cut logo churn'],
    ['museum visits', 'young adults aged 18-30', 'adults', 'weekday visits', 'to double weekday visits'],
    ['marketplace supply', 'independent makers', 'makers', 'active sellers', 'to grow active sellers'],
    [
      'internal tool adoption',
      'field engineers',
      'engineers',
      'inspections logged',
      'to get more of them logging inspections in the new app',
    ],
  ])('%s: audience "%s" (head %s), metric "%s", outcome "%s"', (name, short, head, metric, outcome) => {
    const s = byName(name);
    expect(s.audience.short).toBe(short);
    expect(s.audience.head).toBe(head);
    expect(s.objective.metric).toBe(metric);
    expect(s.objective.outcome).toBe(outcome);
  });

  it('tells people at work from people in their private lives, and software from other products', () => {
    expect(byName('enterprise security').audience.atWork).toBe(true);
    expect(byName('bakery repeat orders').audience.atWork).toBe(false);
    expect(byName('clinic no-shows').audience.atWork).toBe(false);
    expect(byName('invoicing retention').digital).toBe(true);
    expect(byName('museum visits').digital).toBe(false);
  });

  it('reads each initiative as a theme with its words', () => {
    const s = byName('invoicing retention');
    expect(s.initiatives.map((i) => i.theme)).toEqual(['Onboarding that gets the first invoice paid', 'Win-back for quiet accounts']);
    expect(s.initiatives[1]?.keywords.has('quiet')).toBe(true);
    expect(byName('internal tool adoption').initiatives).toEqual([]);
  });
});

describe('audience short forms', () => {
  it.each([
    ['IT and security leads at 200-2,000 person SaaS companies, in the EU and the UK', 'IT and security leads'],
    ['Small-business owners who signed up for our invoicing app in the last 90 days', 'small-business owners'],
    ['Heads of finance at mid-market retailers', 'heads of finance'],
    ['Customers who churned in the last six months', 'customers who churned'],
    [
      'The procurement managers of regional hospitals (NHS trusts and private clinics), usually two per site',
      'procurement managers of regional hospitals',
    ],
    ['Independent makers in Japan (ceramics, textiles, woodwork) such as Sato Yuki', 'independent makers'],
    ['Japanese indie game studios with fewer than 20 people', 'Japanese indie game studios'],
    ['Parents of children under 5 in Lagos and Abuja', 'parents of children under 5'],
  ])('%s → %s', (audience, short) => {
    expect(senseAudience(audience).short).toBe(short);
  });
});

describe('objective outcomes', () => {
  it.each([
    ['Increase 90-day retention of new self-serve customers from 38% to 50% by Q3', '90-day retention', 'up'],
    ['Reduce time-to-first-invoice for new users to under 10 minutes', 'time-to-first-invoice', 'down'],
    ['Grow qualified pipeline from mid-market SaaS by 30% in H1', 'qualified pipeline', 'up'],
    ['Become the default invoicing tool for agencies in the Nordics', 'default invoicing tool', 'reach'],
  ] as const)('%s → metric %s (%s)', (objective, metric, direction) => {
    const o = senseObjective(objective);
    expect(o.metric).toBe(metric);
    expect(o.direction).toBe(direction);
    // Never the whole objective pasted back.
    expect(o.outcome.length).toBeLessThan(objective.length);
  });

  it('falls back to the measure named in the objective, then to the first success metric', () => {
    expect(senseObjective('Make our API the default choice; measured by weekly active integrations').metric).toBe(
      'weekly active integrations',
    );
    expect(senseObjective('Get 80% of field engineers logging inspections in the app', ['Inspections logged in the app']).metric).toBe(
      'inspections logged',
    );
  });
});
