import { describe, expect, it } from 'vitest';
import { brokenConstraint, senseConstraint } from './constraintSense.ts';

describe('senseConstraint', () => {
  it.each([
    // channels
    ['No paid media before Q3', 'channel', 'forbid', ['paid-ads']],
    ['No TV or radio advertising', 'channel', 'forbid', ['tv-radio']],
    ['No paid social media', 'channel', 'forbid', ['paid-ads']],
    ['No in-person events', 'channel', 'forbid', ['events']],
    ['No paid influencers', 'channel', 'forbid', ['influencers']],
    // budget
    ['Budget under €2,000', 'budget', 'limit', ['big-spend']],
    ['No budget for new software licences', 'budget', 'forbid', ['software-spend', 'big-spend']],
    // headcount
    ['No new headcount', 'headcount', 'forbid', ['hiring', 'outsourcing']],
    ['Two engineers at most', 'headcount', 'limit', ['hiring', 'outsourcing']],
    ['Customer success team stays at 4 people', 'headcount', 'limit', ['hiring', 'outsourcing']],
    // timing
    ['Ship within one quarter', 'timing', 'limit', ['long-horizon']],
    ['Launch before the March conference', 'timing', 'limit', ['long-horizon']],
    // platform
    ['Web app only, no native mobile work this year', 'platform', 'forbid', ['mobile-app']],
    ['Only the existing Android devices', 'platform', 'limit', ['new-devices']],
    ['Docs and SDKs must stay open source', 'platform', 'require', ['closed-source']],
    // pricing and data
    ['No discounts or coupons', 'pricing', 'forbid', ['discounts']],
    ['Free entry must stay free', 'pricing', 'require', ['charging']],
    ['Patient data stays on NHS systems', 'data', 'require', ['data-sharing']],
  ] as const)('%s → %s, %s, rules out %j', (text, family, polarity, rules) => {
    const c = senseConstraint(text);
    expect(c.family).toBe(family);
    expect(c.polarity).toBe(polarity);
    for (const r of rules) expect(c.rules).toContain(r);
  });

  it('keeps what a narrow "no" leaves open', () => {
    expect(senseConstraint('No paid social media').rules).not.toContain('social-media');
    expect(senseConstraint('No TV or radio advertising').rules).not.toContain('paid-ads');
    expect(senseConstraint('Every message in English and Welsh').rules).toEqual([]);
  });

  it('reads "only" as allowing what it names and ruling out the rest of the family', () => {
    const emailOnly = senseConstraint('Only email and in-app messages, no other channels');
    expect(emailOnly.rules).not.toContain('email');
    expect(emailOnly.rules).toEqual(expect.arrayContaining(['paid-ads', 'social-media', 'events', 'tv-radio', 'influencers']));
    expect(brokenConstraint('Send a short email to every new owner on day three.', [emailOnly])).toBeNull();
    expect(brokenConstraint('Post weekly tips on LinkedIn for new owners.', [emailOnly])).toBe(emailOnly);
    expect(senseConstraint('Email only').rules).not.toContain('email');
    expect(senseConstraint('Email only').rules).toContain('social-media');

    const iosOnly = senseConstraint('iOS only');
    expect(iosOnly.rules).not.toContain('mobile-app');
    expect(brokenConstraint('Add push notifications to the iOS app for reminders.', [iosOnly])).toBeNull();
    expect(brokenConstraint('Ship the same reminders on Android next month.', [iosOnly])).toBe(iosOnly);
    // "Web app only" still rules the app out.
    expect(senseConstraint('Web app only').rules).toContain('mobile-app');
  });

  it('reads a zero budget as ruling out buying software too', () => {
    const zero = senseConstraint('Zero budget');
    expect(brokenConstraint('Buy a new CRM licence for the support team.', [zero])).toBe(zero);
    expect(brokenConstraint('Reuse the spreadsheet the team already keeps.', [zero])).toBeNull();
    expect(brokenConstraint('Buy a new CRM licence for the support team.', [senseConstraint('Budget under €2,000')])).toBeNull();
  });

  it('writes a short mid-sentence form that keeps numbers whole', () => {
    expect(senseConstraint('Budget under €2,000').short).toBe('budget under €2,000');
    expect(senseConstraint('No paid media before Q3').short).toBe('no paid media before Q3');
  });
});

describe('brokenConstraint', () => {
  const cs = ['No paid media before Q3', 'No new headcount', 'Web app only, no native mobile work', 'Ship within one quarter'].map(
    senseConstraint,
  );
  it.each([
    ['Run a paid search campaign aimed at IT leads', 'No paid media before Q3'],
    ['Retarget visitors who left the pricing page with display ads', 'No paid media before Q3'],
    ['Hire a customer success manager for new accounts', 'No new headcount'],
    ['Bring in an agency to rewrite onboarding', 'No new headcount'],
    ['Ship an iOS app with push notifications for reminders', 'Web app only, no native mobile work'],
    ['Plan a multi-year programme to rebuild the platform from scratch', 'Ship within one quarter'],
  ])('"%s" breaks "%s"', (idea, broken) => {
    expect(brokenConstraint(idea, cs)?.text).toBe(broken);
  });

  it.each([
    'Ask ten happy customers to introduce one peer each',
    'Make the key task work well in a phone browser',
    'Automate the reply our team sends most often',
  ])('"%s" respects them all', (idea) => {
    expect(brokenConstraint(idea, cs)).toBeNull();
  });
});
