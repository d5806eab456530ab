import type { Brief } from '../model/brief.ts';
import type { InitiativeId } from '../model/ids.ts';

/**
 * Ten realistic briefs, written the way facilitators write them: long,
 * comma-rich, with numbers, ranges and names from several languages. The
 * brief-understanding tests and the offline generator's quality harness both
 * read them, so a change to either is judged on the same inputs.
 */
export type SampleBrief = Pick<Brief, 'objective' | 'audience' | 'constraints' | 'initiatives' | 'successMetrics'> & {
  name: string;
};

const initiative = (n: number, title: string, description = '') => ({ id: `init:${n}` as InitiativeId, title, description });
const metric = (name: string, target = '') => ({ name, target });

export const SAMPLE_BRIEFS: SampleBrief[] = [
  {
    name: 'invoicing retention',
    objective:
      'Increase 90-day retention of new self-serve customers from 38% to 50% by the end of Q3, so that growth stops depending on paid acquisition',
    audience:
      'Small-business owners who signed up for our invoicing app in the last 90 days, mostly sole traders and agencies with 1-10 people',
    constraints: ['No paid media before Q3', 'No new headcount', 'Web app only, no native mobile work this year'],
    initiatives: [initiative(1, 'Onboarding that gets the first invoice paid'), initiative(2, 'Win-back for quiet accounts')],
    successMetrics: [metric('90-day retention', '50%'), metric('Share of new accounts with a paid invoice in week 1', '60%')],
  },
  {
    name: 'enterprise security',
    objective: 'Win consideration among enterprise buyers who need governance, and double qualified pipeline from them in H1',
    audience: 'IT and security leads at 200-2,000 person SaaS companies, in the EU and the UK',
    constraints: ['No paid advertising this quarter', 'Launch before the March conference', 'Two engineers at most'],
    initiatives: [initiative(1, 'Governance story'), initiative(2, 'Security review fast lane')],
    successMetrics: [metric('Qualified pipeline from enterprise accounts', '2x'), metric('Security reviews passed first time')],
  },
  {
    name: 'clinic no-shows',
    objective: 'Reduce missed appointments at our outpatient clinics from 14% to 8% within two quarters',
    audience: 'Patients aged 65+ with recurring appointments, and the carers who help them get there',
    constraints: ['No budget for new software licences', 'Patient data stays on NHS systems', 'Within two quarters'],
    initiatives: [initiative(1, 'Reminders people act on'), initiative(2, 'Easy rebooking')],
    successMetrics: [metric('Missed appointment rate', '8%')],
  },
  {
    name: 'bakery repeat orders',
    objective: 'Grow repeat orders from existing local customers by 25% before the summer, without discounting the bread',
    audience: 'Families and office managers within 3 km of our two bakeries in Lyon, who already ordered at least once',
    constraints: ['No discounts or coupons', 'Budget under €2,000', 'The two owners, Amélie and Théo, run everything themselves'],
    initiatives: [initiative(1, 'Standing weekly orders')],
    successMetrics: [metric('Customers ordering twice a month'), metric('Repeat order revenue', '+25%')],
  },
  {
    name: 'developer adoption',
    objective:
      'Make our API the default choice for payment-reconciliation in mid-market fintech teams; measured by weekly active integrations',
    audience: 'Backend developers and engineering managers at fintech start-ups (Series A to C), many in Lagos, Nairobi and São Paulo',
    constraints: ['No in-person events', 'Docs and SDKs must stay open source', 'Ship within one quarter'],
    initiatives: [initiative(1, 'Five-minute first call'), initiative(2, 'Community of maintainers')],
    successMetrics: [metric('Weekly active integrations', '400'), metric('Time to first successful API call', '< 5 min')],
  },
  {
    name: 'university applications',
    objective: 'Increase completed applications from first-generation students by 20% for the autumn 2027 intake',
    audience: 'First-generation students in their final year of secondary school, and the teachers and parents who advise them',
    constraints: ['No paid social media', 'Every message in English and Welsh', 'Admissions team of three, no new hires'],
    initiatives: [initiative(1, 'Application buddies'), initiative(2, 'Plain-language guidance')],
    successMetrics: [metric('Completed applications from first-generation students', '+20%')],
  },
  {
    name: 'b2b churn',
    objective: 'Cut logo churn among mid-market accounts from 18% to 12% a year by making the first renewal a non-event',
    audience: 'Operations managers at logistics companies with 50-500 employees who use our route planner daily',
    constraints: ['No price changes this year', 'Customer success team stays at 4 people', 'Within two quarters'],
    initiatives: [initiative(1, 'Health score customers can see'), initiative(2, 'Quarterly value reviews')],
    successMetrics: [metric('Annual logo churn', '12%'), metric('Net revenue retention', '105%')],
  },
  {
    name: 'museum visits',
    objective: 'Double weekday visits by young adults to the city museum over the next twelve months',
    audience: 'Young adults aged 18-30 living in the city, including students and shift workers, who have not visited in the past year',
    constraints: ['No TV or radio advertising', 'Free entry must stay free', 'Minimal budget: volunteers and existing staff only'],
    initiatives: [initiative(1, 'After-hours programme'), initiative(2, 'Student ambassadors')],
    successMetrics: [metric('Weekday visits by 18-30 year olds', '2x')],
  },
  {
    name: 'marketplace supply',
    objective: 'Grow active sellers on our handmade marketplace in Japan to 5,000 by December, with at least 30% listing weekly',
    audience: 'Independent makers in Japan (ceramics, textiles, woodwork) who sell at craft fairs, such as Sato Yuki and Kenji Watanabe',
    constraints: ['No mobile app until 2027', 'Japanese-language support only from the existing team', 'No paid influencers'],
    initiatives: [initiative(1, 'Fair-to-online bridge'), initiative(2, 'Listing in ten minutes')],
    successMetrics: [metric('Active sellers', '5,000'), metric('Sellers listing weekly', '30%')],
  },
  {
    name: 'internal tool adoption',
    objective: 'Get 80% of field engineers logging inspections in the new app instead of on paper within 6 weeks',
    audience: 'Field engineers, many near retirement and uneasy with phones, and their regional supervisors',
    constraints: ['Only the existing Android devices', 'No overtime for training', 'Rollout must finish within 6 weeks'],
    initiatives: [],
    successMetrics: [metric('Inspections logged in the app', '80%')],
  },
];
